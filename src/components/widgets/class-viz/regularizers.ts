import { fixed } from '~/components/ui/format.ts';
import type { RegularizerSwitches, VizFrame, VizRecipe } from '~/engine/tasks/index.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import { OBJECT_CLASSES } from '~/engine/shared/classes.ts';
import { VIZ_DEFAULTS } from '~/engine/shared/class-viz-defaults.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { drawFrame, fillClasses, verdictText } from './draw.ts';
import { AscentPlayer } from './player.ts';

const KIND = 'class-viz-regularizers';
const NAMES = ['jitter', 'robustness', 'fourier', 'blur', 'totalVariation'] as const;

/** Widget B: the same ascent with each regulariser switched on or off, judged by a second network. */
export function mountRegularizers(root: HTMLElement): void {
  const classSelect = root.querySelector<HTMLSelectElement>('[data-class]')!;
  const boxes = Object.fromEntries(NAMES.map((n) => [n, root.querySelector<HTMLInputElement>(`[data-switch="${n}"]`)!])) as Record<keyof RegularizerSwitches, HTMLInputElement>;
  const canvas = root.querySelector<HTMLCanvasElement>('[data-image]')!;
  const out = (name: string) => root.querySelector<HTMLElement>(`[data-out="${name}"]`)!;
  const steps = Number(root.querySelector<HTMLElement>('[data-steps]')!.dataset['steps']);
  // The gallery's seed for this class, so the default settings reproduce its tile.
  const seed = () => Number(classSelect.value);

  const switches = (): RegularizerSwitches => Object.fromEntries(NAMES.map((n) => [n, boxes[n].checked])) as unknown as RegularizerSwitches;
  const recipe = (): VizRecipe => ({
    target: { kind: 'class', index: Number(classSelect.value) },
    lambda: VIZ_DEFAULTS.lambda,
    switches: switches(),
    seed: seed(),
    ascent: 'scaled',
  });
  const state = (): WidgetState => ({
    widget: KIND,
    class: Number(classSelect.value),
    params: Object.fromEntries(NAMES.map((n) => [n, boxes[n].checked])),
    seed: seed(),
  });
  const shell = new WidgetShell(root, KIND, state);

  function draw(frame: VizFrame): void {
    drawFrame(canvas, frame);
    out('step').textContent = String(frame.step);
    out('score').textContent = fixed(frame.score);
    out('score').dataset['value'] = String(frame.score);
    out('norm').textContent = fixed(frame.norm);
    const c = Number(classSelect.value);
    const verdict = out('verdict');
    if (!frame.verdict) return;
    const hit = frame.verdict.classIndex === c;
    verdict.dataset['hit'] = String(hit);
    verdict.dataset['classIndex'] = String(frame.verdict.classIndex);
    verdict.innerHTML = '';
    verdict.append(
      'objects-cnn-b, which did not make it, sees ',
      Object.assign(document.createElement('strong'), { textContent: verdictText(frame) }),
      hit ? ` — recognised as ${OBJECT_CLASSES[c]}.` : ` (p(${OBJECT_CLASSES[c]}) = ${(frame.verdict.probabilities[c]! * 100).toFixed(1)}%).`,
    );
  }

  const player = new AscentPlayer(root, shell, { recipe, until: steps, judged: true, draw });
  const sync = () => {
    // Blur rewrites pixels between steps, so it has nothing to act on when the spectrum is the variable.
    boxes.blur.disabled = boxes.fourier.checked;
    root.querySelector('[data-seed]')!.textContent = classSelect.value;
  };
  const restart = () => {
    sync();
    void player.reset(player.isRunning);
  };
  classSelect.addEventListener('change', restart);
  for (const box of Object.values(boxes)) box.addEventListener('change', restart);

  const restored = shell.restore();
  fillClasses(classSelect, restored?.class ?? 6);
  if (restored) for (const n of NAMES) if (typeof restored.params[n] === 'boolean') boxes[n].checked = restored.params[n] as boolean;
  sync();
  void player.reset(false);
}
