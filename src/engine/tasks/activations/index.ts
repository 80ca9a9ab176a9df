// The layer-activations lesson's computations, collected for the task registry.
export { firstLayerFilters, type FilterBank, type FilterScale } from './filters.ts';
export { activationLayers, activationMaps, type ActivationMaps, type MapScale } from './maps.ts';
export { channelMask, type ChannelMask } from './channel-mask.ts';
export type { ThresholdMode } from './mask.ts';
