import { badArgument, GlassboxError } from '../shared/errors.ts';
import { Affinities, type SparseJoint } from './affinities.ts';
import { centre, randomLayout, scaledLayout } from './layout-init.ts';
import { gradientScratch, tsneCost, tsneGradient, type GradientScratch } from './tsne-gradient.ts';

export interface TsneOptions {
  /** Effective number of neighbours, 2^H(P_i); the paper suggests 5 to 50. Default 30. */
  perplexity?: number;
  /**
   * Step size eta. Default 'auto' = max(n / exaggeration, 10) (Belkina et al. 2019): the 2008 paper's
   * 100 and bhtsne's 200 overshoot on small n (a 20-point layout ends at 2.5x the KL cost) and crawl on large n.
   */
  learningRate?: number | 'auto';
  /** Seed of the random start layout. Default 0. */
  seed?: number;
  /** Iterations `fit` (and a session) run to. Default 1000, as in the paper. */
  iterations?: number;
  /** Factor on P during early exaggeration. Default 12 (van der Maaten 2014); the 2008 paper used 4. */
  exaggeration?: number;
  /** Iterations with exaggeration on. Default 250 (2014); the 2008 paper used 50. */
  exaggerationIterations?: number;
  /** Momentum alpha(t) before / from `momentumSwitch`. Defaults 0.5 and 0.8 at 250, as in the paper. */
  momentum?: number;
  finalMomentum?: number;
  momentumSwitch?: number;
}

const DEFAULTS: Required<TsneOptions> = {
  perplexity: 30, learningRate: 'auto', seed: 0, iterations: 1000, exaggeration: 12, exaggerationIterations: 250,
  momentum: 0.5, finalMomentum: 0.8, momentumSwitch: 250,
};

/**
 * Exact t-SNE (van der Maaten & Hinton 2008) in typed arrays: O(n^2) per
 * iteration, no tensors. Iterative in the umap-js style: `init -> calibrate ->
 * step -> read` (a session spreads P's rows and the steps over chunks), or `fit`. Optimiser as in the paper's section 3.4: gradient
 * descent with momentum, early exaggeration, and per-coordinate adaptive gains
 * (Jacobs 1988: +0.2 when the gradient changes sign against the last update,
 * x0.8 otherwise, floored at 0.01).
 *
 * @equation tsne-update
 *   Y(t) = Y(t-1) + eta dC/dY + alpha(t) (Y(t-1) - Y(t-2))  (eq. 7;
 * the paper's "+ eta dC/dY" is a descent step, written here as - eta * gains * gradient).
 */
export class Tsne {
  private readonly o: Required<TsneOptions>;
  private affinities: Affinities | null = null;
  private y: Float64Array = new Float64Array(0);
  private update = new Float64Array(0);
  private gains = new Float64Array(0);
  private grad = new Float64Array(0);
  private scratch: GradientScratch = gradientScratch(0);
  private n = 0;
  private t = 0;
  private eta = 0;

  constructor(options: TsneOptions = {}) {
    this.o = { ...DEFAULTS, ...options };
    const { perplexity, learningRate, iterations } = this.o;
    if (!(perplexity > 0)) throw badArgument('Tsne', 'perplexity', 'a number > 0', perplexity);
    if (learningRate !== 'auto' && !(learningRate > 0)) throw badArgument('Tsne', 'learningRate', 'a number > 0', learningRate);
    if (!Number.isInteger(iterations) || iterations < 0) throw badArgument('Tsne', 'iterations', 'an integer >= 0', iterations);
  }

