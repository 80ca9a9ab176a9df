// The geometric transforms and Copy-Paste lessons' computations, collected for the task registry.
export { transformLab, type TransformChoice, type TransformLabView } from './transform-lab.ts';
export { copyPasteLab, type CopyPasteLabView, type SceneRef } from './copy-paste-lab.ts';
