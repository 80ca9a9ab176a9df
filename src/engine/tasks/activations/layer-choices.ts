import type * as tfl from '@tensorflow/tfjs-layers';
import { featureMapLayers, type LayerInfo } from '../../probe/layers.ts';

/**
 * The layers whose channels the activation lesson shows: every layer with a
 * stack of feature maps [h, w, k] (Conv2D, ReLU, pooling, batch norm), except
 * the input rescaling, whose "channels" are only the three colours.
 */
export function activationLayerChoices(model: tfl.LayersModel): LayerInfo[] {
  return featureMapLayers(model).filter((info) => info.className !== 'Rescaling');
}
