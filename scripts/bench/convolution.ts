/** Convolution explorer: input change -> feature map pixels on the canvas, per backend. */
import type { Page } from '@playwright/test';
import { canvasLatency } from './canvas-latency.ts';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 60);

export async function bench(page: Page, origin: string): Promise<string[]> {
  const lines = await canvasLatency(page, origin, {
    path: '/lessons/convolution-pooling-activation/',
    widget: 'conv-explorer',
    control: '[data-kernel-weight]',
    canvas: '[data-map="output"] canvas',
    event: 'input',
    values: ['-3', '-1'],
    backends: ['wasm', 'webgl', 'cpu', 'webgpu'],
    runs: RUNS,
  });
  const probe = (await page.locator('[data-backend-badge]').getAttribute('title'))?.split('\n')[0] ?? '';
  return [
    `Convolution explorer, input change -> feature map pixels on the canvas (${RUNS} changes after 5 warm-up)`,
    ...lines,
    `WebGPU here: ${probe} (forced with ?backend=webgpu above; the book itself would not choose it)`,
  ];
}
