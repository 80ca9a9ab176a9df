import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackendName } from '~/engine/runtime/backend.ts';
import { Engine } from '~/engine/runtime/engine.ts';

/** Only cpu exists in Node; every other backend fails to register, as a broken one would in a browser. */
const onlyCpu = async (name: BackendName) => {
  if (name !== 'cpu') throw new Error(`${name} is not available here`);
};

afterEach(async () => {
  await tf.setBackend('cpu');
});

describe('Engine', () => {
  it('falls back along the order and records why', async () => {
    const engine = await Engine.create({ requested: 'webgl', gpu: undefined, register: onlyCpu });
    expect(engine.backend).toBe('cpu');
    expect(engine.info.notices).toEqual([
      { code: 'no-webgpu' },
      { code: 'backend-not-started', backend: 'webgl', error: 'Error: webgl is not available here' },
      { code: 'backend-not-started', backend: 'wasm', error: 'Error: wasm is not available here' },
    ]);
  });

  it('falls back when WebGPU setup fails on a hardware adapter', async () => {
    const gpu = { requestAdapter: async () => ({ info: { vendor: 'nvidia' } }) };
    const engine = await Engine.create({ requested: null, gpu, register: onlyCpu });
    expect(engine.backend).toBe('cpu');
    expect(engine.info.notices[1]).toEqual({ code: 'backend-not-started', backend: 'webgpu', error: 'Error: webgpu is not available here' });
  });

  it('runs jobs and reports the tensors they leave', async () => {
    const engine = await Engine.create({ requested: 'cpu', gpu: undefined, register: onlyCpu });
    const before = engine.memory().numTensors;
    const sum = await engine.run('w', async (t) => {
      const x = t.tensor1d([1, 2, 3]);
      const total = (await x.sum().data())[0];
      x.dispose();
      return total;
    });
    expect(sum).toBe(6);
    // x.sum() above is not disposed on purpose: memory() must see it.
    expect(engine.memory().numTensors).toBe(before + 1);
    tf.disposeVariables();
  });

  it('throws a typed error when no backend can start', async () => {
    const none = async () => {
      throw new Error('nothing works');
    };
    await expect(Engine.create({ requested: null, gpu: undefined, register: none })).rejects.toMatchObject({ code: 'backend-unavailable' });
  });
});
