import type * as tfl from '@tensorflow/tfjs-layers';
import { ClassVisualization, type ScoreFn } from '../../explain/class-visualization.ts';
import { loadModel } from '../../runtime/models.ts';
import { readFrame, type VizFrame } from './frame.ts';
import type { Recipe } from '../../shared/class-viz-defaults.ts';
import { optionsFor, scoreFor } from './recipe.ts';

/** The model the images are made from, and the one that judges them (it never saw them being made). */
export const MAKER = 'objects-cnn';
export const JUDGE = 'objects-cnn-b';

interface Run {
  signature: string;
  recipe: Recipe;
  vis: ClassVisualization;
  score: ScoreFn;
}

/** One visualisation per widget (its queue key), kept between jobs so it can be paused and resumed. */
const runs = new Map<string, Run>();

/** Frame budget: steps run for about this long before a frame is read and drawn (about 20 frames a second). */
const FRAME_MS = 50;
/** Longest stretch of steps without a yield; also how often an abort (pause) is noticed. */
const CHUNK_MS = 20;

/** The run of `key` for `recipe`: the current one if the recipe is unchanged, else a fresh seeded start. */
async function runFor(key: string, recipe: Recipe, restart: boolean): Promise<Run> {
  const signature = JSON.stringify(recipe);
  const current = runs.get(key);
  if (current && current.signature === signature && !restart) return current;
  const model = await loadModel(MAKER);
  current?.vis.dispose();
  const vis = new ClassVisualization(optionsFor(recipe));
  const score = scoreFor(model, recipe.target);
  vis.init(score);
  const run = { signature, recipe, vis, score };
  runs.set(key, run);
  return run;
}

const judgeFor = (recipe: Recipe, judged: boolean): Promise<tfl.LayersModel> | undefined =>
  judged && recipe.target.kind === 'class' ? loadModel(JUDGE) : undefined;

/**
 * Gradient ascent for widget `key` up to step `until`, a frame handed to
 * `onFrame` about every 50 ms (steps in chunks of about 20 ms via fitAsync, so
 * the page never waits longer than a chunk). When the queue aborts the job (pause, a new
 * setting) it stops within one chunk and keeps the image for a later resume.
 */
export async function vizRun(
  key: string,
  recipe: Recipe,
  until: number,
  onFrame: (frame: VizFrame) => void,
  signal: AbortSignal,
  options: { judged?: boolean; restart?: boolean } = {},
): Promise<VizFrame> {
  const run = await runFor(key, recipe, options.restart ?? false);
  const judge = await judgeFor(recipe, options.judged ?? false);
  let frame = await readFrame(run.vis, run.score, recipe.lambda, judge);
  onFrame(frame);
  let perChunk = 1;
  let drawn = performance.now();
  while (run.vis.iteration < until && !signal.aborted) {
    const start = performance.now();
    const before = run.vis.iteration;
    try {
      await run.vis.fitAsync(Math.min(until, before + perChunk), undefined, signal, CHUNK_MS);
    } catch (error) {
      if (!signal.aborted) throw error;
    }
    perChunk = Math.max(1, Math.floor(CHUNK_MS / ((performance.now() - start) / Math.max(1, run.vis.iteration - before))));
    // A newer job (pause, new settings) reads its own frame: skip this one.
    if (signal.aborted) break;
    if (run.vis.iteration < until && performance.now() - drawn < FRAME_MS) continue;
    frame = await readFrame(run.vis, run.score, recipe.lambda, judge);
    onFrame(frame);
    drawn = performance.now();
  }
  return frame;
}

/** The current frame of widget `key` without stepping: submitted in its lane, it also pauses a running ascent. */
export async function vizFrame(key: string, options: { judged?: boolean } = {}): Promise<VizFrame | null> {
  const run = runs.get(key);
  if (!run) return null;
  return readFrame(run.vis, run.score, run.recipe.lambda, await judgeFor(run.recipe, options.judged ?? false));
}

/** Frees widget `key`'s visualisation. */
export function vizDispose(key: string): void {
  runs.get(key)?.vis.dispose();
  runs.delete(key);
}
