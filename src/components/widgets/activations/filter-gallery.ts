import { signed } from '~/components/ui/format.ts';
import { compute } from '~/engine/client.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import type { FilterBank, FilterScale } from '~/engine/tasks/index.ts';
import { Controls, text } from '~/components/ui/controls.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { escapeHtml, Markup, setMarkup } from '~/components/ui/markup.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-activations.ts';

const KIND = 'filter-gallery';
const t = strings(pageLang());
const CHANNEL_NAMES = ['R', 'G', 'B'];

/** Draws RGBA bytes of a kh x kw tile into a canvas, pixel for pixel. */
function paint(canvas: HTMLCanvasElement, rgba: Uint8ClampedArray, kh: number, kw: number): void {
  canvas.width = kw;
  canvas.height = kh;
  canvas.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(rgba), kw, kh), 0, 0);
}

/** The first convolutional layer's kernels as tiles T = 1/2 + W / (2m), with the weights of the one pointed at. */
export function mountFilterGallery(root: HTMLElement): void {
  const controls = new Controls(root, { model: text('[data-model]'), scale: text('[data-scale]') });
  let bank: FilterBank | undefined;
  let chosen = 0;
  const state = (): WidgetState => ({ widget: KIND, params: { ...controls.values(), filter: chosen }, seed: 0 });
  const shell = new WidgetShell(root, KIND, state);

  function choose(k: number): void {
    if (!bank || k >= bank.count) return;
    chosen = k;
    showFilter(root, bank, k);
  }

  async function update(): Promise<void> {
    const { model, scale } = controls.values();
    const result = await shell.run(() => compute(root.id, (tasks) => tasks.firstLayerFilters(model, scale as FilterScale)));
    if (!result) return;
    bank = result;
    Object.assign(root.dataset, { model, scale, layer: result.layer });
    root.querySelector('[data-tiles]')!.replaceChildren(...tiles(result, choose));
    choose(Math.min(chosen, result.count - 1));
  }

  controls.onChange(() => void update());
  const restored = shell.restore();
  controls.restore(restored?.params);
  if (restored) chosen = Number(restored.params['filter'] ?? 0) || 0;
  shell.start(t('loadingEngineModel'), update());
}

/** One list item per filter: its tile and k, chosen by pointing, focus or click. */
function tiles(bank: FilterBank, choose: (k: number) => void): HTMLLIElement[] {
  const [kh, kw] = bank.size;
  return bank.tiles.map((tile, k) => {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset['filter'] = String(k);
    const canvas = document.createElement('canvas');
    canvas.setAttribute('aria-hidden', 'true');
    paint(canvas, tile, kh, kw);
    button.append(canvas, `k = ${k}`);
    button.title = t('tileTitle', { k });
    for (const event of ['pointerenter', 'focus', 'click']) button.addEventListener(event, () => choose(k));
    item.append(button);
    return item;
  });
}

/** Filter k enlarged, its weights per input channel, its bias and bound, and the tile's equation at the centre pixel. */
function showFilter(root: HTMLElement, bank: FilterBank, k: number): void {
  const [kh, kw, cin] = bank.size;
  for (const button of root.querySelectorAll<HTMLButtonElement>('[data-tiles] button'))
    button.setAttribute('aria-pressed', String(button.dataset['filter'] === String(k)));
  paint(root.querySelector<HTMLCanvasElement>('[data-big]')!, bank.tiles[k]!, kh, kw);
  const w = bank.weights[k]!;
  root.querySelector('[data-weights]')!.replaceChildren(...weightTables(w, bank.size));
  const m = bank.bounds[k]!;
  const centre = w[(Math.floor(kh / 2) * kw + Math.floor(kw / 2)) * cin]!;
  root.querySelector('[data-where]')!.textContent = t('filterWhere', {
    k,
    count: bank.count,
    layer: bank.layer,
    bias: signed(bank.bias[k]!),
    m: signed(m),
    which: t(bank.scale === 'filter' ? 'ownLargest' : 'layerLargest'),
  });
  Object.assign(root.dataset, { filter: String(k), bound: String(m), bias: String(bank.bias[k]!) });
  const value = 0.5 + centre / (2 * m);
  setMarkup(
    root.querySelector('[data-formula]')!,
    new Markup(
      t('formula', {
        pixel: escapeHtml(t(cin === 3 ? 'centrePixelRed' : 'centrePixel')),
        sign: centre < 0 ? '−' : '+',
        w: signed(Math.abs(centre)),
        twoM: signed(2 * m),
        value: value.toFixed(3),
        byte: Math.round(value * 255),
      }),
    ),
    new Markup(
      bank.rescale ? t('rescale', { scale: bank.rescale.scale, sign: bank.rescale.offset < 0 ? '−' : '+', offset: Math.abs(bank.rescale.offset) }) : '',
    ),
  );
}

/** One table per input channel of a filter's weights w ([u][v][c] order), captioned with the channel's sum. */
function weightTables(w: Float32Array, [kh, kw, cin]: FilterBank['size']): HTMLTableElement[] {
  return Array.from({ length: cin }, (_, c) => {
    const table = document.createElement('table');
    table.className = 'numbers';
    let sum = 0;
    for (let p = 0; p < kh * kw; p++) sum += w[p * cin + c]!;
    table.createCaption().textContent =
      cin === 1 ? t('weightsGrey', { sum: signed(sum, 2) }) : t('weightsChannel', { c: CHANNEL_NAMES[c]!, sum: signed(sum, 2) });
    table.dataset['sum'] = String(sum);
    const body = table.createTBody();
    for (let u = 0; u < kh; u++) {
      const row = body.insertRow();
      for (let v = 0; v < kw; v++) row.insertCell().textContent = signed(w[(u * kw + v) * cin + c]!);
    }
    return table;
  });
}
