import * as tf from '@tensorflow/tfjs-core';

/** The forward pass written with its ReLU passed in: images to class scores. */
export type LogitsWithRelu = (images: tf.Tensor4D, relu: (x: tf.Tensor) => tf.Tensor) => tf.Tensor2D;

/** ReLU forward; backward R_in = [z > 0] [R > 0] R (Springenberg et al. 2015). */
const guidedRelu = tf.customGrad((...args) => {
  const [z, save] = args as [tf.Tensor, tf.GradSaveFunc];
  save([z]);
  const gradFunc = (R: tf.Tensor, [zSaved]: tf.Tensor[]) => R.mul(zSaved!.greater(0)).mul(R.greater(0));
  return { value: tf.relu(z), gradFunc };
});

/** Guided backpropagation: dS_c/dI with every ReLU guided. */
export function guidedBackprop(logitsWith: LogitsWithRelu, image: tf.Tensor3D, c: number): tf.Tensor3D {
  return tf.tidy(() => {
    const score = (x: tf.Tensor) => logitsWith(x as tf.Tensor4D, guidedRelu).gather([c], 1).sum();
    return tf.grad(score)(image.expandDims(0)).squeeze([0]) as tf.Tensor3D;
  });
}
