import type * as tfl from '@tensorflow/tfjs-layers';
import { ClassVisualization, type ScoreFn } from '../../explain/class-visualization.ts';
import type { Session } from '../../runtime/session.ts';
import { loadModel } from '../../runtime/models.ts';
import { badArgument } from '../../shared/errors.ts';
import type { Recipe } from '../../shared/class-viz-defaults.ts';
import { readFrame, type VizFrame } from './frame.ts';
import { optionsFor, scoreFor } from './recipe.ts';

/** The model the images are made from, and the one that judges them (it never saw them being made). */
export const MAKER = 'objects-cnn';
export const JUDGE = 'objects-cnn-b';

export interface ClassVizArgs {
  recipe: Recipe;
  /** The ascent stops by itself at this step; 0 gives just the seeded start. */
  until: number;
  /** Ask objects-cnn-b for its verdict on every frame (class targets only). */
  judged?: boolean;
}

/**
 * The widgets' animated gradient ascent (ClassVisualization on objects-cnn) as
 * a session: one step is one ascent iteration, progress and result are the
 * frame as drawn. The runner holds a paused session, so resuming continues the
 * same image; a new recipe is a new session from its seeded start.
 */
export async function classViz(args: ClassVizArgs): Promise<ClassVizAscent> {
  const { recipe, until } = args;
  if (!Number.isInteger(until) || until < 0) throw badArgument('classViz', 'until', 'an integer >= 0', until);
  const options = optionsFor(recipe);
  const judged = (args.judged ?? false) && recipe.target.kind === 'class';
  const [model, judge] = await Promise.all([loadModel(MAKER), judged ? loadModel(JUDGE) : undefined]);
  const score = scoreFor(model, recipe.target);
  const vis = new ClassVisualization(options);
  vis.init(score);
  return new ClassVizAscent(vis, score, recipe.lambda, until, judge);
}

export class ClassVizAscent implements Session<VizFrame, VizFrame> {
  /** The last frame read: a report, a pause and the result at the same step share one readback. */
  private frame: VizFrame | undefined;

  constructor(
    private readonly vis: ClassVisualization,
    private readonly score: ScoreFn,
    private readonly lambda: number,
    private readonly until: number,
    private readonly judge: tfl.LayersModel | undefined,
  ) {}

  remaining(): number {
    return Math.max(0, this.until - this.vis.iteration);
  }

  async step(n: number): Promise<void> {
    this.vis.step(Math.min(n, this.remaining()));
  }

  /** The image now with S_c, ||I|| and lambda ||I||^2 of exactly the drawn pixels (and the judge's verdict). */
  async progress(): Promise<VizFrame> {
    if (this.frame?.step !== this.vis.iteration) this.frame = await readFrame(this.vis, this.score, this.lambda, this.judge);
    return this.frame;
  }

  read(): Promise<VizFrame> {
    return this.progress();
  }

  dispose(): void {
    this.vis.dispose();
  }
}
