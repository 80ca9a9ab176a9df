/**
 * A lab run as plain data: its settings and one curve point per epoch. The
 * reference runs write it to public/experiments/, the browser lab keeps it
 * in IndexedDB beside the run's checkpoint; the two are the same shape so
 * the page can draw them on one plot.
 */
import type { TrainingRecord } from '../checkpoint.ts';
import type { LabFigures } from './evaluate.ts';
import type { LabSettings } from '../../shared/lab-policies.ts';

/** One finished epoch: training seconds, the mean train loss and accuracy over its steps, and the figures after it. */
export type LabPoint = { epoch: number; seconds: number; trainLoss: number; trainAccuracy: number } & LabFigures;

export interface LabRun extends LabSettings {
  curves: LabPoint[];
}

const round = (v: number, digits: number): number => Math.round(v * 10 ** digits) / 10 ** digits;

/** Fractions to 4 decimals, losses to 5: what the JSON and the page print. */
export function roundFigures(figures: LabFigures): LabFigures {
  return { heldOut: round(figures.heldOut, 4), unseen: round(figures.unseen, 4), pointing: round(figures.pointing, 4), pointingTolerant: round(figures.pointingTolerant, 4) };
}

/** The curves of a training record whose history holds LabFigures: each epoch's figures and the mean of its steps' loss and accuracy. */
export function labCurves(record: TrainingRecord, stepsPerEpoch: number): LabPoint[] {
  const mean = (values: number[], epoch: number) => values.slice((epoch - 1) * stepsPerEpoch, epoch * stepsPerEpoch).reduce((a, b) => a + b, 0) / stepsPerEpoch;
  return record.history.map(({ epoch, seconds, heldOut, unseen, pointing, pointingTolerant }) => ({
    epoch, seconds,
    trainLoss: round(mean(record.stepLoss, epoch), 5),
    trainAccuracy: round(mean(record.stepAccuracy, epoch), 4),
    heldOut: heldOut!, unseen: unseen!, pointing: pointing!, pointingTolerant: pointingTolerant!,
  }));
}
