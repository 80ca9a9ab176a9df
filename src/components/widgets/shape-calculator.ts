import { compute } from '~/engine/client.ts';
import type { OutputSizeInput } from '~/engine/tasks/index.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-pooling.ts';

const KIND = 'shape-calculator';
const t = strings(pageLang());
/** Longest padded row drawn cell by cell. */
const STRIP_LIMIT = 72;

/** O = floor((N + 2P - K) / S) + 1 with the reader's numbers, checked against a real convolution. */
export function mountShapeCalculator(root: HTMLElement): void {
  const fields = Object.fromEntries([...root.querySelectorAll<HTMLInputElement>('[data-field]')].map((input) => [input.dataset['field']!, input])) as Record<
    keyof OutputSizeInput,
    HTMLInputElement
  >;
  const read = (): OutputSizeInput => ({ n: fields.n.valueAsNumber, k: fields.k.valueAsNumber, p: fields.p.valueAsNumber, s: fields.s.valueAsNumber });
  const state = (): WidgetState => ({ widget: KIND, params: { ...read() }, seed: 0 });
  const shell = new WidgetShell(root, KIND, state);
  const formula = root.querySelector<HTMLElement>('[data-formula]')!;
  const note = root.querySelector<HTMLElement>('[data-note]')!;
  const check = root.querySelector<HTMLElement>('[data-check]')!;

  async function update(): Promise<void> {
    const input = read();
    const answer = await shell.run(() => compute(root.id, (tasks) => tasks.outputShape(input)));
    if (!answer) return;
    if ('problem' in answer) {
      const { problem } = answer;
      const got = String(input[problem.field]);
      formula.textContent =
        'min' in problem ? t('problemMin', { field: problem.field.toUpperCase(), min: problem.min, got }) : t('problemFit', { max: problem.max, got });
      note.textContent = '';
      check.textContent = '';
      return;
    }
    const { o, lost, shape } = answer;
    const { n, k, p, s } = input;
    formula.replaceChildren();
    formula.append(`O = ⌊(${n} + 2·${p} − ${k}) / ${s}⌋ + 1 = ⌊${n + 2 * p - k} / ${s}⌋ + 1 = `);
    const strong = document.createElement('strong');
    strong.textContent = String(o);
    strong.dataset['o'] = String(o);
    formula.append(strong);
    note.textContent = lost ? t(lost > 1 ? 'lostMany' : 'lostOne', { n: lost }) : '';
    drawStrip(root.querySelector('[data-strip]')!, input, o, lost);
    if (!shape) {
      delete check.dataset['shape'];
      check.textContent = t('checkSkipped');
      return;
    }
    check.dataset['shape'] = shape.join('x');
    check.textContent = t(shape[0] === o ? 'checkedAgrees' : 'checked', { n, rows: shape[0], cols: shape[1] });
  }

  for (const input of Object.values(fields)) input.addEventListener('input', () => void update());
  const restored = shell.restore();
  for (const key of ['n', 'k', 'p', 's'] as const) {
    const value = restored?.params[key];
    if (typeof value === 'number') fields[key].value = String(value);
  }
  void update();
}

/** One row of the padded input: dashed cells are padding, blue cells start a window, red ones are never covered. */
function drawStrip(strip: HTMLElement, { n, k, p, s }: OutputSizeInput, o: number, lost: number): void {
  const total = n + 2 * p;
  if (total > STRIP_LIMIT) {
    strip.replaceChildren();
    return;
  }
  const cells = Array.from({ length: total }, (_, c) => {
    const cell = document.createElement('span');
    if (c < p || c >= p + n) cell.className = 'pad';
    if (c % s === 0 && c / s < o) cell.className = 'start';
    if (c >= total - lost && c > (o - 1) * s + k - 1) cell.className = 'lost';
    return cell;
  });
  strip.replaceChildren(...cells);
}
