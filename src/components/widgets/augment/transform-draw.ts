import { fixed, percent } from '~/components/ui/format.ts';
import { escapeHtml, Markup, setMarkup } from '~/components/ui/markup.ts';
import { OBJECT_CLASSES } from '~/engine/shared/classes.ts';
import { transformLabel, type Knob } from '~/engine/shared/augment-knobs.ts';
import type { TransformLabView } from '~/engine/tasks/index.ts';
import { className } from '~/i18n/classes.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-augment-policy.ts';

type Matrix = NonNullable<TransformLabView['matrices']['total']>;
const lang = pageLang();
const t = strings(lang);

/** A 3x3 row-major matrix as a bracketed table of numbers, with a caption. */
function matrixFigure(m: Matrix, caption: string): HTMLElement {
  const figure = document.createElement('figure');
  const table = document.createElement('table');
  table.setAttribute(
    'aria-label',
    t('transform.matrixRows', {
      caption,
      rows: [0, 1, 2]
        .map((r) =>
          m
            .slice(3 * r, 3 * r + 3)
            .map((v) => fixed(v, 3))
            .join(', '),
        )
        .join('; '),
    }),
  );
  for (let r = 0; r < 3; r++) {
    const row = table.insertRow();
    for (let c = 0; c < 3; c++) row.insertCell().textContent = fixed(m[3 * r + c]!, 3);
  }
  const label = document.createElement('figcaption');
  label.textContent = caption;
  figure.append(table, label);
  return figure;
}

function word(text: string): HTMLElement {
  const span = document.createElement('span');
  span.textContent = text;
  return span;
}

/** The matrices the sample was moved by: the transform's, or flip · transform = the product, or a note for image-only transforms. */
export function drawMatrices(target: HTMLElement, { matrices }: TransformLabView, knob: Knob): void {
  const { first, flip, total } = matrices;
  const label = transformLabel(knob, lang);
  const name = label.toLowerCase();
  if (first && flip)
    target.replaceChildren(matrixFigure(flip, t('transform.flip')), word('·'), matrixFigure(first, `A (${name})`), word('='), matrixFigure(total!, 'M = F·A'));
  else if (total) target.replaceChildren(matrixFigure(total, flip ? t('transform.flipOnly') : `M (${name})`));
  else target.replaceChildren(word(t('transform.noMatrix', { name: label })));
  if (!knob.geometric && flip) target.prepend(word(t('transform.colourFirst', { name: label })));
}

/** The model's top class and the probability of the class Grad-CAM explains, on the transformed image. */
export function drawPrediction(target: HTMLElement, view: TransformLabView, classIndex: number): void {
  const p = Array.from(view.probabilities);
  const top = p.indexOf(Math.max(...p));
  target.dataset['top'] = String(top);
  target.dataset['probability'] = String(p[classIndex]);
  // The top class's own probability is printed apart only when Grad-CAM explains another class: never one number twice.
  // The strings' markup is the module's own (<strong>); the values filled in are escaped.
  const vars = {
    top: escapeHtml(className(OBJECT_CLASSES[top]!, lang)),
    name: escapeHtml(className(OBJECT_CLASSES[classIndex]!, lang)),
    p: percent(p[classIndex]!),
  };
  setMarkup(target, new Markup(top === classIndex ? t('transform.predictionSame', vars) : t('transform.predictionOther', { ...vars, topP: percent(p[top]!) })));
}

/** What the browser tests and curious readers read back: the matrix shown, the boxes drawn and the moved masks. */
export function publish(root: HTMLElement, view: TransformLabView): void {
  Object.assign(root.dataset, {
    matrix: JSON.stringify(view.matrices.total),
    boxes: JSON.stringify(view.sample.boxes),
    maskBoxes: JSON.stringify(view.maskBoxes),
    masks: JSON.stringify(view.sample.masks.map((m) => m.join(''))),
    op: JSON.stringify(view.op),
  });
}
