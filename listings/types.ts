import type * as tf from '@tensorflow/tfjs-core';

/**
 * en: The network from images [n, h, w, 3] to class scores [n, classes], before the softmax.
 * ko: 이미지 [n, h, w, 3]에서 소프트맥스 이전의 클래스 점수 [n, classes]까지의 네트워크.
 */
export type Logits = (images: tf.Tensor4D) => tf.Tensor2D;
/**
 * en: The network up to a chosen layer: images [n, h, w, 3] to its feature maps A, [n, u, v, K].
 * ko: 선택한 층까지의 네트워크: 이미지 [n, h, w, 3]에서 그 층의 특징 맵 A [n, u, v, K]까지.
 */
export type Features = (images: tf.Tensor4D) => tf.Tensor4D;
/**
 * en: The rest of the network: feature maps A to class scores, before the softmax.
 * ko: 네트워크의 나머지: 특징 맵 A에서 소프트맥스 이전의 클래스 점수까지.
 */
export type Head = (maps: tf.Tensor4D) => tf.Tensor2D;
