// The lesson's recipe as plain data, free of TensorFlow.js, so islands can import it.

/** The regularisers a reader can switch on and off. */
export interface RegularizerSwitches {
  jitter: boolean;
  /** Gaussian blur every few steps (pixel parameterisation only: it rewrites pixels). */
  blur: boolean;
  totalVariation: boolean;
  robustness: boolean;
  fourier: boolean;
}

export const NO_REGULARIZERS: RegularizerSwitches = { jitter: false, blur: false, totalVariation: false, robustness: false, fourier: false };

/**
 * The defaults of the lesson's gallery, chosen so that the image made from
 * objects-cnn is recognised by objects-cnn-b (9 of 10 classes with these
 * seeds; measured by scripts/class-viz-check.ts): a decorrelated Fourier
 * spectrum, jitter of up to 4 px, and scale +-15 % and rotation +-15 degrees.
 */
export const DEFAULT_REGULARIZERS: RegularizerSwitches = { jitter: true, blur: false, totalVariation: false, robustness: true, fourier: true };

/** What is maximised: a class logit of `objects-cnn`, or the mean of one channel of a layer. */
export type Target = { kind: 'class'; index: number } | { kind: 'channel'; layer: string; channel: number };

/** Everything that fixes a run: same recipe, same seed, same images. */
export interface Recipe {
  target: Target;
  lambda: number;
  switches: RegularizerSwitches;
  seed: number;
  /** 'plain': the bare equation, I <- I + eta grad (no gradient scaling); 'scaled': each step divided by the mean |gradient|. */
  ascent: 'plain' | 'scaled';
}

/** Mid-grey: I is measured from it, as Simonyan et al. measure the image from the data mean. */
export const OFFSET = 0.5;
/** Steps of the gallery and of the regulariser widget. */
export const DEFAULT_STEPS = 200;
export const DEFAULT_LAMBDA = 0.001;
/** The lesson's defaults in one object, for the widgets. */
export const VIZ_DEFAULTS = {
  regularizers: DEFAULT_REGULARIZERS,
  none: NO_REGULARIZERS,
  lambda: DEFAULT_LAMBDA,
  steps: DEFAULT_STEPS,
  /** lambda of the bare-equation widget, and its slider's range. */
  plainLambda: 0.1,
  plainLambdaMax: 0.5,
} as const;
