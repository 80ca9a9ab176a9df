/** What scripts/train.ts needs from a dataset. */
import type * as tfl from '@tensorflow/tfjs-layers';
import type { DataSource } from '../../src/engine/train/source.ts';
import type { CardData } from './card.ts';

export interface Task {
  source: DataSource;
  classes: readonly string[];
  card: CardData;
  /** Cheap per-epoch check, logged into the card's history. */
  validate(model: tfl.LayersModel): Promise<Record<string, number>>;
  /** Final held-out figures for the card (fractions in [0, 1]). */
  metrics(model: tfl.LayersModel): Promise<Record<string, unknown>>;
}

/** Rounds a fraction to 4 decimals (0.01 percentage points) for the card. */
export const round4 = (v: number): number => Math.round(v * 10000) / 10000;
