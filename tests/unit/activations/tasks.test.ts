import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { activationLayers, activationMaps, channelMask, firstLayerFilters } from '~/engine/tasks/activations/index.ts';
import { layerGeometry } from '~/engine/probe/layer-geometry.ts';
import { tinyGapCnn, tinyImage } from '../cam/tiny-gap.ts';

const model = tinyGapCnn();
const image = tinyImage();
afterAll(() => model.dispose());

/** conv_0 of the tiny model at (i, j, k), by the equation: ReLU(b + sum W x'), x' = 2x - 1, zero padding 1. */
async function byHand(i: number, j: number, k: number): Promise<number> {
  const [kernel, bias] = model.getLayer('conv_0').getWeights();
  const w = (await kernel!.data()) as Float32Array; // [3, 3, 3, 4]
  const b = (await bias!.data()) as Float32Array;
  let z = b[k]!;
  for (let u = 0; u < 3; u++) for (let v = 0; v < 3; v++) for (let c = 0; c < 3; c++) {
    const [r, s] = [i + u - 1, j + v - 1];
    if (r < 0 || s < 0 || r >= 8 || s >= 8) continue;
    z += w[((u * 3 + v) * 3 + c) * 4 + k]! * (2 * image[(r * 8 + s) * 3 + c]! - 1);
  }
  return Math.max(0, z);
}

describe('activationLayers and layerGeometry', () => {
  it('offers every feature-map layer but the rescaling, with class names from the model', async () => {
    const layers = await activationLayers(model);
    expect(layers.map((l) => `${l.name}:${l.className}`)).toEqual(['conv_0:Conv2D', 'pool_1:MaxPooling2D', 'last_conv:Conv2D', 'last_bn:BatchNormalization', 'last_relu:ReLU']);
  });

  it('reads kernel, stride and leading padding from the layers', () => {
    expect(layerGeometry(model, 'last_conv')).toEqual([
      { kernel: 1, stride: 1, padding: 0 },
      { kernel: 3, stride: 1, padding: 1, dilation: 1 },
      { kernel: 2, stride: 2, padding: 0, dilation: 1 },
      { kernel: 3, stride: 1, padding: 1, dilation: 1 },
    ]);
  });
});

describe('activationMaps', () => {
  it('gives A^k(i, j) = ReLU(b^k + sum W^k x\') at the first layer, with its receptive field', async () => {
    const maps = await activationMaps(image, 'conv_0', 'channel', model);
    expect([maps.channels, maps.height, maps.width, maps.signed]).toEqual([4, 8, 8, false]);
    for (const [i, j, k] of [[0, 0, 0], [3, 4, 1], [7, 2, 3], [5, 5, 2]] as const) {
      expect(maps.values[k * 64 + i * 8 + j]).toBeCloseTo(await byHand(i, j, k), 5);
    }
    expect(maps.field).toEqual({ size: 3, jump: 1, start: -1 });
    for (let k = 0; k < 4; k++) {
      const channel = maps.values.subarray(k * 64, (k + 1) * 64);
      expect(maps.maxima[k]).toBeCloseTo(Math.max(...channel), 6);
      expect(maps.bounds[k]).toBeCloseTo(Math.max(Math.max(...channel), 1e-12), 6);
    }
  });

  it('colours grey by channel or by the shared bound, and diverging for a signed layer', async () => {
    const shared = await activationMaps(image, 'conv_0', 'shared', model);
    const top = Math.max(...shared.maxima);
    expect(Array.from(shared.bounds).every((b) => Math.abs(b - top) < 1e-6)).toBe(true);
    const p = shared.values.indexOf(shared.values.find((v) => v > 0)!);
    expect(shared.rgba[p * 4]).toBe(Math.round((shared.values[p]! / top) * 255));
    const linear = await activationMaps(image, 'last_conv', 'channel', model);
    expect(linear.signed).toBe(true);
    expect(linear.field).toEqual({ size: 8, jump: 2, start: -3 });
  });

  it('refuses a layer it does not offer', async () => {
    await expect(activationMaps(image, 'gap', 'channel', model)).rejects.toThrow(/activationMaps\(layerName\).*"gap"/);
  });

  it('does not leak memory', async () => {
    await activationMaps(image, 'pool_1', 'shared', model);
    const before = tf.memory().numTensors;
    await activationMaps(image, 'last_bn', 'channel', model);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('channelMask', () => {
  const object = Uint8Array.from({ length: 64 }, (_, p) => (Math.floor(p / 8) < 4 && p % 8 < 4 ? 1 : 0));

  it('keeps fewer pixels as tau rises, and f = sum M O / sum M on the exact mask', async () => {
    let kept = Infinity;
    for (const tau of [0.1, 0.4, 0.7, 0.95]) {
      const result = await channelMask(image, object, 'conv_0', 1, tau, 'relative', model);
      expect(result.threshold).toBeCloseTo(tau * result.max, 5);
      const mask: number[] = Array.from(result.upsampled, (v) => (v > result.threshold ? 1 : 0));
      expect(Array.from(result.mask)).toEqual(mask);
      const on = mask.reduce((s, m, p) => s + m * object[p]!, 0);
      const sum = mask.reduce((s, m) => s + m, 0);
      expect([result.kept, result.onObject]).toEqual([sum, on]);
      expect(result.fraction).toBeCloseTo(sum ? on / sum : 0, 6);
      expect(result.objectShare).toBeCloseTo(16 / 64, 6);
      expect(result.kept).toBeLessThanOrEqual(kept);
      kept = result.kept;
    }
  });

  it('refuses a channel the layer does not have', async () => {
    await expect(channelMask(image, object, 'conv_0', 4, 0.5, 'relative', model)).rejects.toThrow(/channelMask\(channel\).*\[0, 4\)/);
  });

  it('does not leak memory', async () => {
    await channelMask(image, object, 'last_relu', 0, 0.5, 'relative', model);
    const before = tf.memory().numTensors;
    await channelMask(image, object, 'last_conv', 2, 0.1, 'absolute', model);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('firstLayerFilters', () => {
  it('returns the first Conv2D weights, biases and tiles by the stated normalisation', async () => {
    const bank = await firstLayerFilters(model, 'filter');
    expect([bank.layer, bank.count, bank.size]).toEqual(['conv_0', 4, [3, 3, 3]]);
    expect(bank.rescale).toEqual({ scale: 2, offset: -1 });
    const [kernel, bias] = model.getLayer('conv_0').getWeights();
    const w = (await kernel!.data()) as Float32Array;
    expect(Array.from(bank.bias)).toEqual(Array.from(await bias!.data()));
    for (let k = 0; k < 4; k++) {
      const own = Array.from({ length: 27 }, (_, q) => w[q * 4 + k]!);
      expect(Array.from(bank.weights[k]!)).toEqual(own);
      const m = Math.max(...own.map(Math.abs));
      expect(bank.bounds[k]).toBeCloseTo(m, 6);
      own.forEach((v, q) => expect(bank.tiles[k]![Math.floor(q / 3) * 4 + (q % 3)]).toBe(Math.round((0.5 + v / (2 * m)) * 255)));
    }
  });

  it('does not leak memory', async () => {
    await firstLayerFilters(model, 'layer');
    const before = tf.memory().numTensors;
    await firstLayerFilters(model, 'filter');
    expect(tf.memory().numTensors).toBe(before);
  });
});
