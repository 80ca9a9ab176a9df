/** Writes and reads models and training checkpoints as plain files. */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { emptyRecord, type CheckpointStore, type TrainingRecord } from '../../src/engine/train/checkpoint.ts';

/** File name of the weights next to model.json. */
export const WEIGHTS_FILE = 'weights.bin';

/** Saves `model` in tfjs layers format (model.json + one weights file); returns the weight bytes. */
export async function saveLayersModel(model: tfl.LayersModel, dir: string): Promise<number> {
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  await model.save(tf.io.withSaveHandler(async (artifacts) => {
    const data = artifacts.weightData as ArrayBuffer;
    bytes = data.byteLength;
    const json = {
      format: 'layers-model',
      generatedBy: `TensorFlow.js tfjs-layers v${tf.version_core}`,
      convertedBy: null,
      modelTopology: artifacts.modelTopology,
      weightsManifest: [{ paths: [WEIGHTS_FILE], weights: artifacts.weightSpecs }],
    };
    writeFileSync(`${dir}/model.json`, JSON.stringify(json) + '\n');
    writeFileSync(`${dir}/${WEIGHTS_FILE}`, new Uint8Array(data));
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
  }));
  return bytes;
}

/** Reads a model written by saveLayersModel. */
export async function loadLayersModel(dir: string): Promise<tfl.LayersModel> {
  const json = JSON.parse(readFileSync(`${dir}/model.json`, 'utf8')) as {
    modelTopology: object; weightsManifest: { weights: tf.io.WeightsManifestEntry[] }[];
  };
  const data = readFileSync(`${dir}/${WEIGHTS_FILE}`);
  return tfl.loadLayersModel(tf.io.fromMemory({
    modelTopology: json.modelTopology,
    weightSpecs: json.weightsManifest.flatMap((group) => group.weights),
    weightData: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength),
  }));
}

async function writeTensors(path: string, tensors: tf.Tensor[]): Promise<void> {
  const parts = await Promise.all(tensors.map((t) => t.data() as Promise<Float32Array>));
  const total = parts.reduce((n, p) => n + p.length, 0);
  const flat = new Float32Array(total);
  let o = 0;
  for (const p of parts) { flat.set(p, o); o += p.length; }
  writeFileSync(path, new Uint8Array(flat.buffer));
}

function readTensors(path: string, shapes: number[][]): tf.Tensor[] {
  const buf = readFileSync(path);
  const flat = new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
  let o = 0;
  return shapes.map((s) => {
    const n = s.reduce((a, b) => a * b, 1);
    const t = tf.tensor(flat.subarray(o, o + n), s);
    o += n;
    return t;
  });
}

/**
 * A training checkpoint in a folder: model.bin (the weights, float32, in the
 * model's order), optimizer.bin + optimizer.json (Adam's step count and
 * moments, with their names and shapes) and state.json (the record).
 */
export class DiskCheckpointStore implements CheckpointStore {
  constructor(readonly dir: string) {}

  async save(model: tfl.LayersModel, record: TrainingRecord): Promise<void> {
    mkdirSync(this.dir, { recursive: true });
    await writeTensors(`${this.dir}/model.bin`, model.getWeights());
    const opt = await model.optimizer.getWeights();
    await writeTensors(`${this.dir}/optimizer.bin`, opt.map((w) => w.tensor));
    writeFileSync(`${this.dir}/optimizer.json`, JSON.stringify(opt.map((w) => ({ name: w.name, shape: w.tensor.shape }))));
    // getWeights hands out Adam's live moment variables plus a fresh step-count scalar: free only the scalar.
    tf.dispose(opt.filter((w) => !(w.tensor instanceof tf.Variable)).map((w) => w.tensor));
    writeFileSync(`${this.dir}/state.json`, JSON.stringify(record, null, 1));
  }

  async load(model: tfl.LayersModel): Promise<TrainingRecord | null> {
    if (!existsSync(`${this.dir}/state.json`)) return null;
    const weights = readTensors(`${this.dir}/model.bin`, model.getWeights().map((w) => w.shape));
    model.setWeights(weights);
    tf.dispose(weights);
    const meta = JSON.parse(readFileSync(`${this.dir}/optimizer.json`, 'utf8')) as { name: string; shape: number[] }[];
    const slots = readTensors(`${this.dir}/optimizer.bin`, meta.map((m) => m.shape));
    await model.optimizer.setWeights(meta.map((m, i) => ({ name: m.name, tensor: slots[i]! })));
    tf.dispose(slots);
    // Checkpoints written before per-step figures were kept have none.
    return { ...emptyRecord(), ...(JSON.parse(readFileSync(`${this.dir}/state.json`, 'utf8')) as Partial<TrainingRecord>) };
  }

  async clear(): Promise<void> {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
