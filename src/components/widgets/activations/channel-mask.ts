import { percent, signed } from '~/components/ui/format.ts';
import { compute } from '~/engine/client.ts';
import type { LayerInfo } from '~/engine/probe/layers.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import { chooseLayer } from '~/engine/shared/widget-params/validate.ts';
import type { ChannelMask, ThresholdMode } from '~/engine/tasks/index.ts';
import { MapFigure } from '~/components/ui/map-view.ts';
import { attachProbe } from '~/components/ui/probe.ts';
import { ScenePicker, type PickedScene } from '~/components/ui/scene-picker.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { showScene } from '../cam-parts.ts';
import { rgbaView } from '../scene-view.ts';
import { fillLayerSelect, layerMenu } from './layer-menu.ts';

const KIND = 'channel-mask';

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
  const channelInput = q<HTMLInputElement>('[data-channel]');
  const modeSelect = q<HTMLSelectElement>('[data-mode]');
  const tauInput = q<HTMLInputElement>('[data-tau]');
  const tInput = q<HTMLInputElement>('[data-t]');
  const sceneFigure = new MapFigure(q('[data-map="scene"]'));
  const heat = new MapFigure(q('[data-map="heat"]'));
  const masked = new MapFigure(q('[data-map="masked"]'));
  let picked: PickedScene | undefined;
  let last: ChannelMask | undefined;
  let restoredLayer: string | undefined;
  const state = (): WidgetState => ({
    widget: KIND,
    image: picked?.ref ?? { kind: 'dataset', dataset: 'objects-held-out-1', index: 0 },
    layer: layerSelect.value,
    params: { channel: Number.isFinite(channelInput.valueAsNumber) ? channelInput.valueAsNumber : 4, mode: modeSelect.value, tau: tauInput.valueAsNumber, t: tInput.valueAsNumber || 0 },
    seed: 0,
  });
  const shell = new WidgetShell(root, KIND, state);

  attachProbe(heat, (i, j) => {
    if (!last) return;
    heat.mark(i, j, 1);
    const value = heat.value(i, j);
    q('[data-where]').innerHTML = `Â<sup>${last.channel}</sup>(${i}, ${j}) = ${signed(value, 4)}: ${value > last.threshold ? 'above' : 'not above'} t = ${signed(last.threshold, 4)}, so M = ${value > last.threshold ? 1 : 0} here${picked && objectsMask(picked.scene)[i * 64 + j] ? ', on the object' : ', on the background'}.`;
  });

  function show(result: ChannelMask): void {
    const side = Math.round(Math.sqrt(result.upsampled.length));
    heat.draw(rgbaView(result.heat, side, result.upsampled));
    q('[data-map="heat"] [data-map-dims]').textContent = `(${result.mapSize.join(' × ')} → ${side} × ${side})`;
    masked.draw(rgbaView(result.masked, side, Float32Array.from(result.mask)));
    Object.assign(root.dataset, {
      layer: result.layer, channel: String(result.channel), threshold: String(result.threshold), max: String(result.max),
      kept: String(result.kept), onObject: String(result.onObject), fraction: String(result.fraction), objectShare: String(result.objectShare),
    });
    const tau = modeSelect.value === 'relative' ? `τ · max Â = ${tauInput.valueAsNumber.toFixed(2)} × ${signed(result.max, 3)} = ` : '';
    q('[data-mask-sum]').innerHTML =
      `t = ${tau}<strong>${signed(result.threshold, 3)}</strong>; the mask keeps Σ M = ${result.kept} of ${side * side} pixels, ` +
      `Σ M·O = ${result.onObject} of them on the object: f = ${result.onObject} / ${result.kept || 1} = <strong>${result.fraction.toFixed(3)}</strong>.`;
    const ratio = result.fraction / Math.max(result.objectShare, 1e-9);
    const verdict = result.max <= 0 ? `Channel ${result.channel} is zero (or below) everywhere on this image: nothing here drives it. Try another image or channel.`
      : result.kept === 0 ? 'The mask is empty: lower the threshold.'
      : `The objects cover ${percent(result.objectShare)} of the image, so a mask placed without regard to them would land about ${percent(result.objectShare)} on them; this one lands ${percent(result.fraction)} on them, ${ratio.toFixed(1)} times that. ` +
        (ratio > 1.5 ? 'At this threshold the channel looks mostly at the objects.' : ratio < 0.67 ? 'At this threshold the channel looks mostly at the background.' : 'At this threshold the channel does not prefer the objects or the background.');
    q('[data-verdict]').textContent = verdict;
  }

  async function update(): Promise<void> {
    if (!picked || !layerSelect.value) return;
    const { image } = picked.scene;
    const object = objectsMask(picked.scene);
    const layer = layerSelect.value;
    const mode = modeSelect.value as ThresholdMode;
    const channel = Math.max(0, Math.min(Number(channelInput.max), Math.floor(channelInput.valueAsNumber || 0)));
    const tau = mode === 'relative' ? tauInput.valueAsNumber : tInput.valueAsNumber || 0;
    q('[data-tau-label]').textContent = tauInput.valueAsNumber.toFixed(2);
    const result = await shell.run(() => compute(root.id, (tasks) => tasks.channelMask(image, object, layer, channel, tau, mode)));
    if (!result) return;
    last = result;
    channelInput.max = String(result.channels - 1);
    show(result);
  }

  function setMode(): void {
    q<HTMLElement>('[data-relative]').hidden = modeSelect.value !== 'relative';
    q<HTMLElement>('[data-absolute]').hidden = modeSelect.value === 'relative';
  }

  let layers: LayerInfo[] = [];
  /** Keeps the channel inside the chosen layer's K channels. */
  function fitChannel(): void {
    const k = layers.find((l) => l.name === layerSelect.value)?.outputShape[2];
    if (!k) return;
    channelInput.max = String(k - 1);
    if ((channelInput.valueAsNumber || 0) > k - 1) channelInput.value = String(k - 1);
  }
  layerSelect.addEventListener('change', () => {
    fitChannel();
    void update();
  });
  modeSelect.addEventListener('change', () => {
    setMode();
    if (modeSelect.value === 'absolute' && last) tInput.value = last.threshold.toFixed(2);
    void update();
  });
  tauInput.addEventListener('input', () => void update());
  for (const input of [channelInput, tInput]) input.addEventListener('change', () => void update());

  const restored = shell.restore();
  if (restored) {
    restoredLayer = restored.layer;
    channelInput.value = String(restored.params['channel'] ?? 4);
    modeSelect.value = String(restored.params['mode'] ?? 'relative');
    tauInput.value = String(restored.params['tau'] ?? 0.5);
    tInput.value = String(restored.params['t'] ?? 0.5);
    setMode();
  }
  const picker = new ScenePicker(q('[data-scene-picker]'), (next) => {
    picked = next;
    showScene(sceneFigure, next.scene, q('[data-map="scene"]'));
    void update();
  });
  const first = layerMenu(root.id).then((menu) => {
    layers = menu;
    const { layer, notice } = chooseLayer(restoredLayer, layers.map((l) => l.name), 'conv_3');
    if (notice) shell.notice(notice);
    fillLayerSelect(layerSelect, layers, layer);
    fitChannel();
    return picker.select(restored?.image ?? { kind: 'dataset', dataset: 'objects-held-out-1', index: 0 });
  });
  shell.start('Loading the engine and the model…', first);
}
