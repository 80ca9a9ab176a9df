import * as tf from '@tensorflow/tfjs-core';
import type { Features } from './types.ts';

/**
 * en: Maximally activating patches (Zeiler & Fergus 2014): for channel c, each
 * en: image's strongest unit m_n = max_uv A_n[u, v, c] and where it is; the k
 * en: images with the largest m_n are the channel's top patches (crop each at the
 * en: unit's receptive field to see it).
 * ko: 최대 활성화 패치(Zeiler & Fergus, 2014): 채널 c에 대해 이미지마다 가장 강한
 * ko: 유닛 m_n = max_uv A_n[u, v, c]와 그 위치를 구한다. m_n이 가장 큰 이미지 k장이
 * ko: 그 채널의 상위 패치다(보려면 각 이미지에서 그 유닛의 수용 영역을
 * ko: 잘라 낸다).
 */
export function topPatches(
  features: Features,
  images: tf.Tensor4D,
  c: number,
  k: number,
): { images: tf.Tensor1D; rows: tf.Tensor1D; cols: tf.Tensor1D; values: tf.Tensor1D } {
  return tf.tidy(() => {
    const maps = features(images).gather([c], 3).squeeze([3]); // A_n[u, v, c]: [n, u, v]
    const [n, , w] = maps.shape;
    const flat = maps.reshape([n, -1]);
    // en: the k images with the largest m_n
    // ko: m_n이 가장 큰 이미지 k장
    const { values, indices } = tf.topk(flat.max(1), k);
    // en: each one's strongest unit, row-major
    // ko: 각 이미지에서 가장 강한 유닛, 행 우선 인덱스
    const where = flat.argMax(1).gather(indices);
    return { images: indices as tf.Tensor1D, rows: where.floorDiv(w) as tf.Tensor1D, cols: where.mod(w) as tf.Tensor1D, values: values as tf.Tensor1D };
  });
}
