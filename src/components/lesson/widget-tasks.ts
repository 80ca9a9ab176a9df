import { compute, startSession } from '~/engine/client.ts';
import { OBJECT_CLASSES } from '~/engine/shared/classes.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import { PATCH_GREY } from '~/components/widgets/scene-view.ts';
import { className } from '~/i18n/classes.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/lesson-exercise.ts';

/**
 * Widget tasks: exercises answered by putting a widget in a state whose live
 * result meets a condition. The check never trusts the widget's display: it
 * takes the widget's state and recomputes the result through the engine, so
 * what passed can be replayed from the recorded state alone.
 */
export interface WidgetTaskResult {
  pass: boolean;
  /** What the engine measured, in words, for the feedback line. */
  message: string;
}

export interface WidgetTask {
  /** The widget kind whose state the task reads. */
  widget: string;
  check(state: WidgetState, target: number): Promise<WidgetTaskResult>;
}

const fixed3 = (x: number) => x.toFixed(3);
const lang = pageLang();
const t = strings(lang);

/** Occlusion: a patch that brings a class the model sees (p >= 0.5 unoccluded) below `target`. */
const occlusionBelow: WidgetTask = {
  widget: 'occlusion-explorer',
  async check(state, target) {
    const ref = state.image;
    if (ref?.kind !== 'dataset') return { pass: false, message: t('occlusion.pickScene') };
    const classIndex = state.class ?? 0;
    const patch = { top: Number(state.params['top']), left: Number(state.params['left']), size: Number(state.params['patch']), fill: PATCH_GREY };
    const result = await compute('exercise-widget-task', async (tasks) => {
      const scene = await tasks.datasetScene(ref.dataset, ref.index);
      return tasks.occludedScore(scene.image, classIndex, patch);
    });
    const label = OBJECT_CLASSES[classIndex];
    const name = label === undefined ? t('occlusion.class', { n: classIndex }) : className(label, lang);
    const before = result.baseline.probability;
    const after = result.occluded.probability;
    const measured = t('occlusion.measured', { name, before: fixed3(before), after: fixed3(after), size: patch.size, top: patch.top, left: patch.left });
    if (before < 0.5) return { pass: false, message: t('occlusion.notSeen', { measured, name }) };
    if (after >= target) return { pass: false, message: t('occlusion.notBelow', { measured, target }) };
    return { pass: true, message: t('occlusion.passed', { measured }) };
  },
};

/** The layer and image count of the set the engine holds under the top-patches task's name, once scanned. */
let scanned: { layer: string; images: number } | undefined;

/** Top patches: a channel of last_relu whose nine strongest patches include at least `target` flowers. */
const lastReluFlowers: WidgetTask = {
  widget: 'top-patches',
  async check(state, target) {
    const layer = String(state.params['layer']);
    const channel = Number(state.params['channel']);
    const images = Number(state.params['images']);
    if (layer !== 'last_relu') return { pass: false, message: t('flowers.switchLayer', { layer }) };
    // Scanned under the task's own name, so the check does not depend on what the widget's scan left behind;
    // a second check of the same layer and images re-ranks the set the engine already holds.
    const set = 'exercise-widget-task';
    const top = await compute(set, async (tasks) => {
      if (scanned?.layer !== layer || scanned.images !== images) {
        scanned = undefined;
        await startSession(set, 'scanLayer', { set, layer, count: images }, undefined, { budgetMs: 12 });
        scanned = { layer, images };
      }
      return tasks.topPatches(set, channel, 9);
    });
    const flowers = top.patches.filter((p) => OBJECT_CLASSES[p.classIndex] === 'flower').length;
    const measured = t('flowers.measured', { images: top.images, flowers, layer, channel });
    return flowers >= target ? { pass: true, message: t('flowers.passed', { measured }) } : { pass: false, message: t('flowers.tooFew', { measured, target }) };
  },
};

export const WIDGET_TASKS: Readonly<Record<string, WidgetTask>> = { 'occlusion-below': occlusionBelow, 'last-relu-flowers': lastReluFlowers };
