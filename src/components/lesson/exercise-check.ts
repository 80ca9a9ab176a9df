import { Markup, setMarkup } from '~/components/ui/markup.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/lesson-exercise.ts';
import { grade, type GradedSpec } from './exercise-grade.ts';
import { chosenIn, optionInputs } from './exercise-options.ts';
import { ATTEMPTS_BEFORE_SOLUTION, EMPTY_RECORD, loadRecord, recordKey, saveRecord, type ExerciseRecord } from './exercise-record.ts';
import { unseal } from './exercise-seal.ts';
import { checkWidgetTask } from './widget-check.ts';

/**
 * Client side of the Exercise component: reads the response, grades it against
 * the digests in the markup, says so in a polite live region, keeps the record
 * (exercise-record.ts) so a reload never loses work, and opens the sealed
 * worked solution once it is earned: a right answer, three wrong ones, or an
 * explicit "Show solution", which the record keeps.
 */

type Spec = Omit<GradedSpec, 'kind'> & { kind: GradedSpec['kind'] | 'reflection' | 'widget' };

export function readSpec(root: HTMLElement): Spec {
  const d = root.dataset;
  let slips: GradedSpec['slips'] = [];
  try {
    slips = (JSON.parse(d['slips'] ?? '[]') as { d: string[]; f: string }[]).map((s) => ({ digests: s.d, feedback: s.f }));
  } catch {
    // Markup the build wrote; if it is unreadable the hint still works.
  }
  return {
    kind: (d['kind'] ?? 'number') as Spec['kind'],
    salt: d['salt'] ?? '',
    tolerance: Number(d['tolerance'] ?? '0') || 0,
    unit: d['unit'] === 'percent' || d['unit'] === 'fraction' ? d['unit'] : undefined,
    accept: (d['accept'] ?? '').split(' ').filter(Boolean),
    slips,
    hint: d['hint'],
  };
}

const now = () => new Date().toISOString();
const t = strings(pageLang());

/** One exercise's response fields, feedback line, status badge and worked solution. */
class Exercise {
  private readonly spec: Spec;
  private readonly text: HTMLInputElement | HTMLTextAreaElement | null;
  private readonly options: HTMLInputElement[];
  private readonly solution: HTMLDetailsElement | null;
  private readonly reveal: HTMLButtonElement | null;
  private readonly status: HTMLElement | null;
  private readonly feedback: HTMLElement;
  private record: ExerciseRecord;

  constructor(
    private readonly root: HTMLElement,
    private readonly key: string,
  ) {
    this.spec = readSpec(root);
    this.text = root.querySelector<HTMLInputElement | HTMLTextAreaElement>('input[type="text"], textarea');
    this.options = optionInputs(root);
    this.status = root.querySelector<HTMLElement>('[data-status]');
    this.solution = root.querySelector<HTMLDetailsElement>('details[data-solution]');
    this.reveal = root.querySelector<HTMLButtonElement>('[data-reveal]');
    this.feedback = root.querySelector<HTMLElement>('[data-feedback]')!;
    this.record = loadRecord(key) ?? { ...EMPTY_RECORD };
  }

