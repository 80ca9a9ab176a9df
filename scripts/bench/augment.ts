/**
 * Data augmentation in the engine. A training batch of 64 augmented on the
 * engine's backend per named policy, from drawing the op to the batch
 * computed (target: p95 <= 20 ms on wasm; scenes made before, read back
 * after). Timed from the page, call to result, as a widget sees them: one
 * 64 x 64 scene with its masks and boxes augmented by RandAugment(N = 2,
 * M = 9) (target: p95 <= 5 ms on wasm), the lesson's seeded grid of 16
 * (p95 <= 50 ms), and test-time augmentation of one image over 8 views
 * (p95 <= 50 ms).
 */
import type { Page } from '@playwright/test';
import { quantile } from './stats.ts';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 20);
const BACKENDS = (process.env['BENCH_BACKENDS'] ?? 'wasm,webgl,cpu').split(',');
const POLICIES = ['flips-crops', 'colour', 'hide-and-seek', 'cutmix', 'combination'];
const BATCH = 64;

export async function bench(page: Page, origin: string): Promise<string[]> {
  const lines = [
    `A training batch of ${BATCH} augmented in the engine (median and p95 of ${RUNS} batches after 3 warm-up, op drawn to batch computed on the backend; target p95 <= 20 ms on wasm)`,
    'backend  case            median ms   p95 ms',
  ];
  for (const backend of BACKENDS) {
    await page.goto(`${origin}/lessons/convolution-pooling-activation/?backend=${backend}`);
    await page.locator('#conv-explorer').scrollIntoViewIfNeeded();
    await page.locator('#conv-explorer[data-ready="true"]').waitFor({ timeout: 120_000 });
    for (const policy of POLICIES) {
      const ms = await page.evaluate(batches, { policy, runs: backend === 'wasm' ? RUNS : Math.min(RUNS, 8), n: BATCH });
      lines.push(`${backend.padEnd(8)} ${policy.padEnd(15)} ${quantile(ms, 0.5).toFixed(1).padStart(9)} ${quantile(ms, 0.95).toFixed(1).padStart(8)}`);
    }
    const runs = backend === 'wasm' ? RUNS * 5 : RUNS;
    for (const [label, ms] of [
      ['RandAugment 1', await page.evaluate(randAugmentCalls, runs)],
      ['grid of 16', await page.evaluate(gridCalls, runs)],
      ['TTA, 8 views', await page.evaluate(ttaCalls, backend === 'wasm' ? RUNS : Math.min(RUNS, 8))],
    ] as const) {
      lines.push(`${backend.padEnd(8)} ${label.padEnd(15)} ${quantile(ms, 0.5).toFixed(1).padStart(9)} ${quantile(ms, 0.95).toFixed(1).padStart(8)}`);
    }
  }
  return lines;
}

/** Runs in the page: one held-out two-object scene (masks and boxes) augmented by RandAugment(2, 9), a new seed each time. */
async function randAugmentCalls(runs: number): Promise<number[]> {
  const engine = await window.glassbox!.engine!;
  const scene = (await engine.call('augmentGrid', ['objects-scenes-2', 0, { policy: 'rand-augment', n: 0, m: 0 }, 1, 1])) as { tiles: { sample: unknown }[] };
  const ms: number[] = [];
  for (let r = 0; r < runs + 5; r++) {
    const start = performance.now();
    await engine.call('randAugmentSample', [scene.tiles[0]!.sample, 2, 9, r]);
    if (r >= 5) ms.push(performance.now() - start);
  }
  return ms;
}

/** Runs in the page: the policy lesson's grid of 16 RandAugment(2, 9) samples of a held-out scene, scene made in the engine, a new seed each time. */
async function gridCalls(runs: number): Promise<number[]> {
  const engine = await window.glassbox!.engine!;
  const ms: number[] = [];
  for (let r = 0; r < runs + 5; r++) {
    const start = performance.now();
    await engine.call('augmentGrid', ['objects-scenes-2', r % 50, { policy: 'rand-augment', n: 2, m: 9 }, r, 16]);
    if (r >= 5) ms.push(performance.now() - start);
  }
  return ms;
}

/** Runs in the page: round trips of test-time augmentation of one image (views made, one forward pass of 8, averaged, read back). */
async function ttaCalls(runs: number): Promise<number[]> {
  const engine = await window.glassbox!.engine!;
  const ms: number[] = [];
  for (let r = 0; r < runs + 3; r++) {
    const image = Float32Array.from({ length: 64 * 64 * 3 }, (_, k) => ((k * 7919 + r * 104729) % 1000) / 1000);
    const start = performance.now();
    await engine.call('ttaPredict', [image]);
    if (r >= 3) ms.push(performance.now() - start);
  }
  return ms;
}

/** Runs in the page: the engine's own time for `runs` batches, each with a new seed. */
async function batches({ policy, runs, n }: { policy: string; runs: number; n: number }): Promise<number[]> {
  const engine = await window.glassbox!.engine!;
  const ms: number[] = [];
  for (let r = 0; r < runs + 3; r++) {
    const batch = (await engine.call('augmentedBatch', [policy, r + 1, n])) as { ms: number };
    if (r >= 3) ms.push(batch.ms);
  }
  return ms;
}
