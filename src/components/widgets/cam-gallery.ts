import { compute } from '~/engine/client.ts';
import { OBJECT_CLASSES } from '~/engine/shared/classes.ts';
import type { Scene } from '~/engine/data/objects.ts';
import { OBJECTS_SPLITS } from '~/engine/shared/splits.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import type { OverlayView } from '~/engine/tasks/index.ts';
import { CLASS_COLOURS, drawScene, outlineMask } from '~/components/ui/scene-tile.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { enlargeable } from '~/components/ui/enlarge.ts';
import { className } from '~/i18n/classes.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-cam.ts';

const KIND = 'cam-gallery';
const SCALE = 3;
const lang = pageLang();
const t = strings(lang);

interface Explained {
  scene: Scene;
  maps: { classIndex: number; mask: Uint8Array; cam: OverlayView }[];
}

/**
 * Held-out pointing-game scenes (the split the model card measures) with the
 * CAM of every object's class laid over the image, its true mask outlined and
 * the CAM's peak marked.
 */
export function mountCamGallery(root: HTMLElement): void {
  const first = root.querySelector<HTMLInputElement>('[data-first]')!;
  const rows = root.querySelector<HTMLOListElement>('[data-rows]')!;
  const count = Number(root.querySelector<HTMLElement>('[data-count]')!.dataset['count']);
  const state = (): WidgetState => ({ widget: KIND, params: { first: first.valueAsNumber || 0 }, seed: OBJECTS_SPLITS.scenes.seed });
  const shell = new WidgetShell(root, KIND, state);

  async function update(): Promise<void> {
    const start = Math.max(0, first.valueAsNumber || 0);
    const explained = await shell.run(() =>
      compute(root.id, async (tasks) => {
        const out: Explained[] = [];
        for (const scene of await tasks.pointingScenes(start, count)) {
          const maps = [];
          for (const object of scene.objects) {
            const { methods } = await tasks.explainScene(scene.image, object.classIndex);
            maps.push({ classIndex: object.classIndex, mask: object.mask, cam: methods.find((m) => m.id === 'cam')!.view });
          }
          out.push({ scene, maps });
        }
        return out;
      }),
    );
    if (explained) rows.replaceChildren(...explained.map(row));
  }

  root.querySelector('[data-more]')!.addEventListener('click', () => {
    first.value = String((first.valueAsNumber || 0) + count);
    void update();
  });
  first.addEventListener('change', () => void update());
  const restored = shell.restore();
  if (restored) first.value = String(restored.params['first'] ?? 0);
  void update();
}

function row({ scene, maps }: Explained): HTMLLIElement {
  const item = document.createElement('li');
  const original = document.createElement('canvas');
  drawScene(original, scene, { scale: SCALE, masks: true, boxes: false });
  item.append(figure(original, scene.objects.map((o) => className(OBJECT_CLASSES[o.classIndex], lang)).join(', ')));
  for (const { classIndex, mask, cam } of maps) {
    const canvas = document.createElement('canvas');
    const hit = drawCam(canvas, cam, mask, CLASS_COLOURS[classIndex]!);
    const caption = figure(canvas, t('objectCaption', { name: className(OBJECT_CLASSES[classIndex], lang) }));
    const verdict = document.createElement('span');
    verdict.className = hit ? 'hit' : 'miss';
    verdict.textContent = hit ? t('hit') : t('miss');
    caption.querySelector('figcaption')!.append(verdict);
    canvas.setAttribute('aria-label', t('camFor', { caption: caption.textContent ?? '' }));
    caption.dataset['hit'] = String(hit);
    item.append(caption);
  }
  return item;
}

function figure(canvas: HTMLCanvasElement, text: string): HTMLElement {
  const element = document.createElement('figure');
  const caption = document.createElement('figcaption');
  caption.textContent = text;
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', text);
  element.append(enlargeable(canvas), caption);
  return element;
}

/** Draws the CAM overlay, the mask outline in the class colour and a cross at the peak; returns whether the peak hits the mask. */
function drawCam(canvas: HTMLCanvasElement, view: OverlayView, mask: Uint8Array, colour: string): boolean {
  const { width, height } = view;
  canvas.width = width * SCALE;
  canvas.height = height * SCALE;
  const context = canvas.getContext('2d')!;
  context.imageSmoothingEnabled = false;
  const source = new OffscreenCanvas(width, height);
  source.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(view.rgba), width, height), 0, 0);
  context.drawImage(source, 0, 0, canvas.width, canvas.height);
  outlineMask(context, mask, width, SCALE, colour);
  const [py, px] = view.peak;
  context.strokeStyle = '#ffffff';
  context.lineWidth = 2;
  const cx = (px + 0.5) * SCALE;
  const cy = (py + 0.5) * SCALE;
  context.beginPath();
  context.moveTo(cx - 7, cy);
  context.lineTo(cx + 7, cy);
  context.moveTo(cx, cy - 7);
  context.lineTo(cx, cy + 7);
  context.stroke();
  return mask[py * width + px] === 1;
}
