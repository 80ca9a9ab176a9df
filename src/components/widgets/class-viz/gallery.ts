import { startSession } from '~/engine/client.ts';
import type { VizFrame, VizGalleryProgress } from '~/engine/tasks/index.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import { OBJECT_CLASSES } from '~/engine/shared/classes.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { drawFrame, verdictText } from './draw.ts';

const KIND = 'class-viz-gallery';

/** The gallery: every class made live with the default regularisers, each judged by objects-cnn-b. */
export function mountGallery(root: HTMLElement): void {
  const shell = new WidgetShell(root, KIND, (): WidgetState => ({ widget: KIND, params: {}, seed: 0 }));
  const count = root.querySelector<HTMLElement>('[data-count]')!;
  const progress = root.querySelector<HTMLElement>('[data-progress]')!;
  // Finished tiles already drawn: a report repeats every finished frame, only the new ones are drawn.
  let drawn = 0;
  let recognised = 0;
  const tileOf = (c: number) => root.querySelector<HTMLElement>(`[data-tile="${c}"]`)!;

  function judged(c: number, frame: VizFrame): void {
    const tile = tileOf(c);
    drawFrame(tile.querySelector('canvas')!, frame);
    const hit = frame.verdict!.classIndex === c;
    tile.dataset['hit'] = String(hit);
    tile.dataset['verdict'] = String(frame.verdict!.classIndex);
    tile.querySelector('[data-judge]')!.textContent = `${hit ? '✓' : '✗'} objects-cnn-b: ${verdictText(frame)}`;
    if (hit) recognised++;
  }

  function show({ classes, finished, current }: VizGalleryProgress): void {
    for (; drawn < finished.length; drawn++) judged(classes[drawn]!, finished[drawn]!);
    if (drawn > 0) {
      count.dataset['recognised'] = String(recognised);
      count.dataset['judged'] = String(drawn);
      count.textContent = `${recognised} of ${drawn} recognised`;
    }
    if (!current) return;
    const { classIndex: c, frame } = current;
    const tile = tileOf(c);
    drawFrame(tile.querySelector('canvas')!, frame);
    tile.querySelector('[data-judge]')!.textContent = `step ${frame.step}…`;
    progress.textContent = `Making ${OBJECT_CLASSES[c]} (${c + 1} of ${OBJECT_CLASSES.length}), step ${frame.step}.`;
  }

  shell.start(
    'Loading objects-cnn and objects-cnn-b…',
    shell
      // A growing tile every 200 ms is enough to watch, and each frame read costs the ascent a forward pass.
      .run(() => startSession(root.id, 'classVizGallery', {}, (r) => show(r.progress), { reportEveryMs: 200 }))
      .then((frames) => {
        if (!frames) return;
        count.textContent = `${recognised} of ${frames.length} recognised by objects-cnn-b`;
        progress.textContent = '';
      }),
  );
}
