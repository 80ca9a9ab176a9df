import { fixed } from '~/components/ui/format.ts';
import { compute } from '~/engine/client.ts';
import type { RegularizerSwitches, VizFrame, VizLayer, VizRecipe } from '~/engine/tasks/index.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import { VIZ_DEFAULTS } from '~/engine/shared/class-viz-defaults.ts';
import { chooseLayer } from '~/engine/shared/widget-params/validate.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-class-viz.ts';
import { drawFrame } from './draw.ts';
import { AscentPlayer } from './player.ts';

const KIND = 'class-viz-feature';
const t = strings(pageLang());

/** The three recipes of the menu: the default regularisers in the spectrum or in pixels, or none. */
function switchesFor(recipe: string): RegularizerSwitches {
  if (recipe === 'none') return VIZ_DEFAULTS.none;
  return { ...VIZ_DEFAULTS.regularizers, fourier: recipe === 'fourier' };
}
const SEED = 0;

/** Widget C: feature visualisation, the ascent on one channel's mean activation (channelObjective). */
export function mountFeatureViz(root: HTMLElement): void {
  const layerSelect = root.querySelector<HTMLSelectElement>('[data-layer]')!;
  const channel = root.querySelector<HTMLInputElement>('[data-channel]')!;
  const recipeSelect = root.querySelector<HTMLSelectElement>('[data-recipe]')!;
  const canvas = root.querySelector<HTMLCanvasElement>('[data-image]')!;
  const steps = Number(root.querySelector<HTMLElement>('[data-steps]')!.dataset['steps']);
  let layers: VizLayer[] = [];

  const recipe = (): VizRecipe => ({
    target: { kind: 'channel', layer: layerSelect.value, channel: Number(channel.value) },
    lambda: VIZ_DEFAULTS.lambda,
    switches: switchesFor(recipeSelect.value),
    seed: SEED,
    ascent: 'scaled',
  });
  const state = (): WidgetState => ({
    widget: KIND,
    layer: layerSelect.value,
    params: { channel: Number(channel.value), recipe: recipeSelect.value },
    seed: SEED,
  });
  const shell = new WidgetShell(root, KIND, state);

  function draw(frame: VizFrame): void {
    showFrame(root, canvas, frame);
    root.querySelector('[data-caption]')!.textContent = t('drives', { k: channel.value, layer: layerSelect.value });
  }

  const player = new AscentPlayer(root, shell, { recipe, until: steps, judged: false, draw });
  const sync = () =>
    fitChannel(
      root,
      channel,
      layers.find((l) => l.name === layerSelect.value),
    );
  const restart = () => {
    sync();
    void player.reset(player.isRunning);
  };
  for (const control of [layerSelect, channel, recipeSelect]) control.addEventListener('change', restart);

  const restored = shell.restore();
  shell.start(
    t('loadingCnn'),
    compute(root.id, (tasks) => tasks.vizLayers()).then((found) => {
      layers = found;
      fillLayers(shell, layerSelect, found, restored?.layer);
      if (restored) {
        channel.value = String(restored.params['channel'] ?? 10);
        recipeSelect.value = String(restored.params['recipe'] ?? 'fourier');
      }
      sync();
      return player.reset(false);
    }),
  );
}

/** The frame, its step, the channel's mean activation and the image's norm. */
function showFrame(root: HTMLElement, canvas: HTMLCanvasElement, frame: VizFrame): void {
  const out = (name: string) => root.querySelector<HTMLElement>(`[data-out="${name}"]`)!;
  drawFrame(canvas, frame);
  out('step').textContent = String(frame.step);
  out('score').textContent = fixed(frame.score, 3);
  out('score').dataset['value'] = String(frame.score);
  out('norm').textContent = fixed(frame.norm);
}

/** Keeps the channel a whole number within the layer's channels, and says how many it has. */
function fitChannel(root: HTMLElement, channel: HTMLInputElement, layer: VizLayer | undefined): void {
  if (!layer) return;
  channel.max = String(layer.channels - 1);
  channel.value = String(Math.min(Math.max(0, Math.round(Number(channel.value) || 0)), layer.channels - 1));
  root.querySelector('[data-channels]')!.textContent = t('channelRange', { max: layer.channels - 1, shape: layer.shape });
}

/** Offers the model's layers, choosing the restored one if the model has it, else last_relu with a notice. */
function fillLayers(shell: WidgetShell, select: HTMLSelectElement, layers: VizLayer[], wanted: string | undefined): void {
  const { layer: chosen, notice } = chooseLayer(
    wanted,
    layers.map((l) => l.name),
    'last_relu',
    pageLang(),
  );
  if (notice) shell.notice(notice);
  select.replaceChildren(...layers.map((l) => new Option(`${l.name} (${l.shape})`, l.name, l.name === chosen, l.name === chosen)));
}
