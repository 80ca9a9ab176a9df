import { channelStats, normalize, type ChannelStats } from '../../augment/normalize.ts';
import type { ObjectAtlas } from '../../data/atlas.ts';
import { sceneAt } from '../../data/objects.ts';
import { loadObjectAtlas } from '../../data/site-atlas.ts';
import { badArgument } from '../../shared/errors.ts';
import { trainSeed } from '../../shared/splits.ts';
import { SPECS } from '../../train/specs.ts';

export interface TrainingStats {
  /** Training scenes measured: the first `count` of objects-cnn's training stream. */
  count: number;
  /** Mean and standard deviation of each channel over every pixel of those scenes. */
  stats: ChannelStats;
  /** The same statistics after normalizing every scene with `stats`: 0 and 1 up to rounding. */
  after: ChannelStats;
  /** One pixel (the centre of the first scene) before and after, per channel. */
  pixel: { before: [number, number, number]; after: [number, number, number] };
}

/** Most scenes measured at once: 2,000 scenes are 24.6 million values, about a second of work in the engine. */
const MOST = 2000;

/**
 * The real per-channel statistics of objects-cnn's training data: its first
 * `count` training scenes regenerated from the training stream's seed, their
 * channelStats, and a check that normalizing with them centres and scales.
 */
export async function trainingStats(count: number, atlas?: ObjectAtlas): Promise<TrainingStats> {
  if (!Number.isInteger(count) || count < 1 || count > MOST) throw badArgument('trainingStats', 'count', `an integer in 1..${MOST}`, count);
  const source = atlas ?? (await loadObjectAtlas());
  const seed = trainSeed(SPECS['objects-cnn']!.seed);
  const images = Array.from({ length: count }, (_, i) => sceneAt(source, seed, i).image);
  const stats = channelStats(images);
  const normalized = images.map((image) => normalize(image, stats));
  const side = Math.round(Math.sqrt(images[0]!.length / 3));
  const centre = ((side / 2) * side + side / 2) * 3;
  const pick = (image: Float32Array) => [image[centre]!, image[centre + 1]!, image[centre + 2]!] as [number, number, number];
  return { count, stats, after: channelStats(normalized), pixel: { before: pick(images[0]!), after: pick(normalized[0]!) } };
}
