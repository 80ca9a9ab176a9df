/**
 * Data augmentation in the engine: a training batch of 64 augmented on the
 * engine's backend, per named policy (target: <= 20 ms on wasm for the
 * batch, readback included, the scenes made beforehand).
 */
import type { Page } from '@playwright/test';
import { quantile } from './stats.ts';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 20);
const BACKENDS = (process.env['BENCH_BACKENDS'] ?? 'wasm,webgl,cpu').split(',');
const POLICIES = ['flips-crops', 'colour', 'hide-and-seek', 'cutmix', 'combination'];
const BATCH = 64;

export async function bench(page: Page, origin: string): Promise<string[]> {
  const lines = [
    `A training batch of ${BATCH} augmented in the engine (median and p95 of ${RUNS} batches after 3 warm-up, readback included; target p95 <= 20 ms on wasm)`,
    'backend  policy          median ms   p95 ms',
  ];
  for (const backend of BACKENDS) {
    await page.goto(`${origin}/lessons/convolution-pooling-activation/?backend=${backend}`);
    await page.locator('#conv-explorer').scrollIntoViewIfNeeded();
    await page.locator('#conv-explorer[data-ready="true"]').waitFor({ timeout: 120_000 });
    for (const policy of POLICIES) {
      const ms = await page.evaluate(batches, { policy, runs: backend === 'wasm' ? RUNS : Math.min(RUNS, 8), n: BATCH });
      lines.push(`${backend.padEnd(8)} ${policy.padEnd(15)} ${quantile(ms, 0.5).toFixed(1).padStart(9)} ${quantile(ms, 0.95).toFixed(1).padStart(8)}`);
    }
  }
  return lines;
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
