import { featureMapLayers } from '../../probe/layers.ts';
import { loadModel } from '../../runtime/models.ts';
import { MAKER } from './session.ts';

export interface VizLayer {
  name: string;
  /** Channels k of its output [h, w, k]. */
  channels: number;
  /** "16x16x64". */
  shape: string;
}

/** The layers of objects-cnn whose channels feature visualisation can climb: convolutions and ReLU outputs. */
export async function vizLayers(): Promise<VizLayer[]> {
  const model = await loadModel(MAKER);
  return featureMapLayers(model)
    .filter((info) => info.className === 'Conv2D' || info.className === 'ReLU')
    .map((info) => ({ name: info.name, channels: info.outputShape[2]!, shape: info.outputShape.join(' × ') }));
}
