import { compute } from '~/engine/client.ts';
import type { ImageRef, WidgetState } from '~/engine/shared/state.ts';
import { show } from '~/engine/shared/widget-params/fields.ts';
import { chooseLayer } from '~/engine/shared/widget-params/validate.ts';
import type { MapScale } from '~/engine/tasks/index.ts';
import { Controls, text } from '~/components/ui/controls.ts';
import { MapFigure } from '~/components/ui/map-view.ts';
import { FIRST_SCENE, ScenePicker } from '~/components/ui/scene-picker.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-activations.ts';
import { showScene } from '../cam-parts.ts';
import { rgbaView } from '../scene-view.ts';
import { ChannelGrid } from './channel-grid.ts';
import { ownImage, restoreOwnImage, type GridImage } from './own-image.ts';
import { fillLayerSelect, layerMenu } from './layer-menu.ts';

const KIND = 'activation-grid';
const t = strings(pageLang());

/** Every channel's activation map A^k of a chosen layer; one enlarged, with A^k(i, j) and its receptive field. */
export function mountActivationGrid(root: HTMLElement): void {
  const q = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  const layerSelect = q<HTMLSelectElement>('[data-layer]');
  const controls = new Controls(root, { scale: text('[data-scale]'), order: text('[data-order]') });
  const sceneFigure = new MapFigure(q('[data-map="scene"]'));
  const grid = new ChannelGrid(root, sceneFigure);
  let picked: Pick<GridImage, 'ref' | 'image'> | undefined;
  const state = (): WidgetState => ({
    widget: KIND,
    image: picked?.ref ?? FIRST_SCENE,
    layer: layerSelect.value,
    params: { ...controls.values(), channel: grid.chosen },
    seed: 0,
  });
  const shell = new WidgetShell(root, KIND, state);

  async function update(): Promise<void> {
    if (!picked || !layerSelect.value) return;
    const { image } = picked;
    const layer = layerSelect.value;
    const scale = controls.value('scale') as MapScale;
    const result = await shell.run(() => compute(root.id, (tasks) => tasks.activationMaps(image, layer, scale)));
    if (!result) return;
    root.dataset['layer'] = result.layer.name;
    root.dataset['scale'] = result.scale;
    grid.show(result, controls.value('order'));
  }

  layerSelect.addEventListener('change', () => void update());
  controls.onChange((name) => (name === 'order' ? grid.reorder(controls.value('order')) : void update()));
  const restored = shell.restore();
  controls.restore(restored?.params);
  grid.chosen = Number(restored?.params['channel'] ?? 0) || 0;
  const picker = new ScenePicker(q('[data-scene-picker]'), (next) => {
    picked = { ref: next.ref, image: next.scene.image };
    showScene(sceneFigure, next.scene, q('[data-map="scene"]'));
    void update();
  });
  function useOwn(own: GridImage): void {
    picked = own;
    sceneFigure.draw(rgbaView(own.rgba, 64));
    q('[data-map="scene"] [data-map-dims]').textContent = t('ownDims');
    void update();
  }
  q<HTMLInputElement>('[data-own-image]').addEventListener('change', (event) => {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (file) ownImage(file).then(useOwn, (error: unknown) => shell.fail(error));
  });
  const first = layerMenu(root.id).then(async (layers) => {
    const { layer, notice } = chooseLayer(
      restored?.layer,
      layers.map((l) => l.name),
      'conv_0',
      pageLang(),
    );
    if (notice) shell.notice(notice);
    fillLayerSelect(layerSelect, layers, layer);
    const saved = restored?.image?.kind === 'upload' ? restored.image : undefined;
    const own = saved && (await savedOwnImage(shell, saved));
    if (own) useOwn(own);
    else await picker.select(restored?.image);
  });
  shell.start(t('loadingEngineModel'), first);
}

/** The reader's own image a saved state holds, decoded again; undefined, with a notice, when it no longer decodes. */
async function savedOwnImage(shell: WidgetShell, ref: Extract<ImageRef, { kind: 'upload' }>): Promise<GridImage | undefined> {
  return restoreOwnImage(ref).catch(() => {
    shell.notice(t('ownLost', { name: show(ref.name) }));
    return undefined;
  });
}
