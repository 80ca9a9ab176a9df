import { UNSEEN_STYLE } from '~/engine/data/atlas.ts';
import { OBJECT_CLASSES } from '~/engine/shared/classes.ts';
import { sceneAt, type Scene } from '~/engine/data/objects.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import { loadObjectAtlas } from '~/components/ui/object-atlas.ts';
import { CLASS_COLOURS, drawScene } from '~/components/ui/scene-tile.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';

const KIND = 'objects-gallery';
/** Gallery streams are offset from every training and evaluation seed (those are >= 1000). */
const GALLERY_SEED = 500_000;

/** A grid of freshly generated Glassbox Objects, drawn with their exact masks and boxes. */
export function mountObjectsGallery(root: HTMLElement): void {
  const seed = root.querySelector<HTMLInputElement>('[data-seed]')!;
  const objects = root.querySelector<HTMLSelectElement>('[data-objects]')!;
  const style = root.querySelector<HTMLSelectElement>('[data-style]')!;
  const masks = root.querySelector<HTMLInputElement>('[data-masks]')!;
  const boxes = root.querySelector<HTMLInputElement>('[data-boxes]')!;
  const grid = root.querySelector<HTMLOListElement>('[data-grid]')!;
  const count = Number(root.querySelector<HTMLElement>('[data-count]')!.dataset['count']);
  const state = (): WidgetState => ({
    widget: KIND,
    params: { objects: Number(objects.value), style: style.value, masks: masks.checked, boxes: boxes.checked },
    seed: seed.valueAsNumber || 0,
  });
  const shell = new WidgetShell(root, KIND, state);
  let scenes: Scene[] = [];

  async function generate(): Promise<void> {
    const { params, seed: current } = state();
    const result = await shell.run(async () => {
      const atlas = await loadObjectAtlas();
      const options = { count: params['objects'] as number, ...(params['style'] === 'unseen' ? { styles: [UNSEEN_STYLE] } : {}) };
      return Array.from({ length: count }, (_, i) => sceneAt(atlas, GALLERY_SEED + current, i, options));
    });
    if (!result) return;
    scenes = result;
    draw();
  }

  function draw(): void {
    grid.replaceChildren(
      ...scenes.map((scene) => {
        const item = document.createElement('li');
        const figure = document.createElement('figure');
        const canvas = document.createElement('canvas');
        const names = scene.objects.map((o) => OBJECT_CLASSES[o.classIndex]).join(', ');
        canvas.setAttribute('role', 'img');
        canvas.setAttribute('aria-label', `Generated image containing ${names}`);
        drawScene(canvas, scene, { scale: 3, masks: masks.checked, boxes: boxes.checked });
        const caption = document.createElement('figcaption');
        for (const object of scene.objects) {
          const swatch = document.createElement('b');
          swatch.style.background = CLASS_COLOURS[object.classIndex]!;
          caption.append(swatch, `${OBJECT_CLASSES[object.classIndex]} `);
        }
        figure.append(canvas, caption);
        item.append(figure);
        return item;
      }),
    );
  }

  root.querySelector('[data-next]')!.addEventListener('click', () => {
    seed.value = String((seed.valueAsNumber || 0) + 1);
    void generate();
  });
  for (const control of [seed, objects, style]) control.addEventListener('change', () => void generate());
  for (const toggle of [masks, boxes]) toggle.addEventListener('change', () => {
    draw();
    shell.store.save(state());
  });
  const restored = shell.restore();
  if (restored) {
    seed.value = String(restored.seed);
    objects.value = String(restored.params['objects'] ?? 3);
    style.value = String(restored.params['style'] ?? 'train');
    masks.checked = restored.params['masks'] !== false;
    boxes.checked = restored.params['boxes'] === true;
  }
  void generate();
}
