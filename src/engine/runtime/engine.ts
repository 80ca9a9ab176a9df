import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import './batch-norm-grad.ts';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
import { backendOrder, probeWebGpu, type BackendName, type GpuLike } from './backend.ts';
import type { EngineNotice } from './engine-notice.ts';
import { GlassboxError } from '../shared/errors.ts';
import { LatestWinsQueue } from './queue.ts';
import { registerBackend } from './register-backend.ts';
import { SessionRunner } from './session-runner.ts';

export type Tf = typeof tf;

export interface EngineOptions {
  /** The `?backend=` request, or null. */
  requested: string | null;
  /** `navigator.gpu`, or undefined where the browser has none. */
  gpu: GpuLike | undefined;
  /** Imports and registers a backend; replaced in tests. */
  register?: (name: BackendName) => Promise<void>;
}

export interface EngineInfo {
  backend: BackendName;
  requested: string | null;
  /** Why this backend: the WebGPU probe's finding and every backend that failed before it. */
  notices: EngineNotice[];
  /** Where the engine runs: its own worker, or the page's main thread. */
  thread: 'worker' | 'main';
  /** Why the engine runs on the main thread, when it does. */
  threadReason?: EngineNotice;
}

/**
 * The one engine of a page. It owns the tfjs backend (so one GPUDevice or WebGL
 * context however many widgets), the latest-wins queue, and the fallback to the
 * next backend when one fails at run time.
 */
export class Engine {
  readonly tf: Tf = tf;
  readonly queue = new LatestWinsQueue();
  /** Long work (sweeps, layouts, training): one session per id, stepped in time-sized chunks. */
  readonly sessions = new SessionRunner();
  private order: BackendName[];

  private constructor(
    readonly info: EngineInfo,
    order: BackendName[],
    private readonly register: (name: BackendName) => Promise<void>,
  ) {
    this.order = order;
  }

  static async create(options: EngineOptions): Promise<Engine> {
    const register = options.register ?? registerBackend;
    const probe = await probeWebGpu(options.gpu);
    const order = backendOrder(options.requested, probe.hardware);
    const notices = [probe.notice];
    const thread = typeof document === 'undefined' ? 'worker' : 'main';
    const engine = new Engine({ backend: order[0] ?? 'cpu', requested: options.requested, notices, thread }, order, register);
    await engine.activateFrom(0);
    return engine;
  }

  get backend(): BackendName {
    return this.info.backend;
  }

  /**
   * Runs a job in the widget's lane of the latest-wins queue, with `execute`'s
   * fallback to the next backend.
   */
  run<T>(key: string, job: (tf: Tf, signal: AbortSignal) => Promise<T>): Promise<T> {
    return this.queue.submit(key, (signal) => this.execute((engineTf) => job(engineTf, signal), () => signal.aborted));
  }

  /**
   * Runs a job on the current backend. If the backend itself fails (device
   * lost, missing kernel), the engine moves to the next backend, records a
   * notice, and runs the job once more there.
   */
  async execute<T>(job: (tf: Tf) => Promise<T>, stale: () => boolean = () => false): Promise<T> {
    const backend = this.backend;
    try {
      return await job(tf);
    } catch (error) {
      const next = this.order.indexOf(backend) + 1;
      if (error instanceof GlassboxError || stale() || next >= this.order.length) throw error;
      this.info.notices.push({ code: 'backend-failed', backend, error: String(error) });
      await this.activateFrom(next);
      return job(tf);
    }
  }

  /** Live tensor count and bytes, for leak checks in tests and the bench. */
  memory(): { numTensors: number; numBytes: number } {
    const { numTensors, numBytes } = tf.memory();
    return { numTensors, numBytes };
  }

  private async activateFrom(start: number): Promise<void> {
    for (const name of this.order.slice(start)) {
      try {
        await this.register(name);
        if (await tf.setBackend(name)) {
          await tf.ready();
          this.info.backend = name;
          return;
        }
        this.info.notices.push({ code: 'backend-not-started', backend: name });
      } catch (error) {
        this.info.notices.push({ code: 'backend-not-started', backend: name, error: String(error) });
      }
    }
    throw new GlassboxError('backend-unavailable', 'Engine: no TensorFlow.js backend could start', { tried: this.order.join(', ') }, 'tried ' + this.order.join(', '));
  }
}
