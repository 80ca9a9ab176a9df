import { percent, signed } from '~/components/ui/format.ts';
import { compute } from '~/engine/client.ts';
import type { LayerInfo } from '~/engine/probe/layers.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import { FIRST_OBJECT } from '~/engine/shared/widget-params/images.ts';
import { chooseLayer } from '~/engine/shared/widget-params/validate.ts';
import type { ChannelMask, ThresholdMode } from '~/engine/tasks/index.ts';
import { Controls, num, text } from '~/components/ui/controls.ts';
import { MapFigure } from '~/components/ui/map-view.ts';
import { attachProbe } from '~/components/ui/probe.ts';
import { ScenePicker, type PickedScene } from '~/components/ui/scene-picker.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { escapeHtml, Markup, setMarkup } from '~/components/ui/markup.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-activations.ts';
import { showScene } from '../cam-parts.ts';
import { rgbaView } from '../scene-view.ts';
import { fillLayerSelect, layerMenu } from './layer-menu.ts';

const KIND = 'channel-mask';
const t = strings(pageLang());

/** The union of all objects' exact masks in a scene: O in f = sum M O / sum M. */
function objectsMask(scene: PickedScene['scene']): Uint8Array {
  const mask = new Uint8Array(scene.size * scene.size);
  for (const object of scene.objects) object.mask.forEach((v, p) => (mask[p] = mask[p]! | v));
  return mask;
}

/** Thresholds one channel's resized map, shows what it keeps, and how much of that is object. */
export function mountChannelMask(root: HTMLElement): void {
  const q = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  const layerSelect = q<HTMLSelectElement>('[data-layer]');
  const controls = new Controls(root, { channel: num('[data-channel]'), mode: text('[data-mode]'), tau: num('[data-tau]'), t: num('[data-t]') });
  const channelInput = controls.fields.channel as HTMLInputElement;
  const sceneFigure = new MapFigure(q('[data-map="scene"]'));
  const figures = { heat: new MapFigure(q('[data-map="heat"]')), masked: new MapFigure(q('[data-map="masked"]')) };
  let picked: PickedScene | undefined;
  let last: ChannelMask | undefined;
  let layers: LayerInfo[] = [];
  const state = (): WidgetState => ({
    widget: KIND,
    image: picked?.ref ?? FIRST_OBJECT,
    layer: layerSelect.value,
    params: { ...controls.values(), channel: savedChannel(channelInput) },
    seed: 0,
  });
  const shell = new WidgetShell(root, KIND, state);
  attachProbe(figures.heat, (i, j) => last && readPixel(root, figures.heat, last, picked, i, j));

  async function update(): Promise<void> {
    if (!picked || !layerSelect.value) return;
    const { image } = picked.scene;
    const object = objectsMask(picked.scene);
    const layer = layerSelect.value;
    const { channel: k, mode, tau, t } = controls.values();
    const channel = Math.max(0, Math.min(Number(channelInput.max), Math.floor(k)));
    q('[data-tau-label]').textContent = tau.toFixed(2);
    const result = await shell.run(() =>
      compute(root.id, (tasks) => tasks.channelMask(image, object, layer, channel, mode === 'relative' ? tau : t, mode as ThresholdMode)),
    );
    if (!result) return;
    last = result;
    channelInput.max = String(result.channels - 1);
    showMask(root, figures, result, controls.value('mode') === 'relative' ? controls.value('tau') : undefined);
  }

  layerSelect.addEventListener('change', () => {
    fitChannel(channelInput, layers, layerSelect.value);
    void update();
  });
  controls.onChange((name) => {
    if (name === 'mode') showThreshold(root, controls.value('mode'), last);
    void update();
  });
  const restored = shell.restore();
  controls.restore(restored?.params);
  showThreshold(root, controls.value('mode'), last);
  const picker = new ScenePicker(q('[data-scene-picker]'), (next) => {
    picked = next;
    showScene(sceneFigure, next.scene, q('[data-map="scene"]'));
    void update();
  });
  shell.start(
    t('loadingEngineModel'),
    layerMenu(root.id).then((menu) => {
      layers = menu;
      const { layer, notice } = chooseLayer(
        restored?.layer,
        layers.map((l) => l.name),
        'conv_3',
        pageLang(),
      );
      if (notice) shell.notice(notice);
      fillLayerSelect(layerSelect, layers, layer);
      fitChannel(channelInput, layers, layerSelect.value);
      return picker.select(restored?.image ?? FIRST_OBJECT);
    }),
  );
}

