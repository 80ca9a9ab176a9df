import { signed } from '~/components/ui/format.ts';
import { compute } from '~/engine/client.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import { chooseLayer } from '~/engine/shared/widget-params/validate.ts';
import { FIRST_OBJECT } from '~/engine/shared/widget-params/images.ts';
import type { FieldTable, FieldView } from '~/engine/tasks/index.ts';
import type { Box } from '~/engine/probe/receptive-field.ts';
import { MapFigure } from '~/components/ui/map-view.ts';
import { attachProbe } from '~/components/ui/probe.ts';
import { ScenePicker, type PickedScene } from '~/components/ui/scene-picker.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { drawField } from './field-canvas.ts';
import { fillLayers, formatSpan, paddingMargin } from './layer-rows.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-patches.ts';

/** An integer with a typographic minus, as the prose writes it. */
const int = (value: number) => signed(value, 0);

const KIND = 'receptive-field';
const t = strings(pageLang());
/** Canvas pixels per input pixel. */
const SCALE = 5;

/** One unit's field as the engine's unitField gives it: the whole box, its part inside the image, and r. */
interface UnitField {
  unclipped: Box;
  clipped: Box;
  size: number;
}

/** A layer's map next to the input: point at a unit, see the input box it can see, with the numbers of the receptive-field equation. */
export function mountFieldExplorer(root: HTMLElement): void {
  const layer = root.querySelector<HTMLSelectElement>('[data-layer]')!;
  const map = new MapFigure(root.querySelector('[data-map="layer"]')!);
  const canvas = root.querySelector<HTMLCanvasElement>('[data-field-canvas]')!;
  const tbody = root.querySelector<HTMLTableElement>('[data-table]')!.tBodies[0]!;
  let picked: PickedScene | undefined;
  let view: FieldView | undefined;
  let chosen = 'last_conv';
  const state = (): WidgetState => ({ widget: KIND, image: picked?.ref ?? FIRST_OBJECT, params: { layer: chosen }, seed: 0 });
  const shell = new WidgetShell(root, KIND, state);
  const probe = attachProbe(map, (i, j) => void show(i, j));

  async function update(): Promise<void> {
    if (!picked) return;
    const image = picked.scene.image;
    const name = chosen;
    const result = await shell.run(() => compute(root.id, (tasks) => tasks.receptiveFieldView(name, image)));
    if (!result) return;
    view = result;
    if (layer.options.length !== result.table.rows.length) fillLayers(layer, result.table, name);
    fillTable(tbody, result.table, result.at);
    map.draw(result.map);
    const [i, j] = probe.at();
    await show(Math.min(i, result.map.height - 1), Math.min(j, result.map.width - 1));
  }

  async function show(i: number, j: number): Promise<void> {
    if (!view || !picked) return;
    const { table, at } = view;
    const row = table.rows[at]!;
    const field = await compute(`${root.id}/unit`, (tasks) => tasks.unitField(table, at, i, j)).catch((error: unknown) => shell.fail(error));
    if (!field || view.table !== table || view.at !== at) return;
    map.mark(i, j, 1);
    drawUnit(canvas, picked.scene.image, table, row.name, field, [i, j]);
    describeUnit(root, row, [i, j], field, map.value(i, j));
  }

  layer.addEventListener('change', () => {
    chosen = layer.value;
    void update();
  });
  const picker = new ScenePicker(root.querySelector('[data-scene-picker]')!, (scene) => {
    picked = scene;
    void update();
  });
  const restored = shell.restore();
  if (typeof restored?.params['layer'] === 'string') chosen = restored.params['layer'];
  // The layer list comes from the model: a restored layer it lacks gives way to the default, with a notice.
  const first = compute(`${root.id}/table`, (tasks) => tasks.receptiveFieldTable()).then((table) => {
    const checked = chooseLayer(
      chosen,
      table.rows.map((row) => row.name),
      'last_conv',
      pageLang(),
    );
    if (checked.notice) shell.notice(checked.notice);
    chosen = checked.layer;
    return picker.select(restored?.image ?? FIRST_OBJECT);
  });
  shell.start(t('loadingEngineModel'), first);
}

/** The receptive-field table: the input, then each layer's kernel, stride, padding, r, j, start and map size; the chosen layer marked. */
function fillTable(tbody: HTMLTableSectionElement, table: FieldTable, at: number): void {
  const cell = (text: string | number) => Object.assign(document.createElement('td'), { textContent: String(text) });
  const input = document.createElement('tr');
  input.append(cell(t('input')), cell('–'), cell('–'), cell('–'), cell(1), cell(1), cell(0), cell(`${table.imageSide} × ${table.imageSide}`));
  tbody.replaceChildren(
    input,
    ...table.rows.map((row, index) => {
      const tr = document.createElement('tr');
      tr.dataset['layer'] = row.name;
      tr.classList.toggle('chosen', index === at);
      const { kernel, stride, padding } = row.geometry;
      tr.append(
        cell(row.name),
        cell(kernel),
        cell(stride),
        cell(padding),
        cell(row.field.size),
        cell(row.field.jump),
        cell(int(row.field.start)),
        cell(`${row.side} × ${row.side}`),
      );
      return tr;
    }),
  );
}

/** Draws unit (i, j)'s field over the padded input, and records the field, its part inside the image and the unit. */
function drawUnit(canvas: HTMLCanvasElement, image: Float32Array, table: FieldTable, layer: string, field: UnitField, [i, j]: [number, number]): void {
  const { unclipped, clipped } = field;
  drawField(canvas, image, table.imageSide, unclipped, paddingMargin(table, layer), SCALE);
  canvas.dataset['field'] = unclipped.join(',');
  canvas.dataset['clipped'] = clipped.join(',');
  canvas.dataset['unit'] = `${i},${j}`;
}

/** Which input pixels unit (i, j) sees, and its field worked out from start and jump. */
function describeUnit(root: HTMLElement, row: FieldTable['rows'][number], [i, j]: [number, number], field: UnitField, value: number): void {
  const { unclipped, clipped, size } = field;
  const { jump, start } = row.field;
  const [top, left, bottom, right] = unclipped;
  const outside = clipped.some((v, n) => v !== unclipped[n]);
  root.querySelector('[data-where]')!.textContent = t(outside ? 'seesPartly' : 'seesAll', {
    i,
    j,
    layer: row.name,
    value: signed(value),
    rows: formatSpan(clipped[0], clipped[2]),
    cols: formatSpan(clipped[1], clipped[3]),
    size,
  });
  root.querySelector('[data-sum]')!.textContent = t('fieldSum', {
    start: int(start),
    i,
    j,
    jump,
    top: int(top),
    left: int(left),
    bottom: int(bottom - 1),
    right: int(right - 1),
    size,
  });
}
