import type * as tfl from '@tensorflow/tfjs-layers';
import { ClassVisualization, type ScoreFn } from '../../explain/class-visualization.ts';
import type { Session } from '../../runtime/session.ts';
import { loadModel } from '../../runtime/models.ts';
import { OBJECT_CLASSES } from '../../shared/classes.ts';
import { badArgument } from '../../shared/errors.ts';
import { DEFAULT_LAMBDA, DEFAULT_REGULARIZERS, DEFAULT_STEPS, type Recipe, type RegularizerSwitches } from '../../shared/class-viz-defaults.ts';
import { readFrame, type VizFrame } from './frame.ts';
import { optionsFor, scoreFor } from './recipe.ts';
import { JUDGE, MAKER } from './session.ts';

/** The gallery's recipe for class c: the default regularisers (or `switches`), seed c. */
export function vizGalleryRecipe(classIndex: number, switches: RegularizerSwitches = DEFAULT_REGULARIZERS): Recipe {
  return { target: { kind: 'class', index: classIndex }, lambda: DEFAULT_LAMBDA, switches, seed: classIndex, ascent: 'scaled' };
}

export interface GalleryArgs {
  /** Ascent steps per class; the lesson's DEFAULT_STEPS unless a test asks for fewer. */
  steps?: number;
  /** The classes to make, in order; all ten by default. */
  classes?: number[];
  switches?: RegularizerSwitches;
}

export interface GalleryProgress {
  /** The classes asked for, in order. */
  classes: number[];
  /** The final frame of each class made so far, judged by objects-cnn-b, in the order of `classes`. */
  finished: VizFrame[];
  /** The class being made and its image now (not judged); null once every class is made. */
  current: { classIndex: number; frame: VizFrame } | null;
}

/**
 * The class visualisation of every class of objects-cnn with the default
 * regularisers, one after another, each judged by objects-cnn-b on its drawn
 * pixels, as a session: one step is one ascent iteration of the class being
 * made. The result is the final frames; the recognised count is how many
 * verdicts equal their class.
 */
export async function classVizGallery(args: GalleryArgs): Promise<VizGallery> {
  const steps = args.steps ?? DEFAULT_STEPS;
  if (!Number.isInteger(steps) || steps < 1) throw badArgument('classVizGallery', 'steps', 'an integer >= 1', steps);
  const classes = [...(args.classes ?? OBJECT_CLASSES.map((_, c) => c))];
  const [maker, judge] = await Promise.all([loadModel(MAKER), loadModel(JUDGE)]);
  // Every class is checked now, so a bad one fails the start rather than a later step.
  for (const c of classes) scoreFor(maker, { kind: 'class', index: c });
  return new VizGallery(maker, judge, steps, classes, args.switches ?? DEFAULT_REGULARIZERS);
}

export class VizGallery implements Session<GalleryProgress, VizFrame[]> {
  private readonly finished: VizFrame[] = [];
  /** Position in `classes` of the class being made. */
  private index = 0;
  private made: { vis: ClassVisualization; score: ScoreFn; frame?: VizFrame } | null = null;

  constructor(
    private readonly maker: tfl.LayersModel,
    private readonly judge: tfl.LayersModel,
    private readonly steps: number,
    private readonly classes: readonly number[],
    private readonly switches: RegularizerSwitches,
  ) {
    this.begin();
  }

  remaining(): number {
    return (this.classes.length - this.index) * this.steps - (this.made?.vis.iteration ?? 0);
  }

  /** Up to `n` iterations; a class that reaches its last step is judged and the next one begins in the same call. */
  async step(n: number): Promise<void> {
    let left = n;
    while (left > 0 && this.made) {
      const { vis, score } = this.made;
      const count = Math.min(left, this.steps - vis.iteration);
      vis.step(count);
      left -= count;
      if (vis.iteration < this.steps) continue;
      this.finished.push(await readFrame(vis, score, DEFAULT_LAMBDA, this.judge));
      vis.dispose();
      this.index++;
      this.begin();
    }
  }

  async progress(): Promise<GalleryProgress> {
    let current: GalleryProgress['current'] = null;
    if (this.made) {
      const { vis, score } = this.made;
      if (this.made.frame?.step !== vis.iteration) this.made.frame = await readFrame(vis, score, DEFAULT_LAMBDA);
      current = { classIndex: this.classes[this.index]!, frame: this.made.frame };
    }
    return { classes: [...this.classes], finished: [...this.finished], current };
  }

  async read(): Promise<VizFrame[]> {
    return [...this.finished];
  }

  dispose(): void {
    this.made?.vis.dispose();
    this.made = null;
  }

  /** A fresh seeded start for the class at `index`, or nothing once all are made. */
  private begin(): void {
    const c = this.classes[this.index];
    if (c === undefined) {
      this.made = null;
      return;
    }
    const recipe = vizGalleryRecipe(c, this.switches);
    const vis = new ClassVisualization(optionsFor(recipe));
    const score = scoreFor(this.maker, recipe.target);
    vis.init(score);
    this.made = { vis, score };
  }
}
