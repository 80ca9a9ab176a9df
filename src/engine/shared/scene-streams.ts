/**
 * The held-out Glassbox Objects streams a scene picker offers, by the dataset
 * names image references use (SCENE_DATASETS): one object in the training
 * styles, scenes of 2 or 3, or 1 to 3 objects in the unseen emoji style.
 */

/** A stream by what its images hold: how many objects, and whether they are in the unseen style. */
export interface SceneStream {
  count: number;
  unseen: boolean;
}

/** The dataset name of a stream, e.g. "objects-scenes-2". */
export function sceneDataset({ count, unseen }: SceneStream): string {
  if (unseen) return `objects-unseen-${count}`;
  return count === 1 ? 'objects-held-out-1' : `objects-scenes-${count}`;
}

/** The stream a dataset name stands for, if it names one. */
export function sceneStream(dataset: string): SceneStream | undefined {
  const match = /^objects-(held-out|scenes|unseen)-(\d)$/.exec(dataset);
  return match ? { count: Number(match[2]), unseen: match[1] === 'unseen' } : undefined;
}
