import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { badArgument } from '../shared/errors.ts';
import { guidedGate, guidedRelu } from './guided-relu.ts';
import { activationName, chainOf, indexOfLayer, isSoftmaxOnly, reluRole } from './layers.ts';

type Layer = tfl.LayersModel['layers'][number];

/** What `probe` reads at a layer; the caller owns all three tensors. */
export interface Probe {
  /** A, the layer's output: [n, h, w, k]. */
  activations: tf.Tensor4D;
  /** dy^c / dA, the gradient of each image's class score with respect to A: [n, h, w, k]. */
  gradients: tf.Tensor4D;
  /** y, the pre-softmax logits of every class: [n, classes]. */
  scores: tf.Tensor2D;
}

/** How ReLUs pass gradients backwards: as the chain rule says, or guided (Springenberg et al. 2015). */
export type ReluBackward = 'standard' | 'guided';

/** Class per image: one index for the whole batch, or one per image. */
export type ClassIndex = number | readonly number[];

/**
 * Activations at a layer and the gradient of a class score with respect to
 * them, for Grad-CAM and its relatives. The model is split at the layer into a
 * head (input -> A) and a tail (A -> logits); both are replayed layer by layer
 * with `layer.apply`, and the tail is differentiated with `tf.valueAndGrad`.
 *
 * The score is the logit y^c, before the softmax, as in Grad-CAM (Selvaraju et
 * al. 2017, Sec. 3: "y^c, the score for class c, before the softmax"). After a
 * softmax, raising class c can also come from lowering the others, so its
 * gradient mixes in evidence for other classes; a final softmax is therefore
 * skipped (a Dense with activation 'softmax' is applied linearly from its
 * weights; a trailing Softmax layer is dropped). The model is never changed.
 *
 * @param model a sequential CNN (see `chainOf` for the layer classes)
 * @param layerName a layer whose output is [n, h, w, k]
 * @param input one image [h, w, c] or a batch [n, h, w, c]
 * @param classIndex c, one for all images or one per image
 */
export function probe(model: tfl.LayersModel, layerName: string, input: tf.Tensor3D | tf.Tensor4D, classIndex: ClassIndex): Probe {
  const layers = chainOf(model, 'probe');
  const at = indexOfLayer(layers, layerName, 'probe');
  const shape = layers[at]!.outputShape as (number | null)[];
  if (shape.length !== 4) throw badArgument('probe', 'layerName', 'a layer with [n, h, w, k] output', `"${layerName}" with shape [${shape}]`, 'pick one of featureMapLayers(model)');
  const x = checkInput(model, input, 'probe');
  return tf.tidy(() => {
    const batch = x.rank === 3 ? x.expandDims(0) : x;
    const activations = layers.slice(0, at + 1).reduce((t, layer) => applyLayer(layer, t, 'standard', false), batch) as tf.Tensor4D;
    const tail = layers.slice(at + 1);
    const dy = classMask(model, layers, classIndex, batch.shape[0]!, 'probe');
    const { value, grad } = tf.valueAndGrad((a: tf.Tensor) => forward(tail, a, 'standard'))(activations, dy);
    return { activations, gradients: grad as tf.Tensor4D, scores: value as tf.Tensor2D };
  });
}

/**
 * dy^c / dI, the gradient of each image's class logit with respect to its
 * pixels (Simonyan et al. 2014, Sec. 3.1, w = dS_c/dI). With reluBackward
 * 'guided', every ReLU passes back only positive gradients at positive inputs
 * (guided backpropagation, Springenberg et al. 2015): separate ReLU layers are
 * replaced by `guidedRelu`; a Conv2D/Dense with a fused relu is followed by
 * `guidedGate` (its own ReLU backward supplies the forward mask).
 *
 * @equation input-gradient
 * @param input one image [h, w, c] or a batch [n, h, w, c]
 * @returns same shape as input; the caller owns it
 */
export function inputGradient(
  model: tfl.LayersModel,
  input: tf.Tensor3D | tf.Tensor4D,
  classIndex: ClassIndex,
  options: { reluBackward?: ReluBackward } = {},
): tf.Tensor {
  const mode = options.reluBackward ?? 'standard';
  if (mode !== 'standard' && mode !== 'guided') throw badArgument('inputGradient', 'reluBackward', "'standard' or 'guided'", mode);
  const layers = chainOf(model, 'inputGradient');
  const x = checkInput(model, input, 'inputGradient');
  return tf.tidy(() => {
    const batch = x.rank === 3 ? x.expandDims(0) : x;
    const dy = classMask(model, layers, classIndex, batch.shape[0]!, 'inputGradient');
    const grad = tf.grad((image: tf.Tensor) => forward(layers, image, mode))(batch, dy);
    return x.rank === 3 ? grad.squeeze([0]) : grad;
  });
}

