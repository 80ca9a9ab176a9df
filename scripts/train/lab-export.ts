/**
 * Ships reference runs of the training experiment as models the explanation
 * widgets can explain: the run's weights (node_modules/.cache/glassbox-lab/
 * <policy>-seed<N>/, trained again with scripts/train/lab.ts when absent) go to
 * public/models/objects-lab-<policy>/ (the baseline, policy none: public/models/objects-lab/) with a card whose figures are measured
 * again here and must equal the reference JSON's last epoch.
 *
 *   npm run lab-export                        the shipped pair: flips-crops and none, seed 2
 *   npm run lab-export -- <policy> --seed N   any other run
 *
 * The pair: flips + crops is the policy with the clear pointing-game gain,
 * at its seed with the highest exact pointing game of the three (seed 2),
 * and the baseline at the same seed, so the two differ by the policy alone.
 */
import { existsSync, readFileSync } from 'node:fs';
import { loadAtlas } from '../data/load-atlas.ts';
import { OBJECT_CLASSES } from '../../src/engine/shared/classes.ts';
import { POINTING_TOLERANCE } from '../../src/engine/shared/pointing-tolerance.ts';
import { OBJECTS_SPLITS } from '../../src/engine/shared/splits.ts';
import { UNSEEN_STYLE } from '../../src/engine/data/atlas.ts';
import { emptyRecord } from '../../src/engine/train/checkpoint.ts';
import { LAB_EVAL_COUNT, labFigures, labSplits, type LabFigures } from '../../src/engine/train/lab/evaluate.ts';
import { LAB_POLICY_MENU, labStrength, type LabPolicyName } from '../../src/engine/shared/lab-policies.ts';
import { roundFigures, type LabRun } from '../../src/engine/train/lab/run.ts';
import { LAB_SPEC, labSpec } from '../../src/engine/train/lab/spec.ts';
import { useWasmBackend } from './backend.ts';
import { writeCard } from './card.ts';
import { loadLayersModel, saveLayersModel } from './io.ts';
import { trainLab } from './lab.ts';
import { objectsData } from './objects-task.ts';

const SHIPPED: [LabPolicyName, number][] = [['flips-crops', 2], ['none', 2]];
const FIGURES: (keyof LabFigures)[] = ['heldOut', 'unseen', 'pointing', 'pointingTolerant'];

/** The shipped name: the lab spec's own for the baseline, with the policy appended otherwise. */
const modelName = (policy: LabPolicyName): string => (policy === 'none' ? LAB_SPEC.name : `${LAB_SPEC.name}-${policy}`);

/** Writes public/models/<modelName>/ from the reference run of `policy` with `seed`. */
async function exportRun(policy: LabPolicyName, seed: number, splits: ReturnType<typeof labSplits>): Promise<void> {
  const cache = `node_modules/.cache/glassbox-lab/${policy}-seed${seed}`;
  if (!existsSync(`${cache}/model.json`)) await trainLab(policy, seed);
  const reference = `public/experiments/${policy}/seed-${seed}.json`;
  const run = JSON.parse(readFileSync(reference, 'utf8')) as LabRun & { trainingSet: string; trainingSeconds: number };
  const spec = { ...labSpec(seed), name: modelName(policy) };
  const model = await loadLayersModel(cache);
  const figures = roundFigures(await labFigures(model, spec, splits));
  const last = run.curves.at(-1)!;
  const differ = FIGURES.filter((key) => figures[key] !== last[key]);
  if (differ.length) throw new Error(`lab-export: ${cache} measures ${JSON.stringify(figures)}, ${reference} says ${JSON.stringify(last)} (${differ.join(', ')}); retrain with npm run train -- ${policy} --seed ${seed}`);
  const dir = `public/models/${spec.name}`;
  const bytes = await saveLayersModel(model, dir);
  const knob = labStrength(policy);
  const strength = knob ? `, ${knob.label} ${run.strength}` : '';
  const { heldOut, unseenStyle, scenes } = OBJECTS_SPLITS;
  const metrics = {
    heldOutAccuracy: figures.heldOut,
    heldOut: { seed: heldOut.seed, count: LAB_EVAL_COUNT },
    // The experiment's held-out split is the card's check split (its first 500), so the model test re-measures it like the others.
    checkAccuracy: figures.heldOut,
    check: OBJECTS_SPLITS.check,
    unseenStyleAccuracy: figures.unseen,
    unseenStyle: { seed: unseenStyle.seed, count: LAB_EVAL_COUNT, style: UNSEEN_STYLE },
    pointingGame: figures.pointing,
    pointingGameTolerant: figures.pointingTolerant,
    pointingTolerancePx: POINTING_TOLERANCE,
    scenes: { ...scenes, objectsPerScene: '2-3' },
  };
  const data = {
    ...objectsData(),
    training: `${run.trainingSet} (${spec.samplesPerEpoch} single-object scenes, the same for every run), ${spec.epochs} passes; augmentation: ${LAB_POLICY_MENU[policy].label}${strength}`,
    evaluation: `the experiment's protocol (src/engine/train/lab/evaluate.ts): held-out: the first ${LAB_EVAL_COUNT} of seed ${heldOut.seed}; ` +
      `unseen style (${UNSEEN_STYLE}): the first ${LAB_EVAL_COUNT} of seed ${unseenStyle.seed}; pointing game: seed ${scenes.seed}, ${scenes.count} scenes of 2-3 objects`,
  };
  const record = { ...emptyRecord(), epoch: spec.epochs, seconds: run.trainingSeconds, history: run.curves.map((point) => ({ ...point })) };
  writeCard(dir, spec, model, OBJECT_CLASSES, data, metrics, record, bytes, {
    command: `npm run lab-export -- ${policy} --seed ${seed}`,
    extra: { experiment: { policy, strength: run.strength, reference } },
  });
  model.dispose();
  console.log(`${spec.name}: wrote ${dir} (${bytes} weight bytes) from ${cache}, figures ${JSON.stringify(figures)} = ${reference}'s epoch ${last.epoch}`);
}

const [name, ...flags] = process.argv.slice(2);
if (name !== undefined && !Object.hasOwn(LAB_POLICY_MENU, name)) {
  console.error(`lab-export: expected a lab policy (${Object.keys(LAB_POLICY_MENU).join(', ')}), got ${name}`);
  process.exit(1);
}
const at = flags.indexOf('--seed');
const runs: [LabPolicyName, number][] = name === undefined ? SHIPPED : [[name as LabPolicyName, at < 0 ? 1 : Number(flags[at + 1])]];
await useWasmBackend();
const splits = labSplits(loadAtlas());
for (const [policy, seed] of runs) await exportRun(policy, seed, splits);
