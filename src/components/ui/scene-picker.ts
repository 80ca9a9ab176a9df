import { UNSEEN_STYLE } from '~/engine/data/atlas.ts';
import { sceneAt, type Scene } from '~/engine/data/objects.ts';
import { OBJECTS_SPLITS } from '~/engine/shared/splits.ts';
import type { ImageRef } from '~/engine/shared/state.ts';
import { loadObjectAtlas } from './object-atlas.ts';

/** The scene a scene widget shows before the reader picks one: the first two-object held-out scene. */
export const FIRST_SCENE: ImageRef = { kind: 'dataset', dataset: 'objects-scenes-2', index: 0 };

export interface PickedScene {
  ref: ImageRef;
  scene: Scene;
}

/** Which held-out stream a choice draws from: the same seeds the model cards are measured on. */
function stream(count: number, unseen: boolean): { dataset: string; seed: number } {
  if (unseen) return { dataset: `objects-unseen-${count}`, seed: OBJECTS_SPLITS.unseenStyle.seed };
  if (count === 1) return { dataset: 'objects-held-out-1', seed: OBJECTS_SPLITS.heldOut.seed };
  return { dataset: `objects-scenes-${count}`, seed: OBJECTS_SPLITS.scenes.seed };
}

/** Drives a ScenePicker: index, object count and style in; a regenerated held-out scene out. */
export class ScenePicker {
  private readonly index: HTMLInputElement;
  private readonly count: HTMLSelectElement;
  private readonly unseen: HTMLInputElement;

  constructor(root: HTMLElement, private readonly onPick: (picked: PickedScene) => void) {
    this.index = root.querySelector('[data-scene-index]')!;
    this.count = root.querySelector('[data-scene-count]')!;
    this.unseen = root.querySelector('[data-scene-unseen]')!;
    const step = (delta: number) => {
      this.index.value = String(Math.max(0, (this.index.valueAsNumber || 0) + delta));
      void this.emit();
    };
    root.querySelector('[data-scene-prev]')!.addEventListener('click', () => step(-1));
    root.querySelector('[data-scene-next]')!.addEventListener('click', () => step(1));
    for (const control of [this.index, this.count, this.unseen]) control.addEventListener('change', () => void this.emit());
  }

  /** Shows and emits the scene a state refers to (or the current choice). */
  async select(ref?: ImageRef): Promise<void> {
    if (ref?.kind === 'dataset') {
      const match = /^objects-(held-out|scenes|unseen)-(\d)$/.exec(ref.dataset);
      if (match) {
        this.count.value = match[2]!;
        this.unseen.checked = match[1] === 'unseen';
        this.index.value = String(ref.index);
      }
    }
    await this.emit();
  }

  private async emit(): Promise<void> {
    const count = Number(this.count.value);
    const unseen = this.unseen.checked;
    const index = Math.max(0, this.index.valueAsNumber || 0);
    const { dataset, seed } = stream(count, unseen);
    const atlas = await loadObjectAtlas();
    const scene = sceneAt(atlas, seed, index, { count, ...(unseen ? { styles: [UNSEEN_STYLE] } : {}) });
    this.onPick({ ref: { kind: 'dataset', dataset, index }, scene });
  }
}
