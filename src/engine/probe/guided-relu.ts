import * as tf from '@tensorflow/tfjs-core';

/**
 * ReLU whose backward pass is the guided one (Springenberg et al. 2015, eq. in
 * Fig. 1, "guided backpropagation"): a gradient passes only where the forward
 * input was positive AND the gradient arriving from above is positive,
 *   R_i = (x_i > 0) (R_{i+1} > 0) R_{i+1}.
 * Standard backprop keeps the first mask only; the "deconvnet" keeps the second only.
 *
 * @param x any shape
 * @returns max(0, x), same shape; the caller owns it
 */
export const guidedRelu = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [x, save] = args as [tf.Tensor, tf.GradSaveFunc];
  save([x]);
  return {
    value: tf.relu(x),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [input] = saved;
      return dy.mul(tf.step(input!)).mul(tf.step(dy));
    },
  };
}) as <T extends tf.Tensor>(x: T) => T;

/**
 * Identity forward, positive-gradients-only backward. Placed right after a
 * layer with a fused ReLU (Conv2D/Dense with activation 'relu'), whose own
 * backward already applies the forward mask (y > 0 exactly where the
 * pre-activation z > 0): the product of both masks is the guided ReLU above,
 * without re-implementing the layer to get at z or changing the model.
 *
 * @param y any shape, the output of a ReLU
 * @returns y unchanged (a new tensor); the caller owns it
 */
export const guidedGate = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => ({
  value: (args[0] as tf.Tensor).clone(),
  gradFunc: (dy: tf.Tensor) => dy.mul(tf.step(dy)),
})) as <T extends tf.Tensor>(y: T) => T;
