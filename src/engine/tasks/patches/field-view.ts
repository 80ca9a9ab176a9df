import * as tf from '@tensorflow/tfjs-core';
import { badArgument } from '../../shared/errors.ts';
import { featureMaps } from '../../probe/layer-output.ts';
import { readMaps, type MapView } from '../read-maps.ts';
import { receptiveField, type Box } from '../../probe/receptive-field.ts';
import { imageTensor, resolveModel, type ModelSource } from '../scene-input.ts';
import { PATCHES_MODEL, fieldTable, type FieldTable } from './fields.ts';

export interface FieldView {
  table: FieldTable;
  /** Index of the chosen layer in `table.rows`. */
  at: number;
  /** The chosen layer's output for the image, averaged over its channels: the map whose units the reader points at. */
  map: MapView;
}

/**
 * The receptive-field explorer's computation: the model's field table and one
 * image's feature map at the chosen layer (mean over channels), read back once.
 */
export async function receptiveFieldView(layerName: string, image: Float32Array, source: ModelSource = PATCHES_MODEL): Promise<FieldView> {
  const model = await resolveModel(source);
  const table = fieldTable(model);
  const at = table.rows.findIndex((row) => row.name === layerName);
  if (at < 0) throw badArgument('receptiveFieldView', 'layerName', `one of ${table.rows.map((row) => row.name).join(', ')}`, layerName);
  const map = tf.tidy(() => {
    const a = featureMaps(model, layerName, imageTensor(image, 'receptiveFieldView'));
    return a.mean(3).squeeze([0]) as tf.Tensor2D;
  });
  const [view] = await readMaps([map]);
  return { table, at, map: view! };
}

/** The input box unit (i, j) of row `at` of a field table sees: unclipped (into the padding) and clipped to the image. */
export async function unitField(table: FieldTable, at: number, i: number, j: number): Promise<{ unclipped: Box; clipped: Box; size: number }> {
  const geometry = table.rows.slice(0, at + 1).map((row) => row.geometry);
  return receptiveField(geometry, i, j, { height: table.imageSide, width: table.imageSide });
}
