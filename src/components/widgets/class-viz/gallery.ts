import { compute } from '~/engine/client.ts';
import type { VizFrame } from '~/engine/tasks/index.ts';
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
  let judged = 0;
  let recognised = 0;

  function show(c: number, frame: VizFrame): void {
    const tile = root.querySelector<HTMLElement>(`[data-tile="${c}"]`)!;
    drawFrame(tile.querySelector('canvas')!, frame);
    const judge = tile.querySelector<HTMLElement>('[data-judge]')!;
    if (!frame.verdict) {
      judge.textContent = `step ${frame.step}…`;
      progress.textContent = `Making ${OBJECT_CLASSES[c]} (${c + 1} of ${OBJECT_CLASSES.length}), step ${frame.step}.`;
      return;
    }
    const hit = frame.verdict.classIndex === c;
    tile.dataset['hit'] = String(hit);
    tile.dataset['verdict'] = String(frame.verdict.classIndex);
    judge.textContent = `${hit ? '✓' : '✗'} objects-cnn-b: ${verdictText(frame)}`;
    judged++;
    if (hit) recognised++;
    count.dataset['recognised'] = String(recognised);
    count.dataset['judged'] = String(judged);
    count.textContent = `${recognised} of ${judged} recognised`;
  }

  shell.start(
    'Loading objects-cnn and objects-cnn-b…',
    shell
      .run(() => compute(root.id, (tasks, signal) => tasks.vizGallery(show, signal)))
      .then((frames) => {
        if (!frames) return;
        count.textContent = `${recognised} of ${frames.length} recognised by objects-cnn-b`;
        progress.textContent = '';
      }),
  );
}
