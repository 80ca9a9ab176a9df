import { Controls, flag } from '~/components/ui/controls.ts';
import { fixed, percent } from '~/components/ui/format.ts';
import type { VizFrame, VizRecipe } from '~/engine/tasks/index.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import { OBJECT_CLASSES } from '~/engine/shared/classes.ts';
import { VIZ_DEFAULTS } from '~/engine/shared/class-viz-defaults.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { escapeHtml, Markup, setMarkup } from '~/components/ui/markup.ts';
import { className } from '~/i18n/classes.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-class-viz.ts';
import { drawFrame, fillClasses, verdictText } from './draw.ts';
import { AscentPlayer } from './player.ts';

const KIND = 'class-viz-regularizers';
const lang = pageLang();
const t = strings(lang);
/** One checkbox per regulariser, its param named as the switch. */
const SWITCHES = {
  jitter: flag('[data-switch="jitter"]'),
  robustness: flag('[data-switch="robustness"]'),
  fourier: flag('[data-switch="fourier"]'),
  blur: flag('[data-switch="blur"]'),
  totalVariation: flag('[data-switch="totalVariation"]'),
};

/** Widget B: the same ascent with each regulariser switched on or off, judged by a second network. */
export function mountRegularizers(root: HTMLElement): void {
  const classSelect = root.querySelector<HTMLSelectElement>('[data-class]')!;
  const switches = new Controls(root, SWITCHES);
  const canvas = root.querySelector<HTMLCanvasElement>('[data-image]')!;
  const out = (name: string) => root.querySelector<HTMLElement>(`[data-out="${name}"]`)!;
  const steps = Number(root.querySelector<HTMLElement>('[data-steps]')!.dataset['steps']);
  // The gallery's seed for this class, so the default settings reproduce its tile.
  const seed = () => Number(classSelect.value);

  const recipe = (): VizRecipe => ({
    target: { kind: 'class', index: Number(classSelect.value) },
    lambda: VIZ_DEFAULTS.lambda,
    switches: switches.values(),
    seed: seed(),
    ascent: 'scaled',
  });
  const state = (): WidgetState => ({ widget: KIND, class: Number(classSelect.value), params: switches.values(), seed: seed() });
  const shell = new WidgetShell(root, KIND, state);

  function draw(frame: VizFrame): void {
    drawFrame(canvas, frame);
    out('step').textContent = String(frame.step);
    out('score').textContent = fixed(frame.score);
    out('score').dataset['value'] = String(frame.score);
    out('norm').textContent = fixed(frame.norm);
    showVerdict(out('verdict'), frame, Number(classSelect.value));
  }

  const player = new AscentPlayer(root, shell, { recipe, until: steps, judged: true, draw });
  const sync = () => {
    // Blur rewrites pixels between steps, so it has nothing to act on when the spectrum is the variable.
    switches.fields.blur.disabled = switches.value('fourier');
    root.querySelector('[data-seed]')!.textContent = classSelect.value;
  };
  const restart = () => {
    sync();
    void player.reset(player.isRunning);
  };
  classSelect.addEventListener('change', restart);
  switches.onChange(restart);

  const restored = shell.restore();
  fillClasses(classSelect, restored?.class ?? 6);
  switches.restore(restored?.params);
  sync();
  void player.reset(false);
}

/** What objects-cnn-b sees in the frame, and whether that is class `c`; nothing until it has judged. */
function showVerdict(verdict: HTMLElement, frame: VizFrame, c: number): void {
  if (!frame.verdict) return;
  const hit = frame.verdict.classIndex === c;
  verdict.dataset['hit'] = String(hit);
  verdict.dataset['classIndex'] = String(frame.verdict.classIndex);
  const vars = { verdict: escapeHtml(verdictText(frame)), name: escapeHtml(className(OBJECT_CLASSES[c]!, lang)) };
  setMarkup(verdict, new Markup(hit ? t('verdictHit', vars) : t('verdictMiss', { ...vars, p: percent(frame.verdict.probabilities[c]!) })));
}
