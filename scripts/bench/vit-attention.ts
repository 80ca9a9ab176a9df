/**
 * objects-vit, one image, through the engine as a widget calls it, per
 * backend: the forward pass with every head's attention and the rollout,
 * read back (target: at most 30 ms on wasm); and the gradient-weighted
 * rollout of a class, which adds a backward pass; and the attention lesson's
 * explorer (both, objects-cnn's Grad-CAM and the three maps scored on the
 * object's mask). Each run is one of the pointing-game split's scenes,
 * explained for the class of its first object.
 */
import type { Page } from '@playwright/test';
import { quantile } from './stats.ts';

const BACKENDS = (process.env['BENCH_BACKENDS'] ?? 'wasm,webgl,cpu').split(',').filter(Boolean);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 40);

export async function bench(page: Page, origin: string): Promise<string[]> {
  const lines = [
    `objects-vit, one image through the engine, ms (${RUNS} images after 5 warm-up): attention of every head and the rollout`,
    '(forward pass; target: at most 30 ms on wasm), the gradient-weighted rollout of a class (forward and backward), and the explorer widget\'s task',
    `${'requested'.padEnd(10)} ${'ran on'.padEnd(8)} ${'rollout median'.padStart(15)} ${'p95'.padStart(6)} ${'weighted median'.padStart(16)} ${'p95'.padStart(6)} ${'explorer median'.padStart(16)} ${'p95'.padStart(6)}`,
  ];
  for (const backend of BACKENDS) {
    // Any page with a widget starts the engine when the widget nears the viewport.
    await page.goto(`${origin}/lessons/vit-attention/?backend=${backend}`);
    await page.locator('#attention-explorer').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => window.glassbox?.engine !== undefined);
    const run = await page.evaluate(async (runs) => {
      const engine = await window.glassbox!.engine!;
      const scenes = (await engine.call('pointingScenes', [0, runs + 5])) as { image: Float32Array; objects: { classIndex: number; mask: Uint8Array }[] }[];
      const [plain, weighted, explorer]: number[][] = [[], [], []];
      for (const [i, scene] of scenes.entries()) {
        const start = performance.now();
        await engine.call('vitAttention', [scene.image, 'mean', 0.9]);
        const middle = performance.now();
        await engine.call('vitGradientRollout', [scene.image, scene.objects[0]!.classIndex]);
        const late = performance.now();
        await engine.call('vitExplorer', [scene.image, scene.objects[0]!.mask, scene.objects[0]!.classIndex, 'mean', 0]);
        if (i < 5) continue;
        plain.push(middle - start);
        weighted.push(late - middle);
        explorer.push(performance.now() - late);
      }
      return { plain, weighted, explorer, backend: engine.info.backend };
    }, RUNS);
    const ms = (times: number[], q: number, width: number) => quantile(times, q).toFixed(1).padStart(width);
    lines.push(
      `${backend.padEnd(10)} ${run.backend.padEnd(8)} ${ms(run.plain, 0.5, 15)} ${ms(run.plain, 0.95, 6)} ${ms(run.weighted, 0.5, 16)} ${ms(run.weighted, 0.95, 6)} ${ms(run.explorer, 0.5, 16)} ${ms(run.explorer, 0.95, 6)}`,
    );
  }
  return lines;
}
