import type { Scene } from '~/engine/data/objects.ts';
import { OBJECT_CLASSES } from '~/engine/shared/classes.ts';
import { POINTING_TOLERANCE } from '~/engine/shared/pointing-tolerance.ts';
import { distanceToObject, objectAt } from '~/engine/shared/scene-hits.ts';
import type { MethodMap, SceneExplanation } from '~/engine/tasks/index.ts';
import { fixed, percent } from '~/components/ui/format.ts';
import type { MapFigure } from '~/components/ui/map-view.ts';
import { markPeak } from './cam-parts.ts';

/**
 * Shows the engine's answer to "where is class `asked`?" on a composed scene:
 * each method's map with its peak, whether the peak points at the object
 * (within the course's tolerance, on the exact masks), and the model's top classes.
 */
export function showAnswer(root: HTMLElement, figures: ReadonlyMap<string, MapFigure>, scene: Scene, answer: SceneExplanation, asked: number): void {
  const name = OBJECT_CLASSES[asked]!;
  const verdicts = answer.methods.map((method) => verdict(figures.get(method.id)!, method, scene, asked));
  root.querySelector('[data-verdicts]')!.replaceChildren(...verdicts);
  const ranked = Array.from(answer.probabilities, (p, c) => ({ p, c })).sort((a, b) => b.p - a.p).slice(0, 3);
  root.querySelector('[data-probabilities]')!.textContent =
    `The model's top classes for the whole image: ${ranked.map(({ p, c }) => `${OBJECT_CLASSES[c]} ${percent(p)}`).join(', ')}. p(${name}) = ${percent(answer.probabilities[asked]!)}.`;
  root.dataset['asked'] = String(asked);
}

/** Draws one method's map and peak, marks its figure hit or miss, and says where the peak lies. */
function verdict(figure: MapFigure, method: MethodMap, scene: Scene, asked: number): HTMLLIElement {
  const name = OBJECT_CLASSES[asked]!;
  figure.draw(method.view);
  markPeak(figure, method.view.peak);
  const [row, col] = method.view.peak;
  const on = objectAt(scene, row, col);
  const distance = Math.min(...scene.objects.map((o, i) => (o.classIndex === asked ? distanceToObject(scene, i, row, col) : Infinity)));
  const hit = distance <= POINTING_TOLERANCE;
  Object.assign(figure.canvas.closest<HTMLElement>('[data-map]')!.dataset, { peak: `${row},${col}`, hit: String(hit) });
  const where = on >= 0 ? `on the ${OBJECT_CLASSES[scene.objects[on]!.classIndex]}` : 'on the background';
  const near = on < 0 && hit ? `, ${fixed(distance, 1)} px from the ${name}` : '';
  const item = document.createElement('li');
  item.textContent = `${method.label}: peak at row ${row}, column ${col}, ${where}${near}: ${hit ? `points at the ${name} ✓` : `misses the ${name} ✗`}`;
  return item;
}