  /** Restores the record and listens to the fields, the form and the reveal button. */
  wire(form: HTMLFormElement): void {
    // Restore quietly: the badge is not a live region, so a page of restored exercises does not talk over itself.
    this.restore();
    this.text?.addEventListener('input', () => this.edit());
    for (const o of this.options) o.addEventListener('change', () => this.edit());
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.check();
    });
    this.reveal?.addEventListener('click', () => {
      void this.open('asked', true).then(() => this.solution?.querySelector('summary')?.focus());
    });
  }

  /** The typed text, or the chosen options' positions (an option's value is its position). */
  private response(): string | number[] {
    if (this.options.length) return this.options.filter((o) => o.checked).map((o) => Number(o.value));
    return this.text?.value ?? '';
  }

  private restore(): void {
    const { answer } = this.record;
    if (this.options.length) {
      // Positions, or the option texts of a record written before (either edition's: see chosenPositions).
      const chosen = chosenIn(this.root, answer);
      // A text no edition has any more: unanswered, not a verdict with nothing checked (in memory; stored once the reader acts).
      if (chosen === null) this.record = { ...this.record, answer: [], correct: null };
      for (const o of this.options) o.checked = chosen?.includes(Number(o.value)) ?? false;
    } else if (this.text && typeof answer === 'string') this.text.value = answer;
    this.showStatus();
    if (this.record.revealed !== 'no') void this.open(this.record.revealed, false);
  }

  /** An edited response is kept, unchecked. */
  private edit(): void {
    this.record = { ...this.record, answer: this.response(), correct: null };
    saveRecord(this.key, this.record);
    this.showStatus();
  }

  private async check(): Promise<void> {
    const answer = this.response();
    if (this.spec.kind === 'reflection') {
      this.record = { ...this.record, answer, correct: true, firstAttemptAt: this.record.firstAttemptAt ?? now() };
      saveRecord(this.key, this.record);
      this.say('correct', t('saved'));
      return this.showStatus();
    }
    const outcome = this.spec.kind === 'widget' ? await this.checkWidget() : await grade(this.spec as GradedSpec, answer);
    if (outcome.result === 'unreadable') return this.say('wrong', t('notYet', { message: outcome.message }));
    const correct = outcome.result === 'correct';
    const attempts = this.record.attempts + 1;
    this.record = {
      ...this.record,
      answer,
      correct,
      attempts,
      firstAttemptAt: this.record.firstAttemptAt ?? now(),
      ...(correct && !this.record.solvedAt ? { solvedAt: now() } : {}),
      ...('passedState' in outcome && outcome.passedState ? { passedState: outcome.passedState } : {}),
    };
    saveRecord(this.key, this.record);
    this.showStatus();
    if (correct) {
      const measured = 'message' in outcome ? `${outcome.message} ` : '';
      this.say('correct', t('correct', { rest: `${measured}${this.solution ? t('compare') : ''}` }));
      if (this.record.revealed === 'no') await this.open('solved', false);
      return;
    }
    const left = ATTEMPTS_BEFORE_SOLUTION - attempts;
    const more =
      this.solution && this.record.revealed === 'no' ? (left > 0 ? (left === 1 ? t('oneMoreTry') : t('moreTries', { n: left })) : t('solutionOpen')) : '';
    this.say('wrong', t('notYet', { message: `${outcome.message}${more}` }));
    if (left <= 0 && this.record.revealed === 'no') await this.open('attempts', false);
  }

  private async checkWidget(): Promise<{ result: 'correct' | 'wrong' | 'unreadable'; message: string; passedState?: ExerciseRecord['passedState'] }> {
    this.say('wrong', t('checking'));
    return checkWidgetTask(this.root.dataset['widgetTarget'] ?? '', this.root.dataset['task'] ?? '', Number(this.root.dataset['target']));
  }

  /** Empties the live region first, so the same message twice is announced twice. */
  private say(result: 'correct' | 'wrong', message: string): void {
    this.feedback.dataset['result'] = result;
    this.feedback.textContent = '';
    window.setTimeout(() => {
      this.feedback.textContent = message;
    }, 60);
  }

  private showStatus(): void {
    const { correct, revealed } = this.record;
    this.root.dataset['state'] = correct === null ? 'open' : correct ? 'correct' : 'wrong';
    if (!this.status) return;
    if (this.spec.kind === 'reflection') this.status.textContent = correct ? t('statusSaved') : '';
    else if (correct === true) this.status.textContent = revealed === 'asked' || revealed === 'attempts' ? t('statusSolvedAfter') : t('statusSolved');
    else this.status.textContent = correct === false ? t('statusNotSolved') : '';
  }

  /** Unseals the worked solution into the page and records how it was earned (the first way only). */
  private async open(how: Exclude<ExerciseRecord['revealed'], 'no'>, expand: boolean): Promise<void> {
    const { solution } = this;
    if (!solution) return;
    if (this.record.revealed === 'no') {
      this.record = { ...this.record, revealed: how, revealedAt: now() };
      saveRecord(this.key, this.record);
      this.showStatus();
    }
    const body = solution.querySelector<HTMLElement>('[data-solution-body]')!;
    if (!body.hasChildNodes()) {
      try {
        // Our own build's HTML, authenticated by AES-GCM: a changed byte fails to open rather than reaching the page.
        setMarkup(body, new Markup(await unseal(this.spec.salt, this.root.dataset['sealed'] ?? '')));
      } catch {
        body.textContent = t('unsealFailed');
      }
    }
    solution.hidden = false;
    if (expand) solution.open = true;
    if (this.reveal) this.reveal.hidden = true;
  }
}

/** Numbers every exercise on the page and wires it once; safe to call again after client-side navigation. */
export function initExercises(): void {
  const roots = Array.from(document.querySelectorAll<HTMLElement>('[data-exercise]'));
  roots.forEach((root, index) => {
    if (root.dataset['ready'] === 'true') return;
    root.dataset['ready'] = 'true';
    const form = root.querySelector<HTMLFormElement>('form');
    const number = root.querySelector<HTMLElement>('[data-number]');
    if (!form || !root.querySelector('[data-feedback]')) return;
    if (number) number.textContent = ` ${index + 1}`;
    new Exercise(root, recordKey(root)).wire(form);
  });
}
