/**
 * Trains one of the course's models and writes it to public/models/<name>/
 * (model.json, weights.bin, card.json). The specs and the training session are
 * the engine's (src/engine/train/); this script supplies the data, the disk
 * checkpoints and the card.
 *
 *   npm run train -- <model> [--fresh | --evaluate]
 *   npm run train -- <policy> [--seed N]     (a training-experiment run: scripts/train/lab.ts)
 *
 * Checkpoints go to node_modules/.cache/glassbox-train/<model>/ after every
 * epoch; a rerun resumes from there unless --fresh is given. --evaluate trains
 * nothing: it re-measures the committed model and rewrites its card's metrics.
 */
import './train/chained-ops.ts';
import { LAB_POLICY_MENU, type LabPolicyName } from '../src/engine/shared/lab-policies.ts';
import { useWasmBackend } from './train/backend.ts';
import { SPECS } from '../src/engine/train/specs.ts';
import { VIT_SPECS } from '../src/engine/train/vit-spec.ts';
import { isSegmenterSpec, SEGMENTER_SPECS } from '../src/engine/train/segmenter-spec.ts';
import { GAN_SPECS } from '../src/engine/train/gan-spec.ts';
import { TrainingSession } from '../src/engine/train/training-session.ts';
import { DiskCheckpointStore, loadLayersModel, saveLayersModel } from './train/io.ts';
import { drive } from './train/drive.ts';
import { updateCardMetrics, writeCard } from './train/card.ts';

const [name, ...flags] = process.argv.slice(2);
if (name !== undefined && Object.hasOwn(LAB_POLICY_MENU, name)) {
  const at = flags.indexOf('--seed');
  const seed = at < 0 ? 1 : Number(flags[at + 1]);
  await useWasmBackend();
  await (await import('./train/lab.ts')).trainLab(name as LabPolicyName, seed);
  process.exit(0);
}
if (name !== undefined && Object.hasOwn(GAN_SPECS, name)) {
  await useWasmBackend();
  await (await import('./train/gan.ts')).trainGan(GAN_SPECS[name]!, flags);
  process.exit(0);
}
const spec = name === undefined ? undefined : SPECS[name] ?? VIT_SPECS[name] ?? SEGMENTER_SPECS[name];
if (!spec) {
  console.error(`train: expected a model (${[...Object.keys(SPECS), ...Object.keys(VIT_SPECS), ...Object.keys(SEGMENTER_SPECS), ...Object.keys(GAN_SPECS)].join(', ')}) or a lab policy (${Object.keys(LAB_POLICY_MENU).join(', ')}), got ${name ?? 'nothing'}`);
  process.exit(1);
}
const store = new DiskCheckpointStore(`node_modules/.cache/glassbox-train/${spec.name}`);
if (flags.includes('--fresh')) await store.clear();

await useWasmBackend();
// Imported on demand: the objects task needs the rendered atlas, fashion does not.
const task = isSegmenterSpec(spec)
  ? (await import('./train/segmenter-task.ts')).segmenterTask(spec)
  : spec.dataset === 'fashion-mnist'
    ? (await import('./train/fashion-task.ts')).fashionTask(spec)
    : await (await import('./train/objects-task.ts')).objectsTask(spec);
const outDir = `public/models/${spec.name}`;
if (flags.includes('--evaluate')) {
  const metrics = await task.metrics(await loadLayersModel(outDir));
  updateCardMetrics(outDir, metrics);
  console.log(`${spec.name}: re-measured ${outDir}/card.json ${JSON.stringify(metrics)}`);
  process.exit(0);
}
const session = await TrainingSession.open(spec, task.source, { store, evaluate: task.validate });
const { model } = session;
console.log(`${spec.name}: ${model.countParams()} parameters, ${spec.epochs} epochs x ${task.source.stepsPerEpoch} steps`);
const resumed = (await session.read()).epoch;
if (resumed > 0) console.log(`${spec.name}: resumed after epoch ${resumed} from ${store.dir}`);
const record = await drive(session, spec.name);
const bytes = await saveLayersModel(model, outDir);
console.log(`${spec.name}: evaluating`);
const metrics = await task.metrics(model);
writeCard(outDir, spec, model, task.classes, task.card, metrics, record, bytes);
session.dispose();
console.log(`${spec.name}: wrote ${outDir} (${bytes} weight bytes, ${Math.round(record.seconds)} s training) ${JSON.stringify(metrics)}`);
