import type { Page } from '@playwright/test';
import { installReplay } from '../../reference/replay.ts';
import type { TestScene } from '../../reference/scenes.ts';

/** objects-vit on one scene, replayed with raw tfjs-core ops, head by head. */
export interface VitReplay {
  /** The CLS token's attention to each patch, [layers, heads, 64], the widget's order. */
  cls: number[];
  /** Row 0 of attention rollout (heads' mean, identity added, rows renormalised, layers multiplied), without its own entry. */
  rollout: number[];
  /** Where that rollout, bilinearly resized to 64 x 64 and scaled to [0, 1], peaks: [row, col]. */
  peak: [number, number];
  probabilities: number[];
}

/**
 * objects-vit replayed from its weight file (reference/replay.ts) without the
 * engine's layers, probe or rollout: the patch convolution, CLS token and
 * positions, pre-norm blocks with each head's softmax(q k^T / 4) sliced out
 * of the qkv projection one head at a time, the ReLU MLP, the final norm and
 * the dense layer; rollout as tensor products.
 */
export async function replayVit(page: Page, scenes: TestScene[]): Promise<VitReplay[]> {
  await installReplay(page);
  return page.evaluate(async (scenes) => {
    const replay = await window.glassboxReplay!('objects-vit');
    const { tf } = replay;
    type T = import('@tensorflow/tfjs-core').Tensor;
    type T2 = import('@tensorflow/tfjs-core').Tensor2D;
    const w = (layer: string, what: string) => replay.weight(layer, what);
    const norm = (z: T, layer: string) => {
      const { mean, variance } = tf.moments(z, 1, true);
      return z.sub(mean).div(variance.add(1e-6).sqrt()).mul(w(layer, 'gamma')).add(w(layer, 'beta'));
    };
    const [D, H, L, P] = [64, 4, 4, 64];
    const dh = D / H;
    const out = [];
    for (const scene of scenes) {
      const kept = tf.tidy(() => {
        const x = tf.tensor4d(scene.image, [1, 64, 64, 3]).mul(2).sub(1);
        const patches = (tf.conv2d(x as never, w('patch_embed', 'kernel') as never, 8, 'valid') as T).add(w('patch_embed', 'bias')).reshape([P, D]);
        let z: T = tf.concat([w('tokens', 'token').reshape([1, D]), patches], 0).add(w('tokens', 'positions').reshape([P + 1, D]));
        const attention: T2[][] = [];
        for (let b = 0; b < L; b++) {
          const qkv = tf.matMul(norm(z, `block${b}_norm1`) as T2, w(`block${b}_attention`, 'qkv_kernel') as T2).add(w(`block${b}_attention`, 'qkv_bias'));
          const heads: T[] = [];
          attention.push([]);
          for (let h = 0; h < H; h++) {
            const part = (role: number) => qkv.slice([0, role * D + h * dh], [P + 1, dh]) as T2;
            const a = tf.softmax(tf.matMul(part(0), part(1), false, true).div(Math.sqrt(dh))) as T2;
            attention[b]!.push(a);
            heads.push(tf.matMul(a, part(2)));
          }
          z = z.add(tf.matMul(tf.concat(heads, 1) as T2, w(`block${b}_attention`, 'out_kernel') as T2).add(w(`block${b}_attention`, 'out_bias')));
          const hidden = tf.relu(tf.matMul(norm(z, `block${b}_norm2`) as T2, w(`block${b}_mlp`, 'kernel1') as T2).add(w(`block${b}_mlp`, 'bias1')));
          z = z.add(tf.matMul(hidden as T2, w(`block${b}_mlp`, 'kernel2') as T2).add(w(`block${b}_mlp`, 'bias2')));
        }
        const cls = norm(z, 'final_norm').slice([0, 0], [1, D]) as T2;
        const probabilities = tf.softmax(tf.matMul(cls, w('logits', 'kernel') as T2).add(w('logits', 'bias')));
        const eye = tf.eye(P + 1);
        let rollout: T = eye;
        for (const layer of attention) {
          const fused = tf.addN(layer).div(H);
          const residual = fused.add(eye).div(2);
          rollout = tf.matMul(residual.div(residual.sum(1, true)) as T2, rollout as T2);
        }
        const row = rollout.slice([0, 1], [1, P]);
        const up = tf.image.resizeBilinear(row.reshape([1, 8, 8, 1]) as import('@tensorflow/tfjs-core').Tensor4D, [64, 64], false, true).reshape([64 * 64]);
        const scaled = up.sub(up.min()).div(up.max().sub(up.min()));
        const clsRows = tf.stack(attention.flat().map((a) => a.slice([0, 1], [1, P]).reshape([P])));
        return [clsRows, row, scaled, probabilities].map((t) => tf.keep(t));
      });
      const [cls, rollout, scaled, probabilities] = await Promise.all(kept.map((t) => t.data()));
      tf.dispose(kept);
      let best = 0;
      for (let i = 1; i < scaled!.length; i++) if (scaled![i]! > scaled![best]!) best = i;
      out.push({
        cls: Array.from(cls!),
        rollout: Array.from(rollout!),
        peak: [Math.floor(best / 64), best % 64] as [number, number],
        probabilities: Array.from(probabilities!),
      });
    }
    replay.dispose();
    return out;
  }, scenes);
}

/** A pointing-game hit: the peak within `tolerance` pixels (Euclidean) of the 64 x 64 mask. */
export function hits([row, col]: [number, number], mask: number[], tolerance: number): boolean {
  return mask.some((m, i) => m > 0 && Math.hypot(Math.floor(i / 64) - row, (i % 64) - col) <= tolerance);
}
