/** What a training run records, and where it is kept between epochs so an interrupted run resumes. */
import type * as tfl from '@tensorflow/tfjs-layers';

/** One finished epoch: its number (from 1), its training seconds (rounded) and the evaluation hook's figures. */
export type EpochRecord = { epoch: number; seconds: number } & Record<string, number>;

/** A run so far, as plain data: checkpointed after every epoch, returned by TrainingSession.read(). */
export interface TrainingRecord {
  /** Epochs completed. */
  epoch: number;
  /** Training seconds so far (batches and steps; evaluation and checkpoints not counted). */
  seconds: number;
  /** One entry per finished epoch (a model card's `history`). */
  history: EpochRecord[];
  /** Loss and accuracy of every step, in order (empty for steps of a checkpoint written before they were kept). */
  stepLoss: number[];
  stepAccuracy: number[];
}

/**
 * Keeps one checkpoint: a compiled model's weights, its optimizer's state
 * (Adam's moments and step count) and the record. Node keeps it on disk
 * (scripts/train/io.ts), the browser in IndexedDB (indexeddb-store.ts).
 */
export interface CheckpointStore {
  /** Replaces the checkpoint with `model`'s weights, optimizer state and `record`. */
  save(model: tfl.LayersModel, record: TrainingRecord): Promise<void>;
  /** Restores the checkpoint into a compiled `model` of the same spec; null when there is none. */
  load(model: tfl.LayersModel): Promise<TrainingRecord | null>;
  /** Deletes the checkpoint, so the next run starts over. */
  clear(): Promise<void>;
}

/** A record before the first step. */
export const emptyRecord = (): TrainingRecord => ({ epoch: 0, seconds: 0, history: [], stepLoss: [], stepAccuracy: [] });
