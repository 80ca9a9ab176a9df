import type * as tf from '@tensorflow/tfjs-core';

/** The network from images [n, h, w, 3] to class scores [n, classes], before the softmax. */
export type Logits = (images: tf.Tensor4D) => tf.Tensor2D;
/** The network up to a chosen layer: images [n, h, w, 3] to its feature maps A, [n, u, v, K]. */
export type Features = (images: tf.Tensor4D) => tf.Tensor4D;
/** The rest of the network: feature maps A to class scores, before the softmax. */
export type Head = (maps: tf.Tensor4D) => tf.Tensor2D;
