import { compute, startSession } from '~/engine/client.ts';
import { OBJECT_CLASSES } from '~/engine/shared/classes.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import { PATCH_GREY } from '~/components/widgets/scene-view.ts';

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

/** Occlusion: a patch that brings a class the model sees (p >= 0.5 unoccluded) below `target`. */
const occlusionBelow: WidgetTask = {
  widget: 'occlusion-explorer',
  async check(state, target) {
    const ref = state.image;
    if (ref?.kind !== 'dataset') return { pass: false, message: 'pick one of the explorer’s scenes first.' };
    const classIndex = state.class ?? 0;
    const patch = { top: Number(state.params['top']), left: Number(state.params['left']), size: Number(state.params['patch']), fill: PATCH_GREY };
    const result = await compute('exercise-widget-task', async (tasks) => {
      const scene = await tasks.datasetScene(ref.dataset, ref.index);
      return tasks.occludedScore(scene.image, classIndex, patch);
    });
    const name = OBJECT_CLASSES[classIndex] ?? `class ${classIndex}`;
    const before = result.baseline.probability;
    const after = result.occluded.probability;
    const measured = `p(${name}) is ${fixed3(before)} without the patch and ${fixed3(after)} with it (patch ${patch.size} × ${patch.size} at row ${patch.top}, column ${patch.left})`;
    if (before < 0.5) return { pass: false, message: `${measured}: the model does not see a ${name} here to begin with. Choose a class it sees with p ≥ 0.5.` };
    if (after >= target) return { pass: false, message: `${measured}: not below ${target} yet. Move the patch over the part of the object that matters most, or make it larger.` };
    return { pass: true, message: `${measured}.` };
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
    if (layer !== 'last_relu') return { pass: false, message: `the widget shows ${layer}; switch its layer to last_relu first.` };
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
    const measured = `over ${top.images} held-out images, ${flowers} of the nine strongest patches of ${layer}, channel ${channel}, come from flowers`;
    return flowers >= target ? { pass: true, message: `${measured}.` } : { pass: false, message: `${measured}; the task asks for at least ${target}. Try another channel.` };
  },
};

export const WIDGET_TASKS: Readonly<Record<string, WidgetTask>> = {
  'occlusion-below': occlusionBelow,
  'last-relu-flowers': lastReluFlowers,
};
