/**
 * Hostile but type-valid widget states from a seeded generator: every value
 * passes the state schema's types, and most lie outside what the widget offers
 * (negative and huge numbers, wrong menu strings, empty strings, lists of the
 * wrong length, classes past 9, layers no model has, photos that do not exist,
 * held-out indices past the split, own images whose pixels do not decode,
 * models of another dataset and saved runs this browser does not have).
 */
import { createRng, type Rng } from '../../../src/engine/shared/rng.ts';
import { widgetStateSchema, type ImageRef, type WidgetState } from '../../../src/engine/shared/state.ts';
import { WIDGET_SPECS, validateWidgetState } from '../../../src/engine/shared/widget-params/validate.ts';
import type { Field } from '../../../src/engine/shared/widget-params/fields.ts';
import { chooseModel, OBJECTS_MODEL_IDS } from '../../../src/engine/shared/widget-params/model.ts';

type Param = WidgetState['params'][string];

const NUMBERS = [-1, 0, 1, 2, 3, 7, 63, 64, 65, 100, 499, 500, 4096, 4097, 1e9, -1e9, 1e300, -1e300, 0.5, 2.5, 1e-9, 2 ** 31, 2 ** 53 - 1, -(2 ** 53 - 1)];
const STRINGS = ['', ' ', 'x', '-1', '1e9', 'NaN', 'Infinity', 'constructor', '__proto__', 'toString', 'VERTICAL-EDGE', 'vertical-edge ', 'tsne', 'auto', 'unseen', '<img src=x onerror="document.title=1">', 'a'.repeat(300)];
const LISTS: number[][] = [
  [], [1e9], [0, 0, 0, 0, 0, 0, 0, 0], Array<number>(9).fill(1e9), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], Array<number>(100).fill(1), [-1, -1, -1, -1, -1, -1],
  [0, 18, 19, 26, 0, 45, 45, 26], [11, 10, 10, 26], [0, 100, 100, 26], [0, 10, 10, 25], [0, 1, 2, 26, 3, 4, 5, 26, 6, 7, 8, 26, 9, 9, 9, 26],
];
const CLASSES = [10, 11, 99, 1e9, 2 ** 53 - 1, 0, 3, 9];
const SEEDS = [-1, -1e15, 2 ** 53 - 1, 2 ** 32, 0, 7];
/** Names no model has, but spelled like a layer: only the widget's list can refuse them. */
export const UNKNOWN_LAYERS = ['conv_99', 'dense_7', 'Conv_0', 'x'];
const BAD_LAYERS = ['', ' ', 'conv_0;drop', '../../x', 'a'.repeat(200), '<b>x</b>', ...UNKNOWN_LAYERS];
/** Own-image pixels that are not an image: the picker must fall back to a bundled photo or scene. */
export const JUNK_PIXELS = ['data:image/png;base64,AAAA', 'data:image/gif;base64,R0lGODlh', 'data:image/'];
const IMAGES: ImageRef[] = [
  { kind: 'photo', id: 'dog' }, { kind: 'photo', id: 'CAT' }, { kind: 'photo', id: '../x' }, { kind: 'photo', id: 'coffee' },
  { kind: 'dataset', dataset: 'objects-scenes-2', index: 1e9 }, { kind: 'dataset', dataset: 'objects-scenes-9', index: 0 },
  { kind: 'dataset', dataset: 'objects-held-out-1', index: 2 ** 53 - 1 }, { kind: 'dataset', dataset: 'objects-scenes-3', index: 500 },
  { kind: 'dataset', dataset: '', index: 0 }, { kind: 'dataset', dataset: 'objects-unseen-2', index: 5 }, { kind: 'dataset', dataset: 'objects-held-out-1', index: 3 },
  { kind: 'upload', name: 'shared.png' },
  ...JUNK_PIXELS.map((dataUrl, i) => ({ kind: 'upload' as const, name: `junk-${i}.png`, dataUrl })),
];

/** Models for the widgets with a model menu: another dataset's, ids no run can have, a run never saved here, and good ones. */
const MODELS = ['fashion-cnn', 'page:mine', 'run:', 'run:Upper', '../objects-cnn', 'run:never-saved', 'objects-lab', 'objects-cnn-b'];

