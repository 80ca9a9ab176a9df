import { fixed } from '~/components/ui/format.ts';
import type { VizFrame, VizRecipe } from '~/engine/tasks/index.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import { NO_REGULARIZERS } from '~/engine/shared/class-viz-defaults.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { html, setMarkup } from '~/components/ui/markup.ts';
import { drawFrame, fillClasses } from './draw.ts';
import { AscentPlayer } from './player.ts';

const KIND = 'class-viz-ascent';
const SEED = 1;

/** Widget A: the bare equation I* = argmax S_c(I) - lambda ||I||^2, climbed by plain gradient ascent. */
export function mountAscent(root: HTMLElement): void {
  const classSelect = root.querySelector<HTMLSelectElement>('[data-class]')!;
  const lambda = root.querySelector<HTMLInputElement>('[data-lambda]')!;
  const lambdaLabel = root.querySelector<HTMLOutputElement>('[data-lambda-label]')!;
  const canvas = root.querySelector<HTMLCanvasElement>('[data-image]')!;
  const out = (name: string) => root.querySelector<HTMLElement>(`[data-out="${name}"]`)!;
  const shownSteps = Number(root.querySelector<HTMLElement>('[data-steps]')!.dataset['steps']);

  const recipe = (): VizRecipe => ({
    target: { kind: 'class', index: Number(classSelect.value) },
    lambda: Number(lambda.value),
    switches: NO_REGULARIZERS,
    seed: SEED,
    ascent: 'plain',
  });
  let steps = shownSteps;
  const state = (): WidgetState => ({ widget: KIND, class: Number(classSelect.value), params: { lambda: Number(lambda.value), steps }, seed: SEED });
  const shell = new WidgetShell(root, KIND, state);
  const restored = shell.restore();
  // A link may fix where the ascent stops (1 to 1000 steps), e.g. to compare two λ after the same steps.
  const linkedSteps = restored?.params['steps'];
  if (typeof linkedSteps === 'number' && Number.isInteger(linkedSteps) && linkedSteps >= 1 && linkedSteps <= 1000) steps = linkedSteps;
  root.querySelector('[data-until]')!.textContent = String(steps);

  function draw(frame: VizFrame): void {
    drawFrame(canvas, frame);
    const objective = frame.score - frame.penalty;
    const values: Record<string, [string, number]> = {
      step: [String(frame.step), frame.step],
      score: [fixed(frame.score, 3), frame.score],
      penalty: [fixed(frame.penalty, 3), frame.penalty],
      objective: [fixed(objective, 3), objective],
      norm: [fixed(frame.norm, 3), frame.norm],
    };
    for (const [name, [text, value]] of Object.entries(values)) {
      out(name).textContent = text;
      out(name).dataset['value'] = String(value);
    }
    setMarkup(out('equation'), html`<i>S</i><sub>c</sub>(<i>I</i>) − λ‖<i>I</i>‖² = ${fixed(frame.score)} − ${lambda.value} × ${fixed(frame.norm ** 2, 1)} = ${fixed(objective)}`);
  }

  const player = new AscentPlayer(root, shell, { recipe, until: steps, judged: false, draw });
  const restart = () => void player.reset(player.isRunning);
  classSelect.addEventListener('change', restart);
  lambda.addEventListener('input', () => (lambdaLabel.value = lambda.value));
  lambda.addEventListener('change', restart);

  fillClasses(classSelect, restored?.class ?? 6);
  if (typeof restored?.params['lambda'] === 'number') lambda.value = String(restored.params['lambda']);
  lambdaLabel.value = lambda.value;
  void player.reset(true);
}
