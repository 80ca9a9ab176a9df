/**
 * objects-gan through the engine as its widgets call it, per backend: one
 * sample (the generator, then objects-cnn's verdict on it; target: at most
 * 30 ms on wasm), and the dissection of one layer over 200 samples as a
 * session (generation, segmentation and the counts), whole. The longest
 * main-thread task during the dissection is in the long-tasks module.
 */
import type { Page } from '@playwright/test';
import { quantile } from './stats.ts';

const BACKENDS = (process.env['BENCH_BACKENDS'] ?? 'wasm,webgl,cpu').split(',').filter(Boolean);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 40);

export async function bench(page: Page, origin: string): Promise<string[]> {
  const lines = [
    `objects-gan through the engine, ms: one sample with objects-cnn's verdict (${RUNS} samples after 5 warm-up; target: at most 30 ms on wasm),`,
    'and dissecting block1 and block2 over 200 samples each (one run each, after the warm-up)',
    `${'requested'.padEnd(10)} ${'ran on'.padEnd(8)} ${'sample median'.padStart(14)} ${'p95'.padStart(6)} ${'block1 x 200'.padStart(13)} ${'block2 x 200'.padStart(13)}`,
  ];
  for (const backend of BACKENDS) {
    await page.goto(`${origin}/lessons/gan-dissection/?backend=${backend}`);
    await page.locator('#gan-sampler').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => window.glassbox?.engine !== undefined);
    const run = await page.evaluate(async (runs) => {
      const engine = await window.glassbox!.engine!;
      const samples: number[] = [];
      for (let k = 0; k < runs + 5; k++) {
        const start = performance.now();
        await engine.call('ganSamples', [[k]]);
        if (k >= 5) samples.push(performance.now() - start);
      }
      const dissect = async (layer: string) => {
        const start = performance.now();
        await engine.start(`bench-${layer}`, 'ganDissection', { layer, samples: 200 }, {}, () => {});
        return performance.now() - start;
      };
      return { samples, block1: await dissect('block1'), block2: await dissect('block2'), backend: engine.info.backend };
    }, RUNS);
    const ms = (times: number[], q: number, width: number) => quantile(times, q).toFixed(1).padStart(width);
    lines.push(
      `${backend.padEnd(10)} ${run.backend.padEnd(8)} ${ms(run.samples, 0.5, 14)} ${ms(run.samples, 0.95, 6)} ${run.block1.toFixed(0).padStart(13)} ${run.block2.toFixed(0).padStart(13)}`,
    );
  }
  return lines;
}