/**
 * y, the pre-softmax logits of a batch, by the same replay as `probe` but
 * without gradients: one forward pass, for occlusion sweeps and live scores.
 *
 * @param input one image [h, w, c] or a batch [n, h, w, c]
 * @returns [n, classes]; the caller owns it
 */
export function classScores(model: tfl.LayersModel, input: tf.Tensor3D | tf.Tensor4D): tf.Tensor2D {
  const layers = chainOf(model, 'classScores');
  const x = checkInput(model, input, 'classScores');
  return tf.tidy(() => forward(layers, x.rank === 3 ? x.expandDims(0) : x, 'standard') as tf.Tensor2D);
}

/**
 * The final Dense layer's kernel W, [k, classes], as CAM needs it (Zhou et al.
 * 2016: M_c = sum_k w_k^c f_k). A copy; the caller owns it. Refuses a model
 * whose classifier is not fed by global average pooling, where CAM is undefined.
 */
export function classifierKernel(model: tfl.LayersModel): tf.Tensor2D {
  const layers = chainOf(model, 'classifierKernel').filter((layer) => !isSoftmaxOnly(layer));
  const dense = layers.at(-1)!;
  const before = layers.at(-2)?.getClassName();
  if (dense.getClassName() !== 'Dense' || before !== 'GlobalAveragePooling2D') {
    throw badArgument('classifierKernel', 'model', 'GlobalAveragePooling2D then Dense at the end', `${before} then ${dense.getClassName()}`, 'CAM needs a GAP + dense head; use Grad-CAM');
  }
  return tf.tidy(() => dense.getWeights()[0]!.clone() as tf.Tensor2D);
}

/** Replays layers in order; a final softmax is skipped so the output is the logits. */
function forward(layers: Layer[], x: tf.Tensor, mode: ReluBackward): tf.Tensor {
  // `last`: only softmax layers (or nothing) follow, so this layer's output is the logits.
  return layers.reduce((t, layer, i) => applyLayer(layer, t, mode, layers.slice(i + 1).every(isSoftmaxOnly)), x);
}

function applyLayer(layer: Layer, x: tf.Tensor, mode: ReluBackward, last: boolean): tf.Tensor {
  if (isSoftmaxOnly(layer) && last) return x;
  if (isSoftmaxOnly(layer)) return layer.apply(x) as tf.Tensor;
  if (last && layer.getClassName() === 'Dense' && activationName(layer) === 'softmax') return denseLinear(layer, x);
  const role = reluRole(layer);
  if (mode === 'guided' && role === 'relu') return guidedRelu(x);
  const y = layer.apply(x) as tf.Tensor;
  return mode === 'guided' && role !== 'none' ? guidedGate(y) : y;
}

/** A Dense layer without its activation, from its weights: the model is not touched. */
function denseLinear(layer: Layer, x: tf.Tensor): tf.Tensor {
  const [kernel, bias] = layer.getWeights();
  if (x.rank !== 2) throw badArgument('probe', 'model', 'a final Dense fed by [n, k] features', `rank ${x.rank} input`, 'add Flatten or GlobalAveragePooling2D before it');
  const y = tf.matMul(x as tf.Tensor2D, kernel as tf.Tensor2D);
  return bias ? y.add(bias) : y;
}

function checkInput(model: tfl.LayersModel, input: tf.Tensor, fn: string): tf.Tensor {
  const want = model.inputs[0]!.shape.slice(1);
  const got = input.rank === 3 ? input.shape : input.shape.slice(1);
  const ok = (input.rank === 3 || input.rank === 4) && got.length === want.length && want.every((d, i) => d == null || d === got[i]);
  if (!ok) throw badArgument(fn, 'input', `[h, w, c] or [n, h, w, c] with image shape [${want}]`, `[${input.shape}]`);
  return input;
}

/** One-hot [n, classes]: the seed gradient that picks each image's class logit. */
function classMask(model: tfl.LayersModel, layers: Layer[], classIndex: ClassIndex, n: number, fn: string): tf.Tensor2D {
  const classes = (layers.filter((l) => !isSoftmaxOnly(l)).at(-1)!.outputShape as number[]).at(-1)!;
  const list = typeof classIndex === 'number' ? new Array<number>(n).fill(classIndex) : [...classIndex];
  const bad = list.find((c) => !Number.isInteger(c) || c < 0 || c >= classes);
  if (list.length !== n || bad !== undefined) {
    throw badArgument(fn, 'classIndex', `an integer in [0, ${classes}) or ${n} of them`, list.length !== n ? list : bad, `model "${model.name}"`);
  }
  // Built on the CPU: tf.oneHot refuses a single class (depth 1), which a score model may have.
  const mask = new Float32Array(n * classes);
  list.forEach((c, i) => (mask[i * classes + c] = 1));
  return tf.tensor2d(mask, [n, classes]);
}
