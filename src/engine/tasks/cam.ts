// The CAM and Grad-CAM lesson's computations, collected for the task registry.
export { camBuilder, type CamBuild, type CamChannel } from './cam/builder.ts';
export { camLayers, gradCamDetails, gradCamExplorer, type GradCamDetails, type GradCamView } from './cam/explorer.ts';
export { explainScene, type MethodMap, type SceneExplanation } from './cam/scene.ts';
export type { OverlayView } from './cam/read.ts';
