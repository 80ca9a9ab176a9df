import { signed } from '~/components/ui/format.ts';
import { compute } from '~/engine/client.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import { show } from '~/engine/shared/widget-params/fields.ts';
import { chooseLayer } from '~/engine/shared/widget-params/validate.ts';
import type { ActivationMaps, MapScale, MapView } from '~/engine/tasks/index.ts';
import { MapFigure } from '~/components/ui/map-view.ts';
import { attachProbe } from '~/components/ui/probe.ts';
import { FIRST_SCENE, ScenePicker } from '~/components/ui/scene-picker.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { mapCanvas, showScene } from '../cam-parts.ts';
import { rgbaView } from '../scene-view.ts';
import { ownImage, restoreOwnImage, type GridImage } from './own-image.ts';
import { channelView, fillLayerSelect, layerMenu } from './layer-menu.ts';

const KIND = 'activation-grid';

/** Every channel's activation map A^k of a chosen layer; one enlarged, with A^k(i, j) and its receptive field. */
export function mountActivationGrid(root: HTMLElement): void {
  const q = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  const layerSelect = q<HTMLSelectElement>('[data-layer]');
  const scaleSelect = q<HTMLSelectElement>('[data-scale]');
  const orderSelect = q<HTMLSelectElement>('[data-order]');
  const sceneFigure = new MapFigure(q('[data-map="scene"]'));
  const channelFigure = new MapFigure(q('[data-map="channel"]'));
  let picked: Pick<GridImage, 'ref' | 'image'> | undefined;
  let maps: ActivationMaps | undefined;
  let chosen = 0;
  let restoredLayer: string | undefined;
  const state = (): WidgetState => ({
    widget: KIND,
    image: picked?.ref ?? FIRST_SCENE,
    layer: layerSelect.value,
    params: { scale: scaleSelect.value, order: orderSelect.value, channel: chosen },
    seed: 0,
  });
  const shell = new WidgetShell(root, KIND, state);
  /** Until the reader points somewhere, the read-out follows each chosen channel's peak. */
  let pointed = false;
  const probe = attachProbe(channelFigure, (i, j) => {
    pointed = true;
    read(i, j);
  });

  function read(i: number, j: number): void {
    if (!maps) return;
    const { field, height, width } = maps;
    channelFigure.mark(i, j, 1);
    const top = field.start + i * field.jump;
    const left = field.start + j * field.jump;
    sceneFigure.mark(top, left, field.size);
    const value = channelFigure.value(i, j);
    const line = q<HTMLElement>('[data-value]');
    Object.assign(line.dataset, { k: String(chosen), i: String(i), j: String(j), value: String(value) });
    line.innerHTML = `A<sup>${chosen}</sup>(${i}, ${j}) = <strong>${signed(value, 4)}</strong> at layer ${maps.layer.name} (${height} × ${width} × ${maps.channels}).`;
    const bottom = top + field.size - 1;
    const right = left + field.size - 1;
    q('[data-where]').textContent = `This unit sees input rows ${top} to ${bottom} and columns ${left} to ${right}: a ${field.size} × ${field.size} receptive field, ${field.jump} pixel${field.jump > 1 ? 's' : ''} from its neighbour's${top < 0 || left < 0 || bottom > 63 || right > 63 ? ' (part of it lies in the zero padding)' : ''}.`;
  }

  function choose(k: number): void {
    if (!maps) return;
    chosen = Math.min(k, maps.channels - 1);
    for (const button of root.querySelectorAll<HTMLButtonElement>('[data-grid] button')) button.setAttribute('aria-pressed', String(button.dataset['channel'] === String(chosen)));
    channelFigure.draw(channelView(maps, chosen));
    root.dataset['channel'] = String(chosen);
    if (pointed) {
      const [i, j] = probe.at();
      read(Math.min(i, maps.height - 1), Math.min(j, maps.width - 1));
      return;
    }
    const values = channelFigure.current!.values;
    const peak = values.indexOf(Math.max(...values));
    read(Math.floor(peak / maps.width), peak % maps.width);
  }

  function drawGrid(result: ActivationMaps): void {
    const order = Array.from({ length: result.channels }, (_, k) => k);
    const key = orderSelect.value === 'max' ? result.maxima : orderSelect.value === 'mean' ? result.means : undefined;
    if (key) order.sort((a, b) => key[b]! - key[a]!);
    const views: MapView[] = order.map((k) => channelView(result, k));
    const items = order.map((k, rank) => {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset['channel'] = String(k);
      button.append(mapCanvas(views[rank]!, `Channel ${k}, peak ${signed(result.maxima[k]!)}`), `k=${k}`, document.createElement('br'), signed(result.maxima[k]!, 2));
      button.addEventListener('click', () => choose(k));
      item.append(button);
      return item;
    });
    q('[data-grid]').replaceChildren(...items);
    const colours = result.signed ? 'blue = negative, white = 0, red = positive' : 'black = 0, white = the bound';
    q('[data-grid-caption]').textContent =
      `${result.channels} channels of ${result.layer.name} (${result.layer.className}, ${result.height} × ${result.width}), ${colours}; ` +
      `${result.scale === 'shared' ? `one bound for all, ${signed(result.bounds[0]!, 2)}` : 'each channel scaled by its own max |Aᵏ|'}. Under each map: k and its peak max Aᵏ.`;
  }

  async function update(): Promise<void> {
    if (!picked || !layerSelect.value) return;
    const { image } = picked;
    const layer = layerSelect.value;
    const scale = scaleSelect.value as MapScale;
    const result = await shell.run(() => compute(root.id, (tasks) => tasks.activationMaps(image, layer, scale)));
    if (!result) return;
    maps = result;
    root.dataset['layer'] = result.layer.name;
    root.dataset['scale'] = result.scale;
    drawGrid(result);
    choose(chosen);
  }

  for (const control of [layerSelect, scaleSelect]) control.addEventListener('change', () => void update());
  orderSelect.addEventListener('change', () => maps && (drawGrid(maps), choose(chosen)));

  const restored = shell.restore();
  if (restored) {
    restoredLayer = restored.layer;
    scaleSelect.value = String(restored.params['scale'] ?? 'channel');
    orderSelect.value = String(restored.params['order'] ?? 'index');
    chosen = Number(restored.params['channel'] ?? 0) || 0;
  }
  const picker = new ScenePicker(q('[data-scene-picker]'), (next) => {
    picked = { ref: next.ref, image: next.scene.image };
    showScene(sceneFigure, next.scene, q('[data-map="scene"]'));
    void update();
  });
  function useOwn(own: GridImage): void {
    picked = own;
    sceneFigure.draw(rgbaView(own.rgba, 64));
    const dims = q('[data-map="scene"] [data-map-dims]');
    dims.textContent = `(your image, centre square at 64 × 64)`;
    void update();
  }
  q<HTMLInputElement>('[data-own-image]').addEventListener('change', (event) => {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (file) ownImage(file).then(useOwn, (error: Error) => shell.say(error.message, 'error'));
  });
  const first = layerMenu(root.id).then(async (layers) => {
    const { layer, notice } = chooseLayer(restoredLayer, layers.map((l) => l.name), 'conv_0');
    if (notice) shell.notice(notice);
    fillLayerSelect(layerSelect, layers, layer);
    const saved = restored?.image?.kind === 'upload' ? restored.image : undefined;
    const own = saved && (await restoreOwnImage(saved).catch(() => {
      shell.notice(`image: ${show(saved)} could not be decoded; using the first held-out scene.`);
      return undefined;
    }));
    if (own) useOwn(own);
    else await picker.select(restored?.image);
  });
  shell.start('Loading the engine and the model…', first);
}
