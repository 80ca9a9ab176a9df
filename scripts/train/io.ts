/** Writes and reads models and training checkpoints as plain files. */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';

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

/** Training state saved after every epoch. */
export interface Checkpoint {
  /** Epochs completed. */
  epoch: number;
  /** Wall-clock seconds spent training so far. */
  seconds: number;
  /** Per-epoch log lines. */
  history: Record<string, number>[];
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

/** Saves model weights, optimizer slots and loop state under `dir`. */
export async function saveCheckpoint(dir: string, model: tfl.LayersModel, state: Checkpoint): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await writeTensors(`${dir}/model.bin`, model.getWeights());
  const opt = await model.optimizer.getWeights();
  await writeTensors(`${dir}/optimizer.bin`, opt.map((w) => w.tensor));
  writeFileSync(`${dir}/optimizer.json`, JSON.stringify(opt.map((w) => ({ name: w.name, shape: w.tensor.shape }))));
  writeFileSync(`${dir}/state.json`, JSON.stringify(state, null, 1));
}

/** Restores a checkpoint into a compiled `model`; returns null when there is none. */
export async function loadCheckpoint(dir: string, model: tfl.LayersModel): Promise<Checkpoint | null> {
  if (!existsSync(`${dir}/state.json`)) return null;
  const weights = readTensors(`${dir}/model.bin`, model.getWeights().map((w) => w.shape));
  model.setWeights(weights);
  tf.dispose(weights);
  const meta = JSON.parse(readFileSync(`${dir}/optimizer.json`, 'utf8')) as { name: string; shape: number[] }[];
  const slots = readTensors(`${dir}/optimizer.bin`, meta.map((m) => m.shape));
  await model.optimizer.setWeights(meta.map((m, i) => ({ name: m.name, tensor: slots[i] })));
  return JSON.parse(readFileSync(`${dir}/state.json`, 'utf8')) as Checkpoint;
}