/** The first states of a kind: the cases the issue reports, then the generator's. */
const REPORTED: Record<string, Partial<WidgetState>[]> = {
  'relu-pool': [{ params: { kernel: -1 } }, { image: { kind: 'upload', name: 'x.png', dataUrl: JUNK_PIXELS[0]! }, params: {} }, { params: { kernel: 1e9 } }],
  'conv-explorer': [{ image: { kind: 'upload', name: 'x.png', dataUrl: JUNK_PIXELS[0]! }, params: {} }],
};

const pick = <T>(rng: Rng, items: readonly T[]): T => items[rng.int(items.length)]!;

function value(rng: Rng, name: string, field: Field): Param {
  if (field.fallback !== undefined && rng.chance(0.2)) return field.fallback as Param;
  if (name === 'layer') return pick(rng, BAD_LAYERS);
  const r = rng.next();
  if (r < 0.45) return pick(rng, NUMBERS);
  if (r < 0.7) return pick(rng, STRINGS);
  if (r < 0.8) return rng.chance(0.5);
  return pick(rng, LISTS);
}

/** `count` states for a widget kind, the same for the same seed. */
export function hostileStates(kind: string, count: number, seed: number): WidgetState[] {
  const spec = WIDGET_SPECS[kind]!;
  const rng = createRng(seed);
  const states = (REPORTED[kind] ?? []).map((part) => ({ widget: kind, params: {}, seed: 0, ...part }));
  while (states.length < count) {
    const params: WidgetState['params'] = {};
    const settings: Record<string, unknown> = {};
    for (const [name, rule] of Object.entries(spec.params)) {
      const field = typeof rule === 'function' ? rule(settings) : rule;
      settings[name] = field.fallback;
      if (rng.chance(0.75)) params[name] = value(rng, name, field);
    }
    if (rng.chance(0.2)) params[pick(rng, ['extra', '__proto__', 'constructor'])] = pick(rng, NUMBERS);
    const state: WidgetState = { widget: kind, params, seed: pick(rng, SEEDS) };
    if (rng.chance(spec.image ? 0.6 : 0.15)) state.image = pick(rng, IMAGES);
    if (rng.chance(spec.class ? 0.6 : 0.15)) state.class = pick(rng, CLASSES);
    if (rng.chance(spec.layer ? 0.7 : 0.15)) state.layer = rng.chance(0.2) && spec.layer?.fallback ? (spec.layer.fallback as string) : pick(rng, BAD_LAYERS);
    // Drawn only for widgets with a menu, so the other widgets' states stay as they were.
    if (spec.model && rng.chance(0.6)) state.model = pick(rng, MODELS);
    states.push(state);
  }
  for (const state of states) widgetStateSchema.parse(state);
  return states.slice(0, count);
}

/**
 * What the widget must say about a state: the sentences of the validator, and
 * the parts only the page can find out (a layer the model lacks, pixels that do
 * not decode). Empty: the state is used as it is, and no notice may appear.
 */
export function expectedNotices(state: WidgetState): { exact: string[]; patterns: RegExp[] } {
  const spec = WIDGET_SPECS[state.widget]!;
  const { state: checked, notices } = validateWidgetState(state);
  const patterns: RegExp[] = [];
  const layer = spec.layer ? checked.layer : checked.params['layer'];
  if (typeof layer === 'string' && UNKNOWN_LAYERS.includes(layer)) patterns.push(new RegExp(`layer: "${layer}" is not one of [\\w, ]+; using \\w+\\.`));
  // No run is saved in the test's browser: a well-formed run id falls back where the menu is listed.
  const exact = [...notices];
  if (spec.model && checked.model?.startsWith('run:')) exact.push(chooseModel(checked.model, OBJECTS_MODEL_IDS).notice!);
  if (checked.image?.kind === 'upload') patterns.push(/image: your own image "[^"]*" could not be decoded; using (photo "\w+"|the first held-out scene)\./);
  return { exact, patterns };
}
