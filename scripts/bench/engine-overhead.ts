/**
 * What the engine and the widget add over the bare computation, in one page
 * run: a widget's input -> pixels time against the bare TensorFlow.js work it
 * needs (same model, same backend, same page, with the tests' own tfjs put
 * into the page), and the round trip of an empty engine call, an upper bound
 * of dispatch -> job start. Each with the engine in its worker and, for
 * comparison, on the main thread (?engine=main). Target: <= 2x (plus <= 2 ms
 * for drawing), dispatch -> start <= 1 ms.
 */
import type { Page } from '@playwright/test';
import { installPageTf } from '../../tests/e2e/reference/page-tf.ts';
import { installReplay } from '../../tests/e2e/reference/replay.ts';
import { canvasLatency, type CanvasLatency } from './canvas-latency.ts';
import { quantile } from './stats.ts';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 40);
const BACKENDS = (process.env['BENCH_BACKENDS'] ?? 'wasm,webgl,cpu').split(',');
const THREADS = ['', 'engine=main'];

interface Case {
  label: string;
  widget: Omit<CanvasLatency, 'backends' | 'runs'>;
  /** The bare work, run in the page on the tests' own tfjs: ms of each of `runs` runs. */
  bare: (page: Page, runs: number) => Promise<number[]>;
}

const CASES: Case[] = [
  {
    label: 'convolution explorer (kernel weight -> feature map) vs conv2d 64x64, 3x3',
    widget: { path: '/lessons/convolution-pooling-activation/', widget: 'conv-explorer', control: '[data-kernel-weight]', canvas: '[data-map="output"] canvas', event: 'input', values: ['-3', '-1'] },
    bare: async (page, runs) => {
      await installPageTf(page);
      return page.evaluate(bareConv, runs);
    },
  },
  {
    label: 'Grad-CAM explorer (class -> heatmap) vs forward + gradient to last_relu',
    widget: { path: '/lessons/cam-and-grad-cam/', widget: 'grad-cam-explorer', control: '[data-class]', canvas: '[data-map="grad-cam"] canvas', event: 'change', values: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] },
    bare: async (page, runs) => {
      await installReplay(page);
      return page.evaluate(bareGradCam, runs);
    },
  },
];

export async function bench(page: Page, origin: string): Promise<string[]> {
  const lines = [
    `Overhead over the bare computation: widget input -> pixels against the bare tfjs work in the same page (median of ${RUNS}), and`,
    'an empty engine call\'s round trip (upper bound of dispatch -> job start). Target: ratio <= 2x (+ 2 ms drawing), dispatch <= 1 ms.',
    'case / backend / engine               widget ms    bare ms    ratio   empty call ms',
  ];
  for (const c of CASES) {
    lines.push(c.label);
    for (const backend of BACKENDS) {
      for (const thread of THREADS) {
        const runs = backend === 'wasm' ? RUNS : Math.min(RUNS, 15);
        const spec = { ...c.widget, path: thread ? `${c.widget.path}?${thread}` : c.widget.path, backends: [backend], runs };
        const widget = Number((await canvasLatency(page, origin, spec))[1]!.trim().split(/\s+/)[2]);
        const call = quantile(await page.evaluate(emptyCalls, runs), 0.5);
        const bare = quantile(await c.bare(page, runs), 0.5);
        const where = thread ? 'main thread' : 'worker';
        lines.push(`  ${backend.padEnd(6)} ${where.padEnd(12)} ${widget.toFixed(2).padStart(20)} ${bare.toFixed(2).padStart(10)} ${(widget / bare).toFixed(1).padStart(7)}x ${call.toFixed(2).padStart(14)}`);
      }
    }
  }
  return lines;
}

/** Runs in the page: round trips of an empty engine call (the model list) through the page's connection, each the mean of 20 in a row (timers here tick in 0.1 ms). */
async function emptyCalls(runs: number): Promise<number[]> {
  const engine = await window.glassbox!.engine!;
  const times: number[] = [];
  for (let n = 0; n < runs + 5; n++) {
    const start = performance.now();
    for (let k = 0; k < 20; k++) await engine.call('listModels', []);
    if (n >= 5) times.push((performance.now() - start) / 20);
  }
  return times;
}

/** Runs in the page: times of a 64x64 single-channel conv2d with a 3x3 kernel, read back, on the tests' own tfjs. */
async function bareConv(runs: number): Promise<number[]> {
  const tf = window.tf!;
  const x = tf.randomUniform([1, 64, 64, 1]) as import('@tensorflow/tfjs-core').Tensor4D;
  const times: number[] = [];
  for (let n = 0; n < runs + 5; n++) {
    const k = tf.tensor4d([0, -1, 0, -1, 4 + n, -1, 0, -1, 0], [3, 3, 1, 1]);
    const start = performance.now();
    const y = tf.conv2d(x, k, 1, 'same');
    await y.data();
    if (n >= 5) times.push(performance.now() - start);
    tf.dispose([k, y]);
  }
  x.dispose();
  return times;
}

/** Runs in the page: times of objects-cnn forward to last_relu and the class score's gradient there, read back. */
async function bareGradCam(runs: number): Promise<number[]> {
  const replay = await window.glassboxReplay!('objects-cnn');
  const { tf } = replay;
  type T = import('@tensorflow/tfjs-core').Tensor;
  const x = tf.randomUniform([1, 64, 64, 3]);
  const times: number[] = [];
  for (let n = 0; n < runs + 5; n++) {
    const c = n % 10;
    const start = performance.now();
    const [a, g] = tf.tidy(() => {
      const a = replay.run(x, null, 'last_relu');
      return [a, tf.grad((a: T) => replay.run(a, 'last_relu').slice([0, c], [1, 1]).sum())(a)];
    });
    await Promise.all([a!.data(), g!.data()]);
    if (n >= 5) times.push(performance.now() - start);
    tf.dispose([a!, g!]);
  }
  tf.dispose(x);
  replay.dispose();
  return times;
}
