// The embeddings lesson's computations: neighbours and the PCA layout of a held-out set the engine keeps by id.
// The set itself, the agreement figure and t-SNE are sessions (registered in ../sessions.ts); only their types are exported here.
export { EMBEDDING_LAYER, EMBEDDING_MODEL, type SpaceName } from './feature-set.ts';
export { dropEmbeddingSet } from './set-store.ts';
export type { EmbeddingSetArgs, EmbeddingSetProgress, EmbeddingSetResult } from './embedding-set.ts';
export { spaceNeighbours, type NeighbourList } from './neighbours.ts';
export type { Agreement, AgreementArgs, AgreementProgress } from './agreement.ts';
export { pcaLayout, KNN_K, type Layout, type PcaLayout } from './layouts.ts';
export type { TsneArgs, TsneFrame, TsneRun } from './tsne-layout.ts';
export type { Metric } from '../../embed/nearest-neighbours.ts';
export type { TsneOptions } from '../../embed/tsne.ts';
