/**
 * objects-vit, one image: forward pass, the class logit's gradients with
 * respect to every attention matrix, both rollouts and the readback, through
 * the engine as a widget calls it, per backend (target: at most 30 ms on wasm).
 * Each run is one of the pointing-game split's scenes, explained for the
 * class of its first object.
 */
import type { Page } from '@playwright/test';
import { quantile } from './stats.ts';

const BACKENDS = (process.env['BENCH_BACKENDS'] ?? 'wasm,webgl,cpu').split(',').filter(Boolean);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 40);

export async function bench(page: Page, origin: string): Promise<string[]> {
  const lines = [
    `objects-vit attention for one image (forward, gradients of the class logit, rollout and gradient-weighted rollout, one readback),`,
    `${RUNS} images after 5 warm-up, through the engine (target: at most 30 ms on wasm)`,
    `${'requested'.padEnd(10)} ${'ran on'.padEnd(8)} ${'median'.padStart(8)} ${'p95'.padStart(8)}`,
  ];
  for (const backend of BACKENDS) {
    // Any page with a widget starts the engine when the widget nears the viewport.
    await page.goto(`${origin}/lessons/cam-and-grad-cam/?backend=${backend}`);
    await page.locator('#grad-cam-explorer').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => window.glassbox?.engine !== undefined);
    const run = await page.evaluate(async (runs) => {
      const engine = await window.glassbox!.engine!;
      const scenes = (await engine.call('pointingScenes', [0, runs + 5])) as { image: Float32Array; objects: { classIndex: number }[] }[];
      const times: number[] = [];
      for (const [i, scene] of scenes.entries()) {
        const start = performance.now();
        await engine.call('vitAttention', [scene.image, scene.objects[0]!.classIndex, 'mean', 0.9]);
        if (i >= 5) times.push(performance.now() - start);
      }
      return { times, backend: engine.info.backend };
    }, RUNS);
    const ms = (q: number) => quantile(run.times, q).toFixed(1).padStart(8);
    lines.push(`${backend.padEnd(10)} ${run.backend.padEnd(8)} ${ms(0.5)} ${ms(0.95)}`);
  }
  return lines;
}
