import { percent, precise, signed } from '~/components/ui/format.ts';
import { ModelMenu } from '~/components/ui/model-menu.ts';
import { compute } from '~/engine/client.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import { chooseLayer } from '~/engine/shared/widget-params/validate.ts';
import type { GradCamDetails, GradCamView } from '~/engine/tasks/index.ts';
import { MapFigure } from '~/components/ui/map-view.ts';
import { FIRST_SCENE, ScenePicker, type PickedScene } from '~/components/ui/scene-picker.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { setMarkup } from '~/components/ui/markup.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-cam.ts';
import { markPeak, markupOf, showScene } from './cam-parts.ts';
import { classMenu } from './scene-view.ts';

const KIND = 'grad-cam-explorer';
/** Alphas listed at each end of the ranking. */
const LISTED = 5;
/** How long class and layer must stay put after their heatmap is drawn before Guided Grad-CAM and the CAM check are computed. */
const DETAILS_AFTER_MS = 150;
const t = strings(pageLang());

/** Grad-CAM, Guided Grad-CAM and Grad-CAM++ for a chosen class and layer, with the live alphas. */
export function mountGradCamExplorer(root: HTMLElement): void {
  const q = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  const classSelect = q<HTMLSelectElement>('[data-class]');
  const layerSelect = q<HTMLSelectElement>('[data-layer]');
  const sceneFigure = new MapFigure(q('[data-map="scene"]'));
  const figures = {
    gradCam: new MapFigure(q('[data-map="grad-cam"]')),
    guided: new MapFigure(q('[data-map="guided"]')),
    plusPlus: new MapFigure(q('[data-map="plus-plus"]')),
  };
  let picked: PickedScene | undefined;
  const state = (): WidgetState => ({
    widget: KIND,
    image: picked?.ref ?? FIRST_SCENE,
    class: Number(classSelect.value || 0),
    layer: layerSelect.value,
    model: menu.value,
    params: {},
    seed: 1,
  });
  const shell = new WidgetShell(root, KIND, state);
  // Another model has other layers (and channels): refill the layer menu, keeping the layer where the model has it.
  const menu = new ModelMenu(q('[data-model-menu]'), shell, (model) => {
    fillLayers(root.id, layerSelect, model, layerSelect.value).then(
      () => update(),
      (error: unknown) => shell.fail(error),
    );
  });

  async function update(): Promise<void> {
    if (!picked || !layerSelect.value) return;
    const { image } = picked.scene;
    const c = Number(classSelect.value);
    const layer = layerSelect.value;
    const model = menu.value;
    const started = performance.now();
    const view = await shell.run(() => compute(root.id, (tasks) => tasks.gradCamExplorer(image, c, layer, model)));
    if (!view) return;
    drawHeatmaps(root, figures, view, c);
    root.dataset['model'] = model;
    const heatmapMs = performance.now() - started;
    // Guided backpropagation to the pixels and the CAM check follow in their own lane once the reader has left
    // class and layer alone for a moment: run through the classes and no heatmap waits behind them in the engine.
    const current = () => picked?.scene.image === image && Number(classSelect.value) === c && layerSelect.value === layer && menu.value === model;
    await new Promise((resolve) => setTimeout(resolve, DETAILS_AFTER_MS));
    if (!current()) return;
    const details = await shell.run(() => compute(`${root.id}/details`, (tasks) => tasks.gradCamDetails(image, c, layer, model)));
    if (!details || !current()) return;
    figures.guided.draw(details.guided);
    drawAgreement(root, details);
    root.dataset['details'] = `${layer}:${c}`;
    shell.say(t('detailsTiming', { heatmap: heatmapMs.toFixed(1), total: (performance.now() - started).toFixed(1), wait: DETAILS_AFTER_MS }));
  }

  for (const select of [classSelect, layerSelect]) select.addEventListener('change', () => void update());

  const restored = shell.restore();
  const showClasses = classMenu(classSelect, restored?.class);
  const picker = new ScenePicker(q('[data-scene-picker]'), (next) => {
    picked = next;
    showClasses(next);
    showScene(sceneFigure, next.scene, q('[data-map="scene"]'));
    void update();
  });
  shell.say(t('loadingEngineModel'));
  void menu
    .start(restored?.model)
    .then((model) => fillLayers(root.id, layerSelect, model, restored?.layer))
    .then((notice) => {
      if (notice) shell.notice(notice);
      return picker.select(restored?.image);
    })
    .catch((error: unknown) => shell.fail(error));
}

