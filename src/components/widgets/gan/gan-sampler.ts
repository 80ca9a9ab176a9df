import { compute } from '~/engine/client.ts';
import { OBJECT_CLASSES } from '~/engine/shared/classes.ts';
import { OBJECTS_SPLITS } from '~/engine/shared/splits.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import type { GanSample } from '~/engine/tasks/index.ts';
import { fixed } from '~/components/ui/format.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { RECOGNISED } from '~/engine/shared/gan-figures.ts';
import { className } from '~/i18n/classes.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-gan.ts';
import { drawSampleTile } from './gan-tiles.ts';

const KIND = 'gan-sampler';
const SHOWN = 8;
const STEPS = 8;
const LAST = OBJECTS_SPLITS.ganCodes.count - 1;
const lang = pageLang();
const t = strings(lang);

/** Eight samples of objects-gan with objects-cnn's verdict on each, and a straight walk in latent space between two of them. */
export function mountGanSampler(root: HTMLElement): void {
  const tiles = [...root.querySelectorAll<HTMLElement>('[data-samples] figure')];
  const walkTiles = [...root.querySelectorAll<HTMLElement>('[data-walk] figure')];
  let first = 0;
  let ends: [number, number] = [0, 1];
  /** The end a click sets next: the walk's start, then its end. */
  let settingEnd = 0;
  const state = (): WidgetState => ({ widget: KIND, params: { first, from: ends[0], to: ends[1] }, seed: 1 });
  const shell = new WidgetShell(root, KIND, state);

  async function update(): Promise<void> {
    const indices = Array.from({ length: SHOWN }, (_, i) => first + i);
    const result = await shell.run(() =>
      compute(root.id, async (tasks) => [await tasks.ganSamples(indices), await tasks.ganInterpolate(ends[0], ends[1], STEPS)] as const),
    );
    if (!result) return;
    const [samples, walk] = result;
    samples.forEach((sample, i) => drawSampleTile(tiles[i]!, sample, `#${first + i}`));
    walk.forEach((sample, i) => drawSampleTile(walkTiles[i]!, sample, `t = ${fixed(i / (STEPS - 1), 2)}`));
    tiles.forEach((tile, i) => tile.querySelector('button')!.setAttribute('aria-pressed', String(ends.includes(first + i))));
    root.querySelector('[data-walk-ends]')!.textContent = t('walkEnds', { from: ends[0], to: ends[1] });
    describe(samples, walk);
  }

  /** The recognised count, and every figure in data-* for readers and tests. */
  function describe(samples: GanSample[], walk: GanSample[]): void {
    const recognised = samples.filter((s) => s.probability >= RECOGNISED);
    const names = recognised.map((s) => className(OBJECT_CLASSES[s.classIndex], lang)).join(', ');
    root.querySelector('[data-recognised]')!.textContent = recognised.length
      ? t('recognised', { n: recognised.length, shown: SHOWN, threshold: RECOGNISED, names })
      : t('recognisedNone', { n: recognised.length, shown: SHOWN, threshold: RECOGNISED });
    const plain = (list: GanSample[]) => list.map(({ classIndex, probability }) => ({ classIndex, probability }));
    Object.assign(root.dataset, { samples: JSON.stringify(plain(samples)), walk: JSON.stringify(plain(walk)), first: String(first) });
  }

  const page = (delta: number) => {
    first = Math.min(LAST - SHOWN + 1, Math.max(0, first + delta));
    void update();
  };
  root.querySelector('[data-previous]')!.addEventListener('click', () => page(-SHOWN));
  root.querySelector('[data-next]')!.addEventListener('click', () => page(SHOWN));
  tiles.forEach((tile, i) =>
    tile.querySelector('button')!.addEventListener('click', () => {
      const next: [number, number] = [...ends];
      next[settingEnd] = first + i;
      settingEnd = 1 - settingEnd;
      if (next[0] === next[1]) return;
      ends = next;
      void update();
    }),
  );
  const restored = shell.restore();
  if (restored) {
    // A state holds only the settings it was saved with; the others keep their defaults.
    const p = restored.params;
    first = Number(p['first'] ?? first);
    ends = [Number(p['from'] ?? ends[0]), Number(p['to'] ?? ends[1])];
  }
  shell.start(t('loadingSampler'), update());
}