/** Shows the threshold's own control: the slider for a fraction τ, or the box for a value t, which starts at the last threshold. */
function showThreshold(root: HTMLElement, mode: string, last: ChannelMask | undefined): void {
  root.querySelector<HTMLElement>('[data-relative]')!.hidden = mode !== 'relative';
  root.querySelector<HTMLElement>('[data-absolute]')!.hidden = mode === 'relative';
  if (mode === 'absolute' && last) root.querySelector<HTMLInputElement>('[data-t]')!.value = last.threshold.toFixed(2);
}

/** The channel a state saves: an emptied box saves the page's channel 4. */
function savedChannel(input: HTMLInputElement): number {
  return Number.isFinite(input.valueAsNumber) ? input.valueAsNumber : 4;
}

/** Keeps the channel inside the chosen layer's K channels. */
function fitChannel(input: HTMLInputElement, layers: readonly LayerInfo[], layer: string): void {
  const k = layers.find((l) => l.name === layer)?.outputShape[2];
  if (!k) return;
  input.max = String(k - 1);
  if ((input.valueAsNumber || 0) > k - 1) input.value = String(k - 1);
}

/** Marks pixel (i, j) of the resized map and reads Â^k there against the threshold, on an object or the background. */
function readPixel(root: HTMLElement, heat: MapFigure, last: ChannelMask, picked: PickedScene | undefined, i: number, j: number): void {
  heat.mark(i, j, 1);
  const value = heat.value(i, j);
  const above = value > last.threshold;
  const where = t(picked && objectsMask(picked.scene)[i * 64 + j] ? 'onObject' : 'onBackground');
  setMarkup(
    root.querySelector('[data-where]')!,
    new Markup(
      t(above ? 'pixelAbove' : 'pixelBelow', { k: last.channel, i, j, value: signed(value, 4), t: signed(last.threshold, 4), where: escapeHtml(where) }),
    ),
  );
}

/** Draws the heat map and the mask, and writes the sums; `tau` is given when the threshold is a fraction of the max. */
function showMask(root: HTMLElement, figures: { heat: MapFigure; masked: MapFigure }, result: ChannelMask, tau: number | undefined): void {
  const side = Math.round(Math.sqrt(result.upsampled.length));
  figures.heat.draw(rgbaView(result.heat, side, result.upsampled));
  root.querySelector('[data-map="heat"] [data-map-dims]')!.textContent = `(${result.mapSize.join(' × ')} → ${side} × ${side})`;
  figures.masked.draw(rgbaView(result.masked, side, Float32Array.from(result.mask)));
  Object.assign(root.dataset, {
    layer: result.layer,
    channel: String(result.channel),
    threshold: String(result.threshold),
    max: String(result.max),
    kept: String(result.kept),
    onObject: String(result.onObject),
    fraction: String(result.fraction),
    objectShare: String(result.objectShare),
  });
  const fraction = tau === undefined ? '' : `τ · max Â = ${tau.toFixed(2)} × ${signed(result.max, 3)} = `;
  setMarkup(
    root.querySelector('[data-mask-sum]')!,
    new Markup(
      t('maskSum', {
        fraction: escapeHtml(fraction),
        t: signed(result.threshold, 3),
        kept: result.kept,
        total: side * side,
        onObject: result.onObject,
        divisor: result.kept || 1,
        f: result.fraction.toFixed(3),
      }),
    ),
  );
  root.querySelector('[data-verdict]')!.textContent = verdict(result);
}

/** Whether the mask lands on the objects more often than a mask placed without regard to them would. */
function verdict(result: ChannelMask): string {
  const ratio = result.fraction / Math.max(result.objectShare, 1e-9);
  if (result.max <= 0) return t('verdictZero', { k: result.channel });
  if (result.kept === 0) return t('verdictEmpty');
  const finding = t(ratio > 1.5 ? 'verdictObjects' : ratio < 0.67 ? 'verdictBackground' : 'verdictNeither');
  return t('verdictShare', { share: percent(result.objectShare), fraction: percent(result.fraction), ratio: ratio.toFixed(1), finding });
}