/**
 * Fills the layer menu with the model's layers, choosing `wanted` if the model
 * has it, else the one the pooling reads; returns the notice when it had to.
 */
async function fillLayers(id: string, select: HTMLSelectElement, model: string, wanted: string | undefined): Promise<string | undefined> {
  const { layers, pooled } = await compute(`${id}/layers`, (tasks) => tasks.camLayers(model));
  const { layer: chosen, notice } = chooseLayer(
    wanted,
    layers.map((l) => l.name),
    pooled,
    pageLang(),
  );
  select.replaceChildren(
    ...layers.map((l) => {
      const label = t(l.name === pooled ? 'layerOptionPooled' : 'layerOption', { name: l.name, type: l.className, shape: l.outputShape.join(' × ') });
      const option = new Option(label, l.name);
      option.selected = l.name === chosen;
      return option;
    }),
  );
  return notice;
}

/** The Grad-CAM and Grad-CAM++ heatmaps with their peaks, the class's score and the alphas. */
function drawHeatmaps(root: HTMLElement, figures: Record<'gradCam' | 'plusPlus', MapFigure>, view: GradCamView, classIndex: number): void {
  figures.gradCam.draw(view.gradCam);
  markPeak(figures.gradCam, view.gradCam.peak);
  figures.plusPlus.draw(view.plusPlus);
  markPeak(figures.plusPlus, view.plusPlus.peak);
  const [h, w, k] = view.layer.outputShape;
  root.querySelector('[data-map="grad-cam"] [data-map-dims]')!.textContent = t('fromShape', { h: String(h), w: String(w), k: String(k) });
  setMarkup(root.querySelector('[data-score]')!, markupOf(t, 'logitScore', { logit: signed(view.logit), p: percent(view.probability) }));
  drawAlphas(root, view);
  root.dataset['layer'] = view.layer.name;
  root.dataset['classIndex'] = String(classIndex);
}

/** The largest and smallest alphas as bars, and every alpha in the widget's data. */
function drawAlphas(root: HTMLElement, view: GradCamView): void {
  const ranked = Array.from(view.alphas, (alpha, channel) => ({ alpha, channel })).sort((a, b) => b.alpha - a.alpha);
  const largest = Math.max(...ranked.map((r) => Math.abs(r.alpha)), 1e-12);
  const column = (title: string, rows: typeof ranked) => {
    const box = document.createElement('div');
    const heading = document.createElement('p');
    heading.textContent = title;
    box.append(heading, ...rows.map((r) => bar(r.channel, r.alpha, largest)));
    return box;
  };
  const chart = root.querySelector<HTMLElement>('[data-alphas-chart]')!;
  chart.replaceChildren(
    column(t('largest', { n: LISTED, total: ranked.length }), ranked.slice(0, LISTED)),
    column(t('smallest', { n: LISTED }), ranked.slice(-LISTED).reverse()),
  );
  // Every alpha, for readers who inspect the page and for the tests.
  root.dataset['alphas'] = JSON.stringify(Array.from(view.alphas));
}

/** One channel's alpha as a bar scaled to the largest |alpha|. */
function bar(channel: number, alpha: number, largest: number): HTMLElement {
  const row = document.createElement('div');
  row.className = 'bar';
  row.dataset['sign'] = alpha < 0 ? 'negative' : 'positive';
  row.dataset['channel'] = String(channel);
  row.dataset['alpha'] = String(alpha);
  const track = document.createElement('span');
  track.className = 'track';
  const fill = document.createElement('i');
  fill.style.width = `${(Math.abs(alpha) / largest) * 100}%`;
  track.append(fill);
  const name = document.createElement('span');
  name.textContent = `k = ${channel}`;
  const value = document.createElement('span');
  value.className = 'value';
  value.textContent = precise(alpha, 3);
  row.append(name, track, value);
  return row;
}

/** The check that CAM and Grad-CAM agree at the layer the pooling reads. */
function drawAgreement(root: HTMLElement, { agreement }: GradCamDetails): void {
  const { layer, z, mapGap, weightGap } = agreement;
  const line = root.querySelector<HTMLElement>('[data-agreement]')!;
  Object.assign(line.dataset, { mapGap: String(mapGap), weightGap: String(weightGap), z: String(z) });
  setMarkup(line, markupOf(t, 'agreement', { layer, z, mapGap: mapGap.toExponential(1), weightGap: weightGap.toExponential(1) }));
}
