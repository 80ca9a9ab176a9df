import { compute } from '~/engine/client.ts';
import type { PlacedObject } from '~/engine/data/compose.ts';
import type { Scene } from '~/engine/data/objects.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import { isLayout, START_LAYOUT } from '~/engine/shared/widget-params/explain.ts';
import { MapFigure } from '~/components/ui/map-view.ts';
import { ModelMenu } from '~/components/ui/model-menu.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-composer.ts';
import { showAnswer } from './composer-answer.ts';
import { MAX_OBJECTS, renderObjects, renderQuestions } from './composer-lists.ts';
import { ComposerStage } from './composer-stage.ts';

const KIND = 'scene-composer';
const SIZE = 26;
const t = strings(pageLang());

/** Drag 1-3 objects onto a background, then ask each CAM-family method where one class is. */
export function mountSceneComposer(root: HTMLElement): void {
  const composer = new SceneComposer(root);
  const bg = composer.bg;
  root.querySelector('[data-add]')!.addEventListener('click', () => {
    const chosen = root.querySelector<HTMLSelectElement>('[data-add-class]')!.value;
    if (chosen) composer.add(Number(chosen));
  });
  const stepBackground = (delta: number) => {
    bg.value = String(Math.max(0, (bg.valueAsNumber || 0) + delta));
    void composer.recompose();
  };
  root.querySelector('[data-bg-prev]')!.addEventListener('click', () => stepBackground(-1));
  root.querySelector('[data-bg-next]')!.addEventListener('click', () => stepBackground(1));
  bg.addEventListener('change', () => void composer.recompose());
  composer.shell.say(t('loading'));
  composer.start().catch((error: unknown) => composer.shell.fail(error));
}

/** A layout param ([class, x, y, size] per object, back to front) as the objects it places. */
function placed(flat: readonly number[]): PlacedObject[] {
  return Array.from({ length: flat.length / 4 }, (_, i) => ({
    classIndex: flat[4 * i]!,
    cx: flat[4 * i + 1]!,
    cy: flat[4 * i + 2]!,
    longest: flat[4 * i + 3]!,
  }));
}

/**
 * The composer's state and flow: the layout the reader makes, the scene the
 * engine composes from it (in the widget's scene lane, where the latest layout
 * wins while an object is dragged), and the class the model is asked about.
 */
class SceneComposer {
  readonly bg: HTMLInputElement;
  readonly shell: WidgetShell;
  private readonly menu: ModelMenu;
  private readonly stage: ComposerStage;
  private readonly figures: ReadonlyMap<string, MapFigure>;
  private objects = placed(START_LAYOUT);
  private scene: Scene | undefined;
  private asked = this.objects[0]!.classIndex;

  constructor(private readonly root: HTMLElement) {
    this.bg = root.querySelector('[data-bg]')!;
    this.figures = new Map(['cam', 'grad-cam', 'grad-cam-plus-plus'].map((id) => [id, new MapFigure(root.querySelector(`[data-map="${id}"]`)!)]));
    this.shell = new WidgetShell(root, KIND, () => this.state());
    this.menu = new ModelMenu(root.querySelector('[data-model-menu]')!, this.shell, () => void this.explain());
    this.stage = new ComposerStage(
      root.querySelector('[data-stage]')!,
      () => this.objects,
      () => this.scene,
      (index, cx, cy) => this.move(index, cx, cy),
      () => {
        this.renderList();
        if (this.scene) this.stage.draw(this.scene);
      },
    );
  }

  /** Takes the layout, background, class and model a link or an earlier visit left, then composes the scene. */
  async start(): Promise<void> {
    const restored = this.shell.restore();
    if (restored) this.restore(restored);
    await this.menu.start(restored?.model);
    await this.recompose();
  }

  private restore(restored: WidgetState): void {
    const saved = restored.params['objects'];
    if (Array.isArray(saved) && isLayout(saved)) this.objects = placed(saved);
    this.bg.value = String(restored.params['background'] ?? 3);
    this.asked = restored.class ?? this.objects[0]!.classIndex;
  }

  add(classIndex: number): void {
    if (this.objects.length < MAX_OBJECTS) this.change([...this.objects, { classIndex, cx: 32, cy: 32, longest: SIZE }], this.objects.length);
  }

  /** The lists follow the layout at once; the stage and the answers once the engine has composed it. */
  async recompose(): Promise<void> {
    if (!this.objects.some((o) => o.classIndex === this.asked)) this.asked = this.objects[0]!.classIndex;
    this.renderList();
    renderQuestions(this.root, this.objects, this.asked, (classIndex) => this.ask(classIndex));
    const composition = { background: this.bg.valueAsNumber || 0, objects: this.objects };
    try {
      this.scene = await compute(`${this.root.id}/scene`, (tasks) => tasks.composedScene(composition));
    } catch (error) {
      this.shell.fail(error);
      return;
    }
    this.stage.draw(this.scene);
    void this.explain();
  }

  private state(): WidgetState {
    const objects = this.objects.flatMap((o) => [o.classIndex, o.cx, o.cy, o.longest]);
    return { widget: KIND, class: this.asked, model: this.menu.value, params: { background: this.bg.valueAsNumber || 0, objects }, seed: 1 };
  }

  private move(index: number, cx: number, cy: number): void {
    const object = this.objects[index];
    if (!object || (object.cx === cx && object.cy === cy)) return;
    this.change(
      this.objects.map((o, i) => (i === index ? { ...o, cx, cy } : o)),
      this.stage.selected,
    );
  }

  private remove(index: number): void {
    this.change(
      this.objects.filter((_, i) => i !== index),
      Math.min(this.stage.selected, this.objects.length - 2),
    );
  }

  private change(objects: PlacedObject[], selected: number): void {
    this.objects = objects;
    this.stage.selected = selected;
    void this.recompose();
  }

  private ask(classIndex: number): void {
    this.asked = classIndex;
    renderQuestions(this.root, this.objects, this.asked, (c) => this.ask(c));
    void this.explain();
  }

  private renderList(): void {
    const pick = (index: number) => {
      this.stage.select(index);
      this.stage.canvas.focus();
    };
    renderObjects(this.root, this.objects, this.stage.selected, pick, (index) => this.remove(index));
  }

  private async explain(): Promise<void> {
    const scene = this.scene;
    if (!scene) return;
    const asked = this.asked;
    const model = this.menu.value;
    const answer = await this.shell.run(() => compute(this.root.id, (tasks) => tasks.explainScene(scene.image, asked, model)));
    if (!answer || scene !== this.scene || asked !== this.asked || model !== this.menu.value) return;
    showAnswer(this.root, this.figures, scene, answer, asked);
    // The model and its exact p(asked), for readers who inspect the page and for the tests.
    Object.assign(this.root.dataset, { model, probability: String(answer.probabilities[asked]) });
  }
}
