/** Grad-CAM explorer: class change -> Grad-CAM heatmap pixels on the canvas, per backend (target: p95 <= 100 ms on wasm). */
import type { Page } from '@playwright/test';
import { canvasLatency } from './canvas-latency.ts';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 40);

export async function bench(page: Page, origin: string): Promise<string[]> {
  return [
    `Grad-CAM explorer, class change -> Grad-CAM heatmap on the canvas (${RUNS} changes after 5 warm-up; each also computes`,
    'Guided Grad-CAM, Grad-CAM++ and the CAM agreement, as the widget does)',
    ...(await canvasLatency(page, origin, {
      path: '/lessons/cam-and-grad-cam/',
      widget: 'grad-cam-explorer',
      control: '[data-class]',
      canvas: '[data-map="grad-cam"] canvas',
      event: 'change',
      values: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
      backends: ['wasm', 'webgl', 'cpu'],
      runs: RUNS,
      slow: { cpu: Math.min(RUNS, 15) },
    })),
  ];
}
