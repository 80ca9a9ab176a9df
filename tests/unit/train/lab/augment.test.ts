import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { loadAtlas } from '../../../../scripts/data/load-atlas.ts';
import { areaLabel } from '~/engine/train/lab/augment.ts';
import { LAB_POLICY_NAMES, labPolicy } from '~/engine/train/lab/policies.ts';
import { labSource } from '~/engine/train/lab/source.ts';
import { labSpec } from '~/engine/train/lab/spec.ts';

const atlas = loadAtlas();
const spec = { ...labSpec(7), samplesPerEpoch: 64, batchSize: 16 };
const S = 64;
const P = S * S * 3;

async function batchOf(policy: string) {
  const source = labSource(atlas, spec, labPolicy(policy));
  const { x, y } = source.tensors(0, 0);
  const [pixels, labels] = [(await x.data()) as Float32Array, (await y.data()) as Float32Array];
  tf.dispose([x, y]);
  const plain = source.batch(0, 0);
  return { pixels, labels, plain };
}

const row = (labels: Float32Array, i: number) => Array.from(labels.subarray(i * 10, (i + 1) * 10));

describe('an augmented lab batch', () => {
  it.each(LAB_POLICY_NAMES)('%s: label weights are non-negative and sum to 1', async (policy) => {
    const { labels } = await batchOf(policy);
    for (let i = 0; i < 16; i++) {
      const r = row(labels, i);
      expect(Math.min(...r)).toBeGreaterThanOrEqual(0);
      expect(r.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    }
  });

  it.each(['none', 'flips-crops', 'rand-augment', 'cutout', 'hide-and-seek'])('%s keeps each image one-hot on its own class', async (policy) => {
    const { labels, plain } = await batchOf(policy);
    for (let i = 0; i < 16; i++) expect(row(labels, i)).toEqual(Array.from({ length: 10 }, (_, c) => (c === plain.y[i] ? 1 : 0)));
  });

  it('none leaves the pixels as stored (8-bit)', async () => {
    const { pixels, plain } = await batchOf('none');
    expect(Array.from(pixels)).toEqual(Array.from(plain.x));
    expect(Array.from(plain.x.subarray(0, 50), (v) => Math.abs(v * 255 - Math.round(v * 255)) < 1e-4)).not.toContain(false);
  });

  it('mixup: the weight on an image\'s own class is the lambda its pixels were mixed with', async () => {
    const { pixels, labels, plain } = await batchOf('mixup');
    for (let i = 0; i < 16; i++) {
      const m = pixels.subarray(i * P, (i + 1) * P);
      const a = plain.x.subarray(i * P, (i + 1) * P);
      // The partner is the unmixed image that, with a, reconstructs m: find it and lambda by least squares.
      let best = { err: Infinity, lambda: 0, j: -1 };
      for (let j = 0; j < 16; j++) {
        const b = plain.x.subarray(j * P, (j + 1) * P);
        let num = 0;
        let den = 0;
        for (let p = 0; p < P; p++) { num += (m[p]! - b[p]!) * (a[p]! - b[p]!); den += (a[p]! - b[p]!) ** 2; }
        const lambda = den > 0 ? num / den : 1;
        let err = 0;
        for (let p = 0; p < P; p++) err += (m[p]! - (lambda * a[p]! + (1 - lambda) * b[p]!)) ** 2;
        if (err < best.err) best = { err, lambda, j };
      }
      expect(best.err).toBeLessThan(1e-6);
      const r = row(labels, i);
      const own = plain.y[i]!;
      const other = plain.y[best.j]!;
      if (own === other) expect(r[own]).toBeCloseTo(1, 5);
      else {
        expect(r[own]).toBeCloseTo(best.lambda, 4);
        expect(r[other]).toBeCloseTo(1 - best.lambda, 4);
      }
    }
  });

  it('cutmix: the weight on an image\'s own class is the fraction of its pixels that stayed', async () => {
    const { pixels, labels, plain } = await batchOf('cutmix');
    for (let i = 0; i < 16; i++) {
      const own = plain.y[i]!;
      let kept = 0;
      for (let q = 0; q < S * S; q++) {
        const same = [0, 1, 2].every((c) => pixels[i * P + 3 * q + c] === plain.x[i * P + 3 * q + c]);
        if (same) kept++;
      }
      // A pasted pixel can equal the one it replaces (flat backgrounds), so the count is an upper bound, rarely above by much.
      const r = row(labels, i);
      const weight = r[own]!;
      const others = r.filter((v, c) => c !== own && v > 0).length;
      if (others === 0) continue;
      expect(kept / (S * S)).toBeGreaterThanOrEqual(weight - 1e-6);
      expect(kept / (S * S) - weight).toBeLessThan(0.05);
    }
  });

  it('areaLabel weighs each class by its visible pixels', () => {
    const mask = (on: number[]) => Uint8Array.from({ length: 16 }, (_, p) => (on.includes(p) ? 1 : 0));
    const sample = { size: 4, image: new Float32Array(48), boxes: [], masks: [mask([0, 1, 2]), mask([5]), mask([8, 9, 10, 11])], classes: [2, 7, 2] };
    const label = areaLabel(sample, 10);
    expect(label[2]).toBeCloseTo(7 / 8, 6);
    expect(label[7]).toBeCloseTo(1 / 8, 6);
  });

  it('copy-paste labels each image by the visible pixels of its own object and of the pasted one', async () => {
    const source = labSource(atlas, spec, labPolicy('copy-paste'));
    const samples = source.samples(0, 0);
    const { pixels, labels, plain } = await batchOf('copy-paste');
    let pasted = 0;
    for (let i = 0; i < 16; i++) {
      const r = row(labels, i);
      const own = plain.y[i]!;
      const changed: number[] = [];
      for (let q = 0; q < S * S; q++) if ([0, 1, 2].some((c) => pixels[i * P + 3 * q + c] !== plain.x[i * P + 3 * q + c])) changed.push(q);
      if (changed.length === 0) {
        expect(r[own]).toBe(1);
        continue;
      }
      // The partner: the scene whose pixels the changed ones are.
      const j = [...Array(16).keys()].find((k) => changed.every((q) => [0, 1, 2].every((c) => pixels[i * P + 3 * q + c] === plain.x[k * P + 3 * q + c])))!;
      expect(j).toBeDefined();
      if (plain.y[j] === own) continue;
      pasted++;
      const hidden = new Set(changed);
      const visible = Array.from(samples[i]!.masks[0]!).filter((v, q) => v && !hidden.has(q)).length;
      // Pasted pixels equal to what they cover are not counted as changed: a small undercount.
      expect(r[plain.y[j]!]!).toBeCloseTo(changed.length / (visible + changed.length), 1);
      expect(r[own]! + r[plain.y[j]!]!).toBeCloseTo(1, 5);
    }
    expect(pasted).toBeGreaterThan(2);
  });
});
