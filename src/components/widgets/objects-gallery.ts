import { compute } from '~/engine/client.ts';
import { OBJECT_CLASSES } from '~/engine/shared/classes.ts';
import type { Scene } from '~/engine/data/objects.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import { Controls, flag, num, text } from '~/components/ui/controls.ts';
import { CLASS_COLOURS, drawScene, type TileOptions } from '~/components/ui/scene-tile.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { className } from '~/i18n/classes.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-objects.ts';

const KIND = 'objects-gallery';
const lang = pageLang();
const t = strings(lang);

/** A grid of freshly generated Glassbox Objects, drawn with their exact masks and boxes. */
export function mountObjectsGallery(root: HTMLElement): void {
  const seed = root.querySelector<HTMLInputElement>('[data-seed]')!;
  const controls = new Controls(root, {
    objects: num('[data-objects]'),
    style: text('[data-style]'),
    masks: flag('[data-masks]'),
    boxes: flag('[data-boxes]'),
  });
  const grid = root.querySelector<HTMLOListElement>('[data-grid]')!;
  const count = Number(root.querySelector<HTMLElement>('[data-count]')!.dataset['count']);
  const state = (): WidgetState => ({ widget: KIND, params: controls.values(), seed: seed.valueAsNumber || 0 });
  const shell = new WidgetShell(root, KIND, state);
  let scenes: Scene[] = [];

  async function generate(): Promise<void> {
    const { objects, style } = controls.values();
    const current = seed.valueAsNumber || 0;
    const result = await shell.run(() => compute(root.id, (tasks) => tasks.galleryScenes(current, count, { count: objects, unseen: style === 'unseen' })));
    if (!result) return;
    scenes = result;
    draw();
  }

  function draw(): void {
    const { masks, boxes } = controls.values();
    grid.replaceChildren(...scenes.map((scene) => tile(scene, { scale: 3, masks, boxes })));
  }

  root.querySelector('[data-next]')!.addEventListener('click', () => {
    seed.value = String((seed.valueAsNumber || 0) + 1);
    void generate();
  });
  seed.addEventListener('change', () => void generate());
  controls.onChange(() => void generate(), ['objects', 'style']);
  controls.onChange(() => {
    draw();
    shell.store.save(state());
  }, ['masks', 'boxes']);
  const restored = shell.restore();
  if (restored) seed.value = String(restored.seed);
  controls.restore(restored?.params);
  void generate();
}

/** One gallery tile: the scene with its outlines, and a caption naming its objects beside their colours. */
function tile(scene: Scene, options: TileOptions): HTMLLIElement {
  const item = document.createElement('li');
  const figure = document.createElement('figure');
  const canvas = document.createElement('canvas');
  const names = scene.objects.map((o) => className(OBJECT_CLASSES[o.classIndex]!, lang)).join(', ');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', t('tileLabel', { names }));
  drawScene(canvas, scene, options);
  const caption = document.createElement('figcaption');
  for (const object of scene.objects) {
    const swatch = document.createElement('b');
    swatch.style.background = CLASS_COLOURS[object.classIndex]!;
    caption.append(swatch, `${className(OBJECT_CLASSES[object.classIndex]!, lang)} `);
  }
  figure.append(canvas, caption);
  item.append(figure);
  return item;
}
