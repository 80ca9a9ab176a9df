import { compute } from '~/engine/client.ts';
import type { Scene } from '~/engine/data/objects.ts';
import { isSuperseded } from '~/engine/shared/errors.ts';
import { sceneDataset, sceneStream } from '~/engine/shared/scene-streams.ts';
import type { ImageRef } from '~/engine/shared/state.ts';

export { FIRST_SCENE } from '~/engine/shared/widget-params/images.ts';

export interface PickedScene {
  ref: ImageRef;
  scene: Scene;
  /** When the reader asked for this scene (performance.now()): a choice made after it, while the engine made the scene, is kept. */
  askedAt: number;
}

/** Drives a ScenePicker: index, object count and style in; the held-out scene the engine regenerates out. */
export class ScenePicker {
  private readonly index: HTMLInputElement;
  private readonly count: HTMLSelectElement;
  private readonly unseen: HTMLInputElement;
  /** The engine lane of the picker's scenes: the widget's own, under a name of its own, so a new scene replaces only a scene. */
  private readonly lane: string;

  constructor(root: HTMLElement, private readonly onPick: (picked: PickedScene) => void) {
    this.index = root.querySelector('[data-scene-index]')!;
    this.count = root.querySelector('[data-scene-count]')!;
    this.unseen = root.querySelector('[data-scene-unseen]')!;
    this.lane = `${root.closest('[data-widget]')!.id}/scene`;
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
      const stream = sceneStream(ref.dataset);
      if (stream) {
        this.count.value = String(stream.count);
        this.unseen.checked = stream.unseen;
        this.index.value = String(ref.index);
      }
    }
    await this.emit();
  }

  /** Emits the chosen scene; a choice made while the engine was making this one replaces it, and only the newest is emitted. */
  private async emit(): Promise<void> {
    const askedAt = performance.now();
    const index = Math.max(0, this.index.valueAsNumber || 0);
    const dataset = sceneDataset({ count: Number(this.count.value), unseen: this.unseen.checked });
    try {
      const scene = await compute(this.lane, (tasks) => tasks.datasetScene(dataset, index));
      this.onPick({ ref: { kind: 'dataset', dataset, index }, scene, askedAt });
    } catch (error) {
      if (!isSuperseded(error)) throw error;
    }
  }
}
