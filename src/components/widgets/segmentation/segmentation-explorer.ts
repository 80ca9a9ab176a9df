import { compute } from '~/engine/client.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import type { SegmentationView } from '~/engine/tasks/index.ts';
import { fixed, percent } from '~/components/ui/format.ts';
import { rgbImageData } from '~/components/ui/scene-tile.ts';
import { LABELS, paintLabels } from './label-map.ts';
import { FIRST_SCENE, ScenePicker, type PickedScene } from '~/components/ui/scene-picker.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { className } from '~/i18n/classes.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-segmentation.ts';

const KIND = 'segmentation-explorer';
const lang = pageLang();
const t = strings(lang);

/** objects-segmenter on a held-out scene: the true and predicted label maps side by side, and IoU per label. */
export function mountSegmentationExplorer(root: HTMLElement): void {
  const canvas = (name: string) => root.querySelector<HTMLCanvasElement>(`[data-map="${name}"]`)!;
  const errors = root.querySelector<HTMLInputElement>('[data-errors]')!;
  let picked: PickedScene | undefined;
  let view: SegmentationView | undefined;
  const state = (): WidgetState => ({ widget: KIND, image: picked?.ref ?? FIRST_SCENE, params: { errors: errors.checked }, seed: 1 });
  const shell = new WidgetShell(root, KIND, state);

  async function update(): Promise<void> {
    if (!picked) return;
    const { scene } = picked;
    const objects = scene.objects.map(({ classIndex, mask }) => ({ classIndex, mask }));
    const result = await shell.run(() => compute(root.id, (tasks) => tasks.segmentScene(scene.image, objects)));
    if (!result) return;
    view = result;
    const image = canvas('image').getContext('2d')!;
    canvas('image').width = canvas('image').height = scene.size;
    image.putImageData(rgbImageData(scene.image, scene.size), 0, 0);
    draw();
    describe(root, result);
  }

  /** The two label maps; with "only the wrong pixels", every right pixel of the prediction is dimmed to the image. */
  function draw(): void {
    if (!view || !picked) return;
    const { size, image } = picked.scene;
    paintLabels(canvas('truth'), view.truth, size);
    paintLabels(canvas('predicted'), view.labels, size, errors.checked ? (p) => view!.labels[p] === view!.truth[p] : undefined, image);
  }

  errors.addEventListener('change', () => {
    draw();
    shell.store.save(state());
  });
  const restored = shell.restore();
  if (restored) errors.checked = restored.params['errors'] === true;
  const picker = new ScenePicker(root.querySelector('[data-scene-picker]')!, (next) => {
    picked = next;
    void update();
  });
  shell.start(t('loading'), picker.select(restored?.image));
}

/** IoU per label present in either map, the mean over the classes, and the numbers in data-* for readers and tests. */
function describe(root: HTMLElement, view: SegmentationView): void {
  const rows = LABELS.flatMap((name, k) => {
    if (Number.isNaN(view.iou[k]!)) return [];
    const tr = document.createElement('tr');
    tr.dataset['label'] = String(k);
    tr.dataset['iou'] = String(view.iou[k]);
    const cells = [className(name, lang), String(view.truePixels[k]), String(view.predictedPixels[k]), String(view.bothPixels[k]), fixed(view.iou[k]!, 3)];
    for (const text of cells) tr.append(Object.assign(document.createElement('td'), { textContent: text }));
    return [tr];
  });
  root.querySelector('[data-rows]')!.replaceChildren(...rows);
  root.querySelector<HTMLElement>('[data-score]')!.textContent = t('score', { iou: fixed(view.meanIoU, 3), accuracy: percent(view.pixelAccuracy) });
  Object.assign(root.dataset, { labels: JSON.stringify(Array.from(view.labels)), meanIou: String(view.meanIoU) });
}
