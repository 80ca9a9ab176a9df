/**
 * One reference run of the training experiment (src/engine/train/lab/):
 * the lab spec under one policy at its reference strength with seed N,
 * figures after every epoch, written to public/experiments/<policy>/seed-<N>.json;
 * the weights go to node_modules/.cache/glassbox-lab/<policy>-seed<N>/.
 *
 *   npm run train -- <policy> --seed N
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadAtlas } from '../data/load-atlas.ts';
import { labFigures, labSplits } from '../../src/engine/train/lab/evaluate.ts';
import { defaultStrength, labPolicy, type LabPolicyName } from '../../src/engine/train/lab/policies.ts';
import { labCurves, roundFigures, type LabRun } from '../../src/engine/train/lab/run.ts';
import { labSource } from '../../src/engine/train/lab/source.ts';
import { labSpec, LAB_DATA_SEED } from '../../src/engine/train/lab/spec.ts';
import { TrainingSession } from '../../src/engine/train/training-session.ts';
import { drive } from './drive.ts';
import { saveLayersModel } from './io.ts';

export async function trainLab(policy: LabPolicyName, seed: number): Promise<void> {
  const spec = labSpec(seed);
  const atlas = loadAtlas();
  const splits = labSplits(atlas);
  const source = labSource(atlas, spec, labPolicy(policy));
  const evaluate = async (model: Parameters<typeof labFigures>[0]) => ({ ...roundFigures(await labFigures(model, spec, splits)) });
  const session = await TrainingSession.open(spec, source, { evaluate });
  const started = performance.now();
  const record = await drive(session, `${policy}/seed-${seed}`);
  const strength = defaultStrength(policy);
  const run: LabRun & Record<string, unknown> = {
    policy, strength: Number.isNaN(strength) ? null : strength, seed, epochs: spec.epochs,
    spec: spec.name, trainingSet: `scenes 0..${spec.samplesPerEpoch - 1} of stream ${LAB_DATA_SEED}`,
    backend: 'tfjs 4.22 wasm backend in Node 22, one thread',
    command: `npm run train -- ${policy} --seed ${seed}`,
    trainingSeconds: Math.round(record.seconds),
    wallSeconds: Math.round((performance.now() - started) / 1000),
    curves: labCurves(record, source.stepsPerEpoch),
  };
  const dir = `public/experiments/${policy}`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/seed-${seed}.json`, `${JSON.stringify(run, null, 1)}\n`);
  await saveLayersModel(session.model, `node_modules/.cache/glassbox-lab/${policy}-seed${seed}`);
  session.dispose();
  const last = run.curves.at(-1)!;
  console.log(`${policy}/seed-${seed}: wrote ${dir}/seed-${seed}.json in ${run.wallSeconds} s ${JSON.stringify(last)}`);
}