  /**
   * Takes the data (n rows of d numbers, row-major) and sets the start layout:
   * seeded N(0, 1e-4 I), or `initial` (n x 2, e.g. PCA) rescaled to std 1e-4.
   * Cheap: P is calibrated lazily by the first `step`, or a few rows at a time by `calibrate`.
   */
  init(data: Float32Array, n: number, d: number, initial?: Float32Array): void {
    if (!Number.isInteger(n) || n < 2) throw badArgument('Tsne.init', 'n', 'an integer >= 2', n);
    if (!Number.isInteger(d) || d < 1) throw badArgument('Tsne.init', 'd', 'an integer >= 1', d);
    if (data.length !== n * d) throw badArgument('Tsne.init', 'data', `n * d = ${n * d} numbers`, data.length);
    if (this.o.perplexity >= n - 1) {
      throw badArgument('Tsne.init', 'perplexity', `less than n - 1 = ${n - 1}`, this.o.perplexity, 'lower the perplexity or add points');
    }
    this.n = n;
    this.t = 0;
    const { learningRate, exaggeration } = this.o;
    this.eta = learningRate === 'auto' ? Math.max(n / exaggeration, 10) : learningRate;
    this.affinities = new Affinities(data, n, d, this.o.perplexity);
    this.y = initial ? scaledLayout(initial, n) : randomLayout(n, this.o.seed);
    this.update = new Float64Array(2 * n);
    this.gains = new Float64Array(2 * n).fill(1);
    this.grad = new Float64Array(2 * n);
    this.scratch = gradientScratch(n);
  }

  /** Calibrates up to `rows` more rows of P (O(n d) each); returns the rows done, n once P is ready. */
  calibrate(rows: number): number {
    const affinities = this.ready();
    affinities.advance(rows);
    return affinities.rowsDone;
  }

  /** Runs `iterations` gradient steps (calibrating P first if needed); returns the iteration count reached. */
  step(iterations = 1): number {
    const p = this.ready().advance();
    for (let k = 0; k < iterations; k++) this.stepOnce(p!);
    return this.t;
  }

  /** A copy of the current layout, n x 2 row-major; the caller owns it. */
  read(): Float32Array {
    this.ready();
    return Float32Array.from(this.y);
  }

  /** Gradient steps taken so far. */
  get iteration(): number {
    return this.t;
  }

  /** Gradient steps a whole run takes (the `iterations` option). */
  get target(): number {
    return this.o.iterations;
  }

  /** The perplexity P is calibrated to. */
  get perplexity(): number {
    return this.o.perplexity;
  }

  /** The probabilities once calibrated (betas, entropies per row), for read-outs and tests; null before init. */
  get joint(): Affinities | null {
    return this.affinities;
  }

  /** KL(P || Q) of the current layout (eq. 2); O(n^2), calibrates P if needed. */
  cost(): number {
    return tsneCost(this.y, this.ready().advance()!, this.n);
  }

  /** Blocking: init, then iterate to `iterations`. For tests and workers, not the main thread. */
  fit(data: Float32Array, n: number, d: number, initial?: Float32Array): Float32Array {
    this.init(data, n, d, initial);
    this.step(this.o.iterations);
    return this.read();
  }

  private stepOnce(p: SparseJoint): void {
    const { n, y, update, gains, grad } = this;
    const o = this.o;
    const exaggeration = this.t < o.exaggerationIterations ? o.exaggeration : 1;
    const momentum = this.t < o.momentumSwitch ? o.momentum : o.finalMomentum;
    tsneGradient(y, p, n, exaggeration, grad, this.scratch);
    for (let k = 0; k < 2 * n; k++) {
      const g = grad[k];
      const u = update[k];
      const gain = (g > 0) !== (u > 0) ? gains[k] + 0.2 : gains[k] * 0.8;
      gains[k] = gain < 0.01 ? 0.01 : gain;
      update[k] = momentum * u - this.eta * gains[k] * g;
      y[k] = y[k] + update[k];
    }
    centre(y, n);
    this.t++;
  }

  private ready(): Affinities {
    if (!this.affinities) throw new GlassboxError('out-of-order', 'Tsne: call init(data, n, d) before step, read or fitAsync', { where: 'Tsne' });
    return this.affinities;
  }
}
