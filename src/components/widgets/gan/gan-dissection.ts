import { compute, startSession } from '~/engine/client.ts';
import { stop } from '../trust-controls.ts';
import { OBJECT_CLASSES } from '~/engine/shared/classes.ts';
import { DISSECTION_SAMPLES, EFFECT_SAMPLES } from '~/engine/shared/gan-figures.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import type { Dissection, EditEffect, GanEditView, UnitEdit } from '~/engine/tasks/index.ts';
import { fixed, percent } from '~/components/ui/format.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { className } from '~/i18n/classes.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-gan.ts';
import { paintLabels } from '../segmentation/label-map.ts';
import { drawImage } from './gan-tiles.ts';
import { boxAt, cellsFor } from './gan-layers.ts';
import { unitRows } from './gan-unit-rows.ts';

const KIND = 'gan-dissection';
/** An inserted object covers about this many image pixels across (a quarter of the 32-pixel side). */
const INSERT_PIXELS = 8;
const IMAGE_SIDE = 32;
const lang = pageLang();
const t = strings(lang);

/** GAN dissection (Bau et al. 2019) of objects-gan: each unit's IoU with each class, then the top units of a class switched off, or on at a place, on a sample and over many. */
export function mountGanDissection(root: HTMLElement): void {
  const $ = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  const layer = $<HTMLSelectElement>('[data-layer]');
  const classChoice = $<HTMLSelectElement>('[data-class]');
  const unitCount = $<HTMLInputElement>('[data-units]');
  const sample = $<HTMLInputElement>('[data-sample]');
  const modes = [...root.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
  const progress = $<HTMLProgressElement>('[data-progress]');
  let place = { x: 16, y: 16 };
  /** Each layer's dissection, finished or under way: a change of class, sample or mode while it runs waits for it instead of starting it over. */
  const dissections = new Map<string, Promise<Dissection | undefined>>();
  const mode = () => (modes.find((m) => m.checked)?.value ?? 'ablate') as UnitEdit['mode'];
  const params = () => ({
    layer: layer.value,
    class: Number(classChoice.value),
    units: Number(unitCount.value),
    sample: Number(sample.value),
    mode: mode(),
    ...place,
  });
  const state = (): WidgetState => ({ widget: KIND, params: params(), seed: 1 });
  const shell = new WidgetShell(root, KIND, state);

  function dissect(): Promise<Dissection | undefined> {
    const chosen = layer.value;
    const known = dissections.get(chosen);
    if (known) return known;
    const run = shell
      .run(() =>
        startSession(`${root.id}:dissect`, 'ganDissection', { layer: chosen, samples: DISSECTION_SAMPLES }, ({ progress: p }) => {
          // Generating and segmenting, then counting: two passes over the samples.
          progress.value = (p.done + (p.phase === 'sampling' ? 0 : p.samples)) / (2 * p.samples);
          $('[data-progress-text]').textContent =
            p.phase === 'sampling' ? t('sampling', { done: p.done, total: p.samples }) : t('counting', { done: p.done, total: p.samples });
        }),
      )
      .then((result) => {
        // A stopped or failed run is forgotten, so the next change starts it again.
        if (!result) dissections.delete(chosen);
        else {
          progress.value = 1;
          $('[data-progress-text]').textContent = t('dissected', { n: result.samples });
        }
        return result;
      });
    dissections.set(chosen, run);
    return run;
  }

  /** The chosen class's top units in the layer's dissection, and the edit the controls describe. */
  function chosenEdit(d: Dissection): UnitEdit {
    const c = Number(classChoice.value);
    const units = d.ranked[c]!.slice(0, Number(unitCount.value));
    if (mode() === 'ablate') return { mode: 'ablate', units };
    const box = boxAt(place.x, place.y, d.side, IMAGE_SIDE, cellsFor(INSERT_PIXELS, d.side, IMAGE_SIDE));
    return { mode: 'insert', units, values: units.map((u) => d.high[u]!), box };
  }

  async function update(): Promise<void> {
    // A measurement of other settings no longer describes what is shown.
    $('[data-effect]').textContent = '';
    delete root.dataset['effect'];
    const d = await dissect();
    if (!d) return;
    $('[data-rows]').replaceChildren(...unitRows(d, Number(classChoice.value)));
    const edit = chosenEdit(d);
    const view = await shell.run(() => compute(root.id, (tasks) => tasks.ganEdit({ index: Number(sample.value), layer: d.layer, edit })));
    if (view) show(view, edit);
  }

  function show(view: GanEditView, edit: UnitEdit): void {
    const canvas = (name: string) => $<HTMLCanvasElement>(`[data-map="${name}"]`);
    drawImage(canvas('image'), view.image, view.side);
    drawImage(canvas('edited'), view.edited, view.side);
    paintLabels(canvas('labels'), view.labels, view.side);
    paintLabels(canvas('edited-labels'), view.editedLabels, view.side);
    const c = Number(classChoice.value);
    const name = className(OBJECT_CLASSES[c], lang);
    $('[data-edited-caption]').textContent =
      edit.mode === 'ablate' ? t('unitsOff', { n: edit.units.length, name }) : t('unitsOn', { n: edit.units.length, name, x: place.x, y: place.y });
    $('[data-sample-share]').textContent = t('share', { name, before: percent(view.shares[c]!), after: percent(view.editedShares[c]!) });
    Object.assign(root.dataset, { units: JSON.stringify(edit.units), share: String(view.shares[c]), editedShare: String(view.editedShares[c]) });
  }

  async function measure(): Promise<void> {
    const d = await dissect();
    if (!d) return;
    const edit = chosenEdit(d);
    const c = Number(classChoice.value);
    const text = $('[data-effect]');
    const say = (e: EditEffect, done: boolean) => {
      const change = e.meanBefore > 0 ? ` (${e.meanAfter >= e.meanBefore ? '+' : ''}${fixed((100 * (e.meanAfter - e.meanBefore)) / e.meanBefore, 0)} %)` : '';
      const values = { name: className(OBJECT_CLASSES[c], lang), before: percent(e.meanBefore, 2), after: percent(e.meanAfter, 2), change };
      text.textContent = done ? t('effect', values) : t('effectPartial', { ...values, done: e.samples, total: EFFECT_SAMPLES });
    };
    const effect = await shell.run(() =>
      startSession(`${root.id}:effect`, 'ganEditEffect', { layer: d.layer, edit, classIndex: c, samples: EFFECT_SAMPLES }, (r) => say(r.progress, false)),
    );
    if (!effect) return;
    say(effect, true);
    Object.assign(root.dataset, {
      effect: JSON.stringify({
        mode: edit.mode,
        units: edit.units,
        classIndex: c,
        meanBefore: effect.meanBefore,
        meanAfter: effect.meanAfter,
        samples: effect.samples,
      }),
    });
  }

  for (const control of [layer, classChoice, unitCount, sample, ...modes]) control.addEventListener('change', () => void update());
  for (const name of ['image', 'edited']) {
    $<HTMLCanvasElement>(`[data-map="${name}"]`).addEventListener('click', (event) => {
      const box = (event.target as HTMLCanvasElement).getBoundingClientRect();
      place = { x: Math.floor(((event.clientX - box.left) / box.width) * IMAGE_SIDE), y: Math.floor(((event.clientY - box.top) / box.height) * IMAGE_SIDE) };
      modes.forEach((m) => (m.checked = m.value === 'insert'));
      void update();
    });
  }
  $('[data-measure]').addEventListener('click', () => void measure());
  $('[data-stop]').addEventListener('click', async () => {
    await Promise.all([stop(`${root.id}:dissect`, shell), stop(`${root.id}:effect`, shell)]);
    $('[data-progress-text]').textContent = t('stopped');
  });
  const restored = shell.restore();
  if (restored) {
    // A state holds only the settings it was saved with; the others keep the page's defaults.
    const p = restored.params;
    const given = (name: string, apply: (value: string) => void) => p[name] !== undefined && apply(String(p[name]));
    given('layer', (v) => (layer.value = v));
    given('class', (v) => (classChoice.value = v));
    given('units', (v) => (unitCount.value = v));
    given('sample', (v) => (sample.value = v));
    given('mode', (v) => modes.forEach((m) => (m.checked = m.value === v)));
    place = { x: Number(p['x'] ?? place.x), y: Number(p['y'] ?? place.y) };
  }
  shell.start(t('loadingDissection'), update());
}
