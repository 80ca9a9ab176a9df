/**
 * Training in the browser: the objects-cnn spec at batch 32 as a session in the
 * page's engine (the same loop and seeded batches as `npm run train`), steps/s
 * and images/s per backend after two warm-up steps, and the longest
 * main-thread task meanwhile (target: none over 50 ms).
 */
import type { Page } from '@playwright/test';

const BACKENDS = (process.env['BENCH_BACKENDS'] ?? 'wasm,webgl,cpu').split(',');
const STEPS: Record<string, number> = { wasm: 20, webgl: 8, cpu: 8 };
const BATCH = 32;

export async function bench(page: Page, origin: string): Promise<string[]> {
  const lines = [
    `Training objects-cnn in the page, batch ${BATCH} (steps timed after 2 warm-up steps; longest main-thread task meanwhile, "none" = none of 50 ms or more)`,
    'requested  ran on   engine   steps   steps/s   images/s   longest task ms',
  ];
  for (const backend of BACKENDS) {
    await page.goto(`${origin}/lessons/convolution-pooling-activation/?backend=${backend}`);
    await page.locator('#conv-explorer').scrollIntoViewIfNeeded();
    await page.locator('#conv-explorer[data-ready="true"]').waitFor({ timeout: 120_000 });
    const steps = Number(process.env['BENCH_TRAIN_STEPS'] ?? STEPS[backend] ?? 8);
    const run = await page.evaluate(train, { steps, batch: BATCH });
    const rate = (run.steps * 1000) / run.ms;
    const longest = run.longest === 0 ? 'none' : run.longest.toFixed(0);
    lines.push(`${backend.padEnd(10)} ${run.backend.padEnd(7)} ${run.thread.padEnd(8)} ${String(run.steps).padStart(5)} ${rate.toFixed(2).padStart(9)} ${(rate * BATCH).toFixed(1).padStart(10)} ${longest.padStart(17)}`);
  }
  return lines;
}

/** Runs in the page: a training session of `steps` batches; steps timed from the first report at step 2 or later to the last. */
async function train({ steps, batch }: { steps: number; batch: number }) {
  const engine = await window.glassbox!.engine!;
  const tasks: number[] = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push(e.duration)));
  observer.observe({ type: 'longtask' });
  // [time, step] of every report from step 2 on (the first steps build kernels and programs).
  const points: [number, number][] = [];
  await engine.start('bench-training', 'training', { spec: 'objects-cnn', overrides: { batchSize: batch }, steps }, { reportEveryMs: 0 }, (report) => {
    const step = (report.progress as { step: number }).step;
    if (step >= 2) points.push([performance.now(), step]);
  });
  observer.disconnect();
  const [[t0, s0], [t1, s1]] = [points[0]!, points.at(-1)!];
  return { steps: s1 - s0, ms: t1 - t0, longest: Math.max(0, ...tasks), backend: engine.info.backend, thread: engine.thread };
}
