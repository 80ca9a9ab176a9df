import { startSession } from '~/engine/client.ts';
import type { LatentGalleryProgress, VizFrame, VizGalleryProgress } from '~/engine/tasks/index.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import { OBJECT_CLASSES } from '~/engine/shared/classes.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { className } from '~/i18n/classes.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-class-viz.ts';
import { drawFrame, verdictText } from './draw.ts';

const KIND = 'class-viz-gallery';
/** The same island draws the gallery made through objects-gan, under its own kind. */
const LATENT_KIND = 'latent-viz-gallery';
const lang = pageLang();
const t = strings(lang);

/** The gallery: every class made live, in pixels with the default regularisers or through objects-gan's code, each judged by objects-cnn-b. */
export function mountGallery(root: HTMLElement): void {
  const generator = root.dataset['widget'] === LATENT_KIND;
  const kind = generator ? LATENT_KIND : KIND;
  const shell = new WidgetShell(root, kind, (): WidgetState => ({ widget: kind, params: {}, seed: 0 }));
  const count = root.querySelector<HTMLElement>('[data-count]')!;
  const progress = root.querySelector<HTMLElement>('[data-progress]')!;
  // Finished tiles already drawn: a report repeats every finished frame, only the new ones are drawn.
  let drawn = 0;
  let recognised = 0;
  const tileOf = (c: number) => root.querySelector<HTMLElement>(`[data-tile="${c}"]`)!;

  function judged(c: number, frame: Pick<VizFrame, 'width' | 'height' | 'pixels' | 'verdict'>): void {
    const tile = tileOf(c);
    drawFrame(tile.querySelector('canvas')!, frame);
    const hit = frame.verdict!.classIndex === c;
    tile.dataset['hit'] = String(hit);
    tile.dataset['verdict'] = String(frame.verdict!.classIndex);
    tile.querySelector('[data-judge]')!.textContent = `${hit ? '✓' : '✗'} objects-cnn-b: ${verdictText(frame)}`;
    if (hit) recognised++;
  }

  function showFinished(classes: number[], finished: Pick<VizFrame, 'width' | 'height' | 'pixels' | 'verdict'>[]): void {
    for (; drawn < finished.length; drawn++) judged(classes[drawn]!, finished[drawn]!);
    if (drawn === 0) return;
    count.dataset['recognised'] = String(recognised);
    count.dataset['judged'] = String(drawn);
    count.textContent = t('recognised', { n: recognised, total: drawn });
  }

  function making(c: number, step: number): void {
    tileOf(c).querySelector('[data-judge]')!.textContent = t('tileStep', { step });
    progress.textContent = t('making', { name: className(OBJECT_CLASSES[c]!, lang), c: c + 1, total: OBJECT_CLASSES.length, step });
  }

  function show({ classes, finished, current }: VizGalleryProgress): void {
    showFinished(classes, finished);
    if (!current) return;
    drawFrame(tileOf(current.classIndex).querySelector('canvas')!, current.frame);
    making(current.classIndex, current.frame.step);
  }

  /** Through the generator a tile appears when its class is done: each step's image is not read back, to keep the ascent fast. */
  function showLatent({ classes, finished, current }: LatentGalleryProgress): void {
    showFinished(classes, finished);
    if (current) making(current.classIndex, current.step);
  }

  // A growing tile every 200 ms is enough to watch, and each frame read costs the ascent a forward pass.
  const run = (): Promise<readonly unknown[]> =>
    generator
      ? startSession(root.id, 'latentVizGallery', {}, (r) => showLatent(r.progress), { reportEveryMs: 200 })
      : startSession(root.id, 'classVizGallery', {}, (r) => show(r.progress), { reportEveryMs: 200 });
  shell.start(
    t(generator ? 'loadingLatent' : 'loadingGallery'),
    shell.run(run).then((frames) => {
      if (!frames) return;
      count.textContent = t('recognisedBy', { n: recognised, total: frames.length });
      progress.textContent = '';
    }),
  );
}
