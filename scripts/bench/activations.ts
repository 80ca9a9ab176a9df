/** Layer-activations lesson: the two interactions a reader repeats most, timed to the canvas, per backend. */
import type { Page } from '@playwright/test';
import { canvasLatency } from './canvas-latency.ts';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 40);
const PATH = '/lessons/layer-activations/';

export async function bench(page: Page, origin: string): Promise<string[]> {
  return [
    `Activation grid, layer change -> every channel's map and the enlarged one on the canvas (${RUNS} changes after 5 warm-up,`,
    'cycling conv_0, pool_1, conv_2, conv_3, last_conv, last_bn, last_relu; one model replay and one readback each)',
    ...(await canvasLatency(page, origin, {
      path: PATH,
      widget: 'activation-grid',
      control: '[data-layer]',
      canvas: '[data-map="channel"] canvas',
      event: 'change',
      values: ['conv_0', 'pool_1', 'conv_2', 'conv_3', 'last_conv', 'last_bn', 'last_relu'],
      backends: ['wasm', 'cpu'],
      runs: RUNS,
    })),
    `Channel mask, threshold slider -> masked image on the canvas (${RUNS} moves after 5 warm-up; conv_3 channel 4, upsampled to 64 x 64)`,
    ...(await canvasLatency(page, origin, {
      path: PATH,
      widget: 'channel-mask',
      control: '[data-tau]',
      canvas: '[data-map="masked"] canvas',
      event: 'input',
      values: ['0.2', '0.35', '0.5', '0.65', '0.8'],
      backends: ['wasm', 'cpu'],
      runs: RUNS,
    })),
  ];
}
