// Long work by name, for `startSession` in the engine client: each maker takes
// plain-data arguments and returns a Session the runtime steps.
import { occlusionSweep } from './occlusion-sweep.ts';
import { embeddingSet } from './embeddings/embedding-set.ts';
import { neighbourAgreement } from './embeddings/agreement.ts';
import { tsneLayout } from './embeddings/tsne-layout.ts';
import { classViz } from './class-viz/session.ts';
import { classVizGallery } from './class-viz/gallery.ts';
import { latentVizGallery } from './class-viz/latent-gallery.ts';
import { smoothGradSaliency } from './saliency-tasks.ts';
import { deletionInsertion, methodTable, sanityCheck } from './trust/index.ts';
import { scanLayer } from './patches/index.ts';
import { training } from './training.ts';
import { trainingLab } from './training-lab.ts';
import { ganDissection, ganEditEffect } from './gan/dissection.ts';

export const sessions = { occlusionSweep, embeddingSet, neighbourAgreement, tsneLayout, classViz, classVizGallery, latentVizGallery, smoothGradSaliency, deletionInsertion, sanityCheck, methodTable, scanLayer, training, trainingLab, ganDissection, ganEditEffect };
