import { Controls, num } from '~/components/ui/controls.ts';
import { signed } from '~/components/ui/format.ts';
import { compute } from '~/engine/client.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import type { CamBuild } from '~/engine/tasks/index.ts';
import { MapFigure } from '~/components/ui/map-view.ts';
import { attachProbe } from '~/components/ui/probe.ts';
import { FIRST_SCENE, ScenePicker, type PickedScene } from '~/components/ui/scene-picker.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { html, setMarkup } from '~/components/ui/markup.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-cam.ts';
import { mapCanvas, markupOf, showScene } from './cam-parts.ts';
import { classMenu } from './scene-view.ts';

const KIND = 'cam-builder';
/** Channels shown as small maps, in order of their share of the score. */
const SHOWN = 6;
const t = strings(pageLang());

/** CAM's sum M_c = sum_k w_k^c f_k built up channel by channel on a held-out scene. */
export function mountCamBuilder(root: HTMLElement): void {
  const q = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  const classSelect = q<HTMLSelectElement>('[data-class]');
  const controls = new Controls(root, { summed: num('[data-summed]') });
  const slider = q<HTMLInputElement>('[data-summed]');
  const sceneFigure = new MapFigure(q('[data-map="scene"]'));
  const partial = new MapFigure(q('[data-map="partial"]'));
  const overlay = new MapFigure(q('[data-map="overlay"]'));
  let picked: PickedScene | undefined;
  let last: CamBuild | undefined;
  const state = (): WidgetState => ({
    widget: KIND,
    image: picked?.ref ?? FIRST_SCENE,
    class: Number(classSelect.value || 0),
    params: controls.values(),
    seed: 1,
  });
  const shell = new WidgetShell(root, KIND, state);
  attachProbe(partial, (i, j) => {
    if (last) explainCell(root, { partial, overlay }, last, i, j);
  });

  async function update(): Promise<void> {
    if (!picked) return;
    const { image } = picked.scene;
    const c = Number(classSelect.value);
    const summed = controls.value('summed');
    const build = await shell.run(() => compute(root.id, (tasks) => tasks.camBuilder(image, c, Math.min(summed, Number(slider.max)), SHOWN)));
    if (!build) return;
    last = build;
    slider.max = String(build.channels);
    q('[data-summed-label]').textContent =
      build.summed === build.channels ? t('summedAll', { n: build.channels }) : t('summedSome', { n: build.summed, total: build.channels });
    drawChannels(root, build);
    partial.draw(build.partial);
    overlay.draw(build.overlay);
    drawScore(root, build);
    root.dataset['layer'] = build.layer;
  }

  classSelect.addEventListener('change', () => void update());
  controls.onChange(() => void update());

  const restored = shell.restore();
  const showClasses = classMenu(classSelect, restored?.class);
  controls.restore(restored?.params);
  const picker = new ScenePicker(q('[data-scene-picker]'), (next) => {
    picked = next;
    showClasses(next);
    showScene(sceneFigure, next.scene, q('[data-map="scene"]'));
    void update();
  });
  shell.start(t('loadingEngineModel'), picker.select(restored?.image));
}

/** Marks a cell of the partial sum, the pixels it covers, and reads out its value. */
function explainCell(root: HTMLElement, figures: { partial: MapFigure; overlay: MapFigure }, build: CamBuild, i: number, j: number): void {
  const { partial, overlay } = figures;
  partial.mark(i, j, 1);
  const size = build.overlay.width / partial.current!.width;
  overlay.mark(i * size, j * size, size);
  setMarkup(root.querySelector('[data-where]')!, markupOf(t, 'cellExplain', { n: build.summed, i, j, value: signed(partial.value(i, j)), size }));
}

/** The channels with the largest shares of the score, each as a small map with its weight, mean and share. */
function drawChannels(root: HTMLElement, build: CamBuild): void {
  const items = build.top.map((channel, rank) => {
    const item = document.createElement('li');
    item.dataset['inSum'] = String(rank < build.summed);
    item.dataset['contribution'] = String(channel.contribution);
    item.dataset['channel'] = String(channel.channel);
    const caption = document.createElement('span');
    setMarkup(
      caption,
      html`k = ${channel.channel}<br />w = ${signed(channel.weight)}<br />F = ${signed(channel.mean)}<br />wF = ${signed(channel.contribution)}`,
    );
    item.append(mapCanvas(channel.map, t('channelLabel', { k: channel.channel, w: signed(channel.weight) })), caption);
    return item;
  });
  root.querySelector('[data-channels]')!.replaceChildren(...items);
}

/** The partial sum of the weighted means beside the whole sum, the bias and the model's logit. */
function drawScore(root: HTMLElement, build: CamBuild): void {
  const partialScore = build.contributions.slice(0, build.summed).reduce((a, b) => a + b, 0);
  const all = build.contributions.reduce((a, b) => a + b, 0);
  const score = root.querySelector<HTMLElement>('[data-score]')!;
  Object.assign(score.dataset, { partial: String(partialScore), all: String(all), logit: String(build.logit), bias: String(build.bias) });
  setMarkup(
    score,
    markupOf(t, 'score', {
      n: build.summed,
      total: build.channels,
      partial: signed(partialScore),
      all: signed(all),
      bias: signed(build.bias),
      withBias: signed(all + build.bias),
      logit: signed(build.logit),
    }),
  );
}
