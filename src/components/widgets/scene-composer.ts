import { compute } from '~/engine/client.ts';
import { OBJECT_CLASSES } from '~/engine/shared/classes.ts';
import { composeScene, distanceToObject, objectAt, type PlacedObject } from '~/engine/data/compose.ts';
import type { ObjectAtlas } from '~/engine/data/atlas.ts';
import type { Scene } from '~/engine/data/objects.ts';
import { POINTING_TOLERANCE } from '~/engine/shared/pointing-tolerance.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import type { SceneExplanation } from '~/engine/tasks/index.ts';
import { MapFigure } from '~/components/ui/map-view.ts';
import { loadObjectAtlas } from '~/components/ui/object-atlas.ts';
import { CLASS_COLOURS } from '~/components/ui/scene-tile.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { markPeak } from './cam-parts.ts';
import { ComposerStage } from './composer-stage.ts';

const KIND = 'scene-composer';
const MAX_OBJECTS = 3;
const SIZE = 26;
/** The layout the lesson starts from: a cat at the top left, a car at the bottom right. */
const START: PlacedObject[] = [
  { classIndex: 0, cx: 18, cy: 19, longest: SIZE },
  { classIndex: 4, cx: 45, cy: 45, longest: SIZE },
];

/** Drag 1-3 objects onto a background, then ask each CAM-family method where one class is. */
export function mountSceneComposer(root: HTMLElement): void {
  const q = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  const bg = q<HTMLInputElement>('[data-bg]');
  const addClass = q<HTMLSelectElement>('[data-add-class]');
  const addButton = q<HTMLButtonElement>('[data-add]');
  const figures = new Map(['cam', 'grad-cam', 'grad-cam-plus-plus'].map((id) => [id, new MapFigure(q(`[data-map="${id}"]`))]));
  let atlas: ObjectAtlas | undefined;
  let objects: PlacedObject[] = START.map((o) => ({ ...o }));
  let scene: Scene | undefined;
  let asked = START[0]!.classIndex;
  const state = (): WidgetState => ({
    widget: KIND,
    class: asked,
    params: { background: bg.valueAsNumber || 0, objects: objects.flatMap((o) => [o.classIndex, o.cx, o.cy, o.longest]) },
    seed: 1,
  });
  const shell = new WidgetShell(root, KIND, state);
  const stage = new ComposerStage(q('[data-stage]'), () => objects, () => scene, move, () => {
    renderList();
    if (scene) stage.draw(scene);
  });

  function move(index: number, cx: number, cy: number): void {
    const object = objects[index];
    if (!object || (object.cx === cx && object.cy === cy)) return;
    objects[index] = { ...object, cx, cy };
    recompose();
  }

  function button(text: string, onClick: () => void, label?: string): HTMLButtonElement {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    if (label) b.setAttribute('aria-label', label);
    b.addEventListener('click', onClick);
    return b;
  }

  function renderList(): void {
    const items = objects.map((o, i) => {
      const item = document.createElement('li');
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.background = CLASS_COLOURS[o.classIndex]!;
      const name = OBJECT_CLASSES[o.classIndex]!;
      const pick = button(`${name} at (${o.cx}, ${o.cy})`, () => { stage.select(i); stage.canvas.focus(); });
      pick.setAttribute('aria-describedby', q<HTMLElement>('[data-objects]').dataset['hint']!);
      pick.setAttribute('aria-pressed', String(stage.selected === i));
      const remove = button('×', () => removeObject(i), `Remove the ${name}`);
      remove.disabled = objects.length === 1;
      item.append(swatch, pick, remove);
      return item;
    });
    q('[data-objects]').replaceChildren(...items);
    const present = new Set(objects.map((o) => o.classIndex));
    addClass.replaceChildren(...OBJECT_CLASSES.flatMap((name, c) => (present.has(c) ? [] : [new Option(name, String(c))])));
    addButton.disabled = objects.length >= MAX_OBJECTS;
  }

  function removeObject(index: number): void {
    objects = objects.filter((_, i) => i !== index);
    stage.selected = Math.min(stage.selected, objects.length - 1);
    recompose();
  }

  function renderQuestions(): void {
    if (!objects.some((o) => o.classIndex === asked)) asked = objects[0]!.classIndex;
    const buttons = objects.map((o) => {
      const b = button(`Where is the ${OBJECT_CLASSES[o.classIndex]}?`, () => ask(o.classIndex));
      b.dataset['class'] = String(o.classIndex);
      b.setAttribute('aria-pressed', String(o.classIndex === asked));
      return b;
    });
    q('[data-questions]').replaceChildren(...buttons);
  }

  function ask(classIndex: number): void {
    asked = classIndex;
    renderQuestions();
    void explain();
  }

  function recompose(): void {
    if (!atlas) return;
    scene = composeScene(atlas, { background: bg.valueAsNumber || 0, objects });
    stage.draw(scene);
    renderList();
    renderQuestions();
    void explain();
  }

  function showAnswer(current: Scene, answer: SceneExplanation): void {
    const name = OBJECT_CLASSES[asked]!;
    const verdicts = answer.methods.map((method) => {
      const figure = figures.get(method.id)!;
      figure.draw(method.view);
      markPeak(figure, method.view.peak);
      const [row, col] = method.view.peak;
      const on = objectAt(current, row, col);
      const distance = Math.min(...current.objects.map((o, i) => (o.classIndex === asked ? distanceToObject(current, i, row, col) : Infinity)));
      const hit = distance <= POINTING_TOLERANCE;
      Object.assign(figure.canvas.closest<HTMLElement>('[data-map]')!.dataset, { peak: `${row},${col}`, hit: String(hit) });
      const where = on >= 0 ? `on the ${OBJECT_CLASSES[current.objects[on]!.classIndex]}` : 'on the background';
      const near = on < 0 && hit ? `, ${distance.toFixed(1)} px from the ${name}` : '';
      const item = document.createElement('li');
      item.textContent = `${method.label}: peak at row ${row}, column ${col}, ${where}${near}: ${hit ? `points at the ${name} ✓` : `misses the ${name} ✗`}`;
      return item;
    });
    q('[data-verdicts]').replaceChildren(...verdicts);
    const ranked = Array.from(answer.probabilities, (p, c) => ({ p, c })).sort((a, b) => b.p - a.p).slice(0, 3);
    q('[data-probabilities]').textContent =
      `The model's top classes for the whole image: ${ranked.map(({ p, c }) => `${OBJECT_CLASSES[c]} ${(p * 100).toFixed(1)}%`).join(', ')}. p(${name}) = ${(answer.probabilities[asked]! * 100).toFixed(1)}%.`;
    root.dataset['asked'] = String(asked);
  }

  async function explain(): Promise<void> {
    const current = scene;
    if (!current) return;
    const c = asked;
    const answer = await shell.run(() => compute(root.id, (tasks) => tasks.explainScene(current.image, c)));
    if (answer && current === scene && c === asked) showAnswer(current, answer);
  }

  addButton.addEventListener('click', () => {
    if (objects.length >= MAX_OBJECTS || !addClass.value) return;
    objects = [...objects, { classIndex: Number(addClass.value), cx: 32, cy: 32, longest: SIZE }];
    stage.selected = objects.length - 1;
    recompose();
  });
  const stepBackground = (delta: number) => {
    bg.value = String(Math.max(0, (bg.valueAsNumber || 0) + delta));
    recompose();
  };
  q('[data-bg-prev]').addEventListener('click', () => stepBackground(-1));
  q('[data-bg-next]').addEventListener('click', () => stepBackground(1));
  bg.addEventListener('change', () => recompose());

  const restored = shell.restore();
  const flat = restored?.params['objects'];
  const layout = Array.isArray(flat) && flat.length % 4 === 0 ? Array.from({ length: flat.length / 4 }, (_, i) => ({ classIndex: flat[4 * i]!, cx: flat[4 * i + 1]!, cy: flat[4 * i + 2]!, longest: flat[4 * i + 3]! })) : [];
  // A hand-edited link could name any numbers: keep it only if it is a layout the composer itself could make.
  const valid = layout.length >= 1 && layout.length <= MAX_OBJECTS && new Set(layout.map((o) => o.classIndex)).size === layout.length &&
    layout.every((o) => Number.isInteger(o.classIndex) && o.classIndex >= 0 && o.classIndex < OBJECT_CLASSES.length && [o.cx, o.cy].every((v) => v >= 0 && v <= 64) && o.longest === SIZE);
  // A state without a layout keeps the starting one (and its own background and class).
  if (restored && valid) objects = layout;
  else if (restored && flat !== undefined) shell.notice('The saved layout could not be used; showing the starting scene.');
  if (restored) {
    bg.value = String(restored.params['background'] ?? 3);
    asked = restored.class ?? objects[0]!.classIndex;
  }
  shell.say('Loading the objects, the engine and the model…');
  loadObjectAtlas()
    .then((loaded) => {
      atlas = loaded;
      recompose();
    })
    .catch((error: Error) => shell.say(error.message, 'error'));
}
