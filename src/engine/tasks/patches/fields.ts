import type * as tfl from '@tensorflow/tfjs-layers';
import { chainOf, featureMapLayers } from '../../probe/layers.ts';
import { fieldsAfter, type FieldGeometry, type LayerGeometry } from '../../probe/receptive-field.ts';
import { badArgument } from '../../shared/errors.ts';
import { resolveModel, type ModelSource } from '../scene-input.ts';
import { layerGeometry } from '../../probe/layer-geometry.ts';

/** The course model whose units the patches lesson studies. */
export const PATCHES_MODEL = 'objects-cnn';

/** One layer of the receptive-field table: its geometry, read from the saved model, and the field after it. */
export interface FieldRow {
  name: string;
  className: string;
  /** k_l, s_l, p_l (leading padding) and dilation, as `layerGeometry` reads them from the layer's config. */
  geometry: LayerGeometry;
  /** r_l, j_l, start_l after this layer. */
  field: FieldGeometry;
  /** Output height and width (square maps) and channels. */
  side: number;
  channels: number;
}

/** The receptive-field table of a model: every layer with feature maps, from the first after the input. */
export interface FieldTable {
  /** Input height and width in pixels. */
  imageSide: number;
  rows: FieldRow[];
}

/**
 * r_l, j_l and start_l after every layer whose output is a stack of feature
 * maps, computed with `fieldsAfter` from the kernels, strides and "same"
 * padding the saved model declares (nothing about the architecture is typed
 * in by hand). The input rescaling is a 1 x 1 layer and is left out of the rows.
 */
export function fieldTable(model: tfl.LayersModel): FieldTable {
  const spatial = featureMapLayers(model);
  const last = spatial.at(-1);
  if (!last) throw badArgument('fieldTable', 'model', 'a CNN with feature-map layers', 'none');
  const chain = chainOf(model, 'fieldTable');
  const geometry = layerGeometry(model, last.name);
  const fields = fieldsAfter(geometry);
  const imageSide = (model.inputs[0]!.shape[1] ?? NaN) as number;
  const rows = spatial
    .filter((info) => info.className !== 'Rescaling')
    .map((info) => {
      const at = chain.findIndex((layer) => layer.name === info.name);
      const [side, , channels] = info.outputShape as [number, number, number];
      return { name: info.name, className: info.className, geometry: geometry[at]!, field: fields[at]!, side, channels };
    });
  return { imageSide, rows };
}

/** The receptive-field table of a model by name (loaded once per page) or in hand. */
export async function receptiveFieldTable(source: ModelSource = PATCHES_MODEL): Promise<FieldTable> {
  return fieldTable(await resolveModel(source));
}

