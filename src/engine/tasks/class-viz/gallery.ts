import { ClassVisualization } from '../../explain/class-visualization.ts';
import { OBJECT_CLASSES } from '../../shared/classes.ts';
import { loadModel } from '../../runtime/models.ts';
import { readFrame, type VizFrame } from './frame.ts';
import { DEFAULT_LAMBDA, DEFAULT_REGULARIZERS, DEFAULT_STEPS, type Recipe, type RegularizerSwitches } from '../../shared/class-viz-defaults.ts';
import { optionsFor, scoreFor } from './recipe.ts';
import { JUDGE, MAKER } from './session.ts';

/** The gallery's recipe for class c: the default regularisers (or `switches`), seed c. */
export function vizGalleryRecipe(classIndex: number, switches: RegularizerSwitches = DEFAULT_REGULARIZERS): Recipe {
  return { target: { kind: 'class', index: classIndex }, lambda: DEFAULT_LAMBDA, switches, seed: classIndex, ascent: 'scaled' };
}

/**
 * The class visualisation of every class of objects-cnn with the default
 * regularisers, one after another, each judged by objects-cnn-b on its drawn
 * pixels. `onFrame(c, frame)` sees each image grow (about every 20 chunks) and
 * its final frame; an aborted signal stops between chunks and frees everything.
 * Returns the final frames; the recognised count is how many verdicts equal c.
 */
export async function vizGallery(
  onFrame: (classIndex: number, frame: VizFrame) => void,
  signal: AbortSignal,
  steps = DEFAULT_STEPS,
  classes: readonly number[] = OBJECT_CLASSES.map((_, c) => c),
  switches: RegularizerSwitches = DEFAULT_REGULARIZERS,
): Promise<VizFrame[]> {
  const [maker, judge] = await Promise.all([loadModel(MAKER), loadModel(JUDGE)]);
  const frames: VizFrame[] = [];
  for (const c of classes) {
    const recipe = vizGalleryRecipe(c, switches);
    const vis = new ClassVisualization(optionsFor(recipe));
    try {
      const score = scoreFor(maker, recipe.target);
      vis.init(score);
      const stride = Math.max(1, Math.round(steps / 8));
      while (vis.iteration < steps) {
        await vis.fitAsync(Math.min(steps, vis.iteration + stride), undefined, signal);
        const frame = await readFrame(vis, score, recipe.lambda, vis.iteration >= steps ? judge : undefined);
        onFrame(c, frame);
        if (vis.iteration >= steps) frames.push(frame);
      }
    } finally {
      vis.dispose();
    }
  }
  return frames;
}
