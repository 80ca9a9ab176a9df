import type { Scene } from '~/engine/data/objects.ts';
import { OBJECT_CLASSES } from '~/engine/shared/classes.ts';
import { POINTING_TOLERANCE } from '~/engine/shared/pointing-tolerance.ts';
import { distanceToObject, objectAt } from '~/engine/shared/scene-hits.ts';
import type { MethodMap, SceneExplanation } from '~/engine/tasks/index.ts';
import { fixed, percent } from '~/components/ui/format.ts';
import type { MapFigure } from '~/components/ui/map-view.ts';
import { className } from '~/i18n/classes.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-composer.ts';
import { markPeak } from './cam-parts.ts';

const lang = pageLang();
const t = strings(lang);

/**
 * Shows the engine's answer to "where is class `asked`?" on a composed scene:
 * each method's map with its peak, whether the peak points at the object
 * (within the course's tolerance, on the exact masks), and the model's top classes.
 */
export function showAnswer(root: HTMLElement, figures: ReadonlyMap<string, MapFigure>, scene: Scene, answer: SceneExplanation, asked: number): void {
  const name = className(OBJECT_CLASSES[asked]!, lang);
  const verdicts = answer.methods.map((method) => verdict(figures.get(method.id)!, method, scene, asked));
  root.querySelector('[data-verdicts]')!.replaceChildren(...verdicts);
  const ranked = Array.from(answer.probabilities, (p, c) => ({ p, c }))
    .sort((a, b) => b.p - a.p)
    .slice(0, 3);
  root.querySelector('[data-probabilities]')!.textContent = t('topClasses', {
    classes: ranked.map(({ p, c }) => `${className(OBJECT_CLASSES[c]!, lang)} ${percent(p)}`).join(', '),
    name,
    p: percent(answer.probabilities[asked]!),
  });
  root.dataset['asked'] = String(asked);
}

/** Draws one method's map and peak, marks its figure hit or miss, and says where the peak lies. */
function verdict(figure: MapFigure, method: MethodMap, scene: Scene, asked: number): HTMLLIElement {
  const name = className(OBJECT_CLASSES[asked]!, lang);
  figure.draw(method.view);
  markPeak(figure, method.view.peak);
  const [row, col] = method.view.peak;
  const on = objectAt(scene, row, col);
  const distance = Math.min(...scene.objects.map((o, i) => (o.classIndex === asked ? distanceToObject(scene, i, row, col) : Infinity)));
  const hit = distance <= POINTING_TOLERANCE;
  Object.assign(figure.canvas.closest<HTMLElement>('[data-map]')!.dataset, { peak: `${row},${col}`, hit: String(hit) });
  const vars = { method: method.label, row, col, name };
  const item = document.createElement('li');
  // The peak on an object or on the background; on the background, a hit says how far the object is.
  item.textContent =
    on >= 0
      ? t(hit ? 'onObjectHit' : 'onObjectMiss', { ...vars, on: className(OBJECT_CLASSES[scene.objects[on]!.classIndex]!, lang) })
      : t(hit ? 'nearHit' : 'backgroundMiss', { ...vars, distance: fixed(distance, 1) });
  return item;
}
