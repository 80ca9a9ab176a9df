import { compute } from '~/engine/client.ts';
import type { LayerInfo } from '~/engine/probe/layers.ts';
import type { ActivationMaps, MapView } from '~/engine/tasks/index.ts';

/** The layers the activation widgets offer, asked of the engine once per widget. */
export function layerMenu(key: string): Promise<LayerInfo[]> {
  return compute(`${key}-layers`, (tasks) => tasks.activationLayers());
}

/** Fills a layer <select> with "name (Class, h × w × k)" entries, as the model defines them. */
export function fillLayerSelect(select: HTMLSelectElement, layers: readonly LayerInfo[], chosen: string): void {
  select.replaceChildren(
    ...layers.map((layer) => {
      const option = new Option(`${layer.name} (${layer.className}, ${layer.outputShape.join(' × ')})`, layer.name);
      option.selected = layer.name === chosen;
      return option;
    }),
  );
}

/** Channel k of an activation grid as a MapView, with the grid's colours and the legend of its bound. */
export function channelView(maps: ActivationMaps, k: number): MapView {
  const size = maps.height * maps.width;
  const bound = maps.bounds[k]!;
  return {
    width: maps.width,
    height: maps.height,
    values: maps.values.slice(k * size, (k + 1) * size),
    rgba: maps.rgba.slice(k * size * 4, (k + 1) * size * 4),
    scale: maps.signed ? { kind: 'diverging', min: -bound, max: bound } : { kind: 'gray', min: 0, max: bound },
  };
}
