import * as tf from '@tensorflow/tfjs-core';

/**
 * en: The forward pass written with its ReLU passed in: images to class scores.
 * ko: ReLU를 인자로 받도록 쓴 순전파: 이미지에서 클래스 점수까지.
 */
export type LogitsWithRelu = (images: tf.Tensor4D, relu: (x: tf.Tensor) => tf.Tensor) => tf.Tensor2D;

/**
 * en: ReLU forward; backward R_in = [z > 0] [R > 0] R (Springenberg et al. 2015).
 * ko: 순방향은 ReLU, 역방향은 R_in = [z > 0] [R > 0] R(Springenberg 등, 2015).
 */
const guidedRelu = tf.customGrad((...args) => {
  const [z, save] = args as [tf.Tensor, tf.GradSaveFunc];
  save([z]);
  const gradFunc = (R: tf.Tensor, [zSaved]: tf.Tensor[]) => R.mul(zSaved!.greater(0)).mul(R.greater(0));
  return { value: tf.relu(z), gradFunc };
});

/**
 * en: Guided backpropagation: dS_c/dI with every ReLU guided.
 * ko: 가이드 역전파: 모든 ReLU를 가이드 ReLU로 바꿔 구한 dS_c/dI.
 */
export function guidedBackprop(logitsWith: LogitsWithRelu, image: tf.Tensor3D, c: number): tf.Tensor3D {
  return tf.tidy(() => {
    const score = (x: tf.Tensor) => logitsWith(x as tf.Tensor4D, guidedRelu).gather([c], 1).sum();
    return tf.grad(score)(image.expandDims(0)).squeeze([0]) as tf.Tensor3D;
  });
}
