/** The only engine code that touches a model: activations and gradients at named layers. */
export { classScores, classifierKernel, inputGradient, probe } from './probe.ts';
export type { ClassIndex, Probe, ReluBackward } from './probe.ts';
export { convLayers, featureMapLayers, layerNames } from './layers.ts';
export type { LayerInfo } from './layers.ts';
export { guidedGate, guidedRelu } from './guided-relu.ts';
