import { compute } from '~/engine/client.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import type { PolicyGridView, PolicyName, PolicyTile } from '~/engine/tasks/index.ts';
import { Controls, num, text } from '~/components/ui/controls.ts';
import { fixed } from '~/components/ui/format.ts';
import { FIRST_SCENE, ScenePicker, type PickedScene } from '~/components/ui/scene-picker.ts';
import { drawSample } from '~/components/ui/scene-tile.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { Markup, setMarkup } from '~/components/ui/markup.ts';
import { describeOperation } from './policy-steps.ts';
import { enlargeable } from '~/components/ui/enlarge.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-augment-policy.ts';

const KIND = 'policy-grid';
/** Tiles drawn per task: sixteen at once made one 55-70 ms task on the page's thread (canvas draws and garbage collection). */
const PER_TASK = 2;
const t = strings(pageLang());

/** A seeded grid of 16 augmented copies of one held-out scene under RandAugment(N, M), TrivialAugment or AutoAugment. */
export function mountPolicyGrid(root: HTMLElement): void {
  const q = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  const seed = q<HTMLInputElement>('[data-seed]');
  const controls = new Controls(root, { policy: text('[data-policy]'), n: num('[data-n]'), m: num('[data-m]') });
  let picked: PickedScene | undefined;
  /** Counts the grids asked for, so a grid still being drawn stops when a newer one arrives. */
  let asked = 0;
  const state = (): WidgetState => ({ widget: KIND, image: picked?.ref ?? FIRST_SCENE, params: controls.values(), seed: seed.valueAsNumber || 0 });
  const shell = new WidgetShell(root, KIND, state);

  async function update(): Promise<void> {
    const { policy, n, m } = controls.values();
    const rand = policy === 'rand-augment';
    q<HTMLInputElement>('[data-n]').disabled = !rand;
    q<HTMLInputElement>('[data-m]').disabled = !rand;
    q('[data-n-out]').textContent = String(n);
    q('[data-m-out]').textContent = String(m);
    const ref = picked?.ref;
    if (ref?.kind !== 'dataset') return;
    const current = seed.valueAsNumber || 0;
    const params = { policy: policy as PolicyName, n, m };
    const ticket = ++asked;
    const view = await shell.run(() => compute(root.id, (tasks) => tasks.augmentGrid(ref.dataset, ref.index, params, current)));
    if (!view) return;
    showSpace(q('[data-space]'), view, params);
    if (!(await drawGrid(q('[data-grid]'), view, () => ticket === asked))) return;
    root.dataset['drawn'] = JSON.stringify({ ...ref, ...params, seed: current });
  }

  controls.onChange(() => void update());
  seed.addEventListener('change', () => void update());
  q('[data-reseed]').addEventListener('click', () => {
    seed.value = String((seed.valueAsNumber || 0) + 1);
    void update();
  });
  const restored = shell.restore();
  if (restored) seed.value = String(restored.seed);
  controls.restore(restored?.params);
  const picker = new ScenePicker(q('[data-scene-picker]'), (next) => {
    picked = next;
    void update();
  });
  shell.start(t('policy.loading'), picker.select(restored?.image));
}

/** Replaces the tiles a few per task, in place; false when a newer grid was asked for meanwhile. */
async function drawGrid(grid: HTMLElement, view: PolicyGridView, current: () => boolean): Promise<boolean> {
  for (let k = 0; k < view.tiles.length; k += PER_TASK) {
    if (k > 0) await new Promise((resolve) => setTimeout(resolve, 0));
    if (!current()) return false;
    view.tiles.slice(k, k + PER_TASK).forEach((tile, j) => {
      const item = tileItem(tile, k + j);
      const old = grid.children[k + j];
      if (old) old.replaceWith(item);
      else grid.append(item);
    });
  }
  while (grid.children.length > view.tiles.length) grid.lastElementChild!.remove();
  return true;
}

/** One tile: the augmented scene with its masks and both boxes, and the operations drawn for it. */
function tileItem(tile: PolicyTile, k: number): HTMLLIElement {
  const item = document.createElement('li');
  item.dataset['plan'] = JSON.stringify(tile.operations);
  item.dataset['subPolicy'] = String(tile.subPolicy ?? '');
  const figure = document.createElement('figure');
  const canvas = document.createElement('canvas');
  drawSample(canvas, tile.sample, { scale: 2, masks: true, boxes: true, maskBoxes: tile.maskBoxes });
  const lines = tile.operations.map((drawn) => describeOperation(drawn, tile.sample.size));
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', t('policy.draw', { k: k + 1, operations: lines.join(', ') || t('policy.noOperation') }));
  const caption = document.createElement('figcaption');
  const list = document.createElement('ol');
  list.append(...lines.map((line) => Object.assign(document.createElement('li'), { textContent: line })));
  if (tile.subPolicy !== null) caption.append(t('policy.subPolicy', { n: tile.subPolicy + 1 }));
  if (!lines.length) caption.append(Object.assign(document.createElement('span'), { className: 'none', textContent: t('policy.nothing') }));
  caption.append(list);
  figure.append(enlargeable(canvas), caption);
  item.append(figure);
  return item;
}

/** How many settings each policy leaves to choose: the point of the lesson in one line. */
function showSpace(line: HTMLElement, view: PolicyGridView, { policy, n, m }: { policy: PolicyName; n: number; m: number }): void {
  // The strings' markup is the module's own (<sup>); the values filled in are numbers.
  const exp = fixed(view.autoAugmentSpaceLog10, 1);
  const text: Record<PolicyName, string> = {
    'rand-augment': t(n === 1 ? 'policy.spaceRandOne' : 'policy.spaceRand', { n, m, exp }),
    'trivial-augment': t('policy.spaceTrivial', { exp }),
    'auto-augment': t('policy.spaceAuto', { exp }),
  };
  setMarkup(line, new Markup(text[policy]));
  line.dataset['autoAugmentLog10'] = String(view.autoAugmentSpaceLog10);
}
