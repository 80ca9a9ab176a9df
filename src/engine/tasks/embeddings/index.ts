// The embeddings lesson's computations: the held-out set in feature and pixel space, neighbours, PCA and t-SNE layouts.
export { createFeatureSet, FeatureSet, EMBEDDING_LAYER, EMBEDDING_MODEL } from './feature-set.ts';
export { spaceNeighbours, neighbourAgreement, type NeighbourList, type Agreement } from './neighbours.ts';
export type { SpaceName } from './feature-set.ts';
export { pcaLayout, startTsne, continueTsne, KNN_K, type Layout, type PcaLayout, type TsneRun } from './layouts.ts';
export type { Metric } from '../../embed/nearest-neighbours.ts';
export type { Tsne, TsneOptions, TsneProgress } from '../../embed/tsne.ts';
