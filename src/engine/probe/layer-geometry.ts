import type * as tfl from '@tensorflow/tfjs-layers';
import { chainOf, indexOfLayer } from './layers.ts';
import type { LayerGeometry } from './receptive-field.ts';

type Layer = tfl.LayersModel['layers'][number];

/**
 * Kernel, stride and leading padding of every layer up to `layerName`, read
 * from the saved configuration and shapes, for `receptiveField`. Layers that
 * act on one position at a time (ReLU, batch norm, rescaling) count as 1 x 1.
 * "same" padding adds its odd extra row at the bottom, as TensorFlow does, so
 * the leading padding is floor(total / 2).
 */
export function layerGeometry(model: tfl.LayersModel, layerName: string): LayerGeometry[] {
  const layers = chainOf(model, 'layerGeometry');
  const at = indexOfLayer(layers, layerName, 'layerGeometry');
  const sizes = [model.inputs[0]!.shape[1]!, ...layers.map((layer) => (layer.outputShape as (number | null)[])[1]!)];
  return layers.slice(0, at + 1).map((layer, i) => geometryOf(layer, sizes[i]!, sizes[i + 1]!));
}

function geometryOf(layer: Layer, size: number, out: number): LayerGeometry {
  const config = layer.getConfig() as { kernelSize?: number[]; poolSize?: number[]; strides?: number[]; padding?: string; dilationRate?: number | number[] };
  const kernel = config.kernelSize?.[0] ?? config.poolSize?.[0];
  if (kernel === undefined) return { kernel: 1, stride: 1, padding: 0 };
  const stride = config.strides?.[0] ?? kernel;
  const dilation = Array.isArray(config.dilationRate) ? config.dilationRate[0]! : (config.dilationRate ?? 1);
  if (config.padding !== 'same') return { kernel, stride, padding: 0, dilation };
  const total = Math.max((out - 1) * stride + dilation * (kernel - 1) + 1 - size, 0);
  return { kernel, stride, padding: Math.floor(total / 2), dilation };
}
