/**
 * Client side of the Exercise component: reads what the learner typed or chose,
 * checks it against the answer written into the markup, says so in a polite
 * live region, and keeps the learner's last answer in localStorage so a reload
 * or a later visit never loses their work.
 *
 * The pure parts (parseNumber, grade, storageKey) are exported for unit tests;
 * initExercises() and the Exercise it wires are the only code that touches the DOM.
 */

/** What the markup says about one exercise (data-* attributes on its root). */
export interface ExerciseSpec {
  kind: 'number' | 'text' | 'choice';
  answer: string;
  /** Absolute tolerance for number answers. */
  tolerance: number;
  hint?: string | undefined;
}

export type Grade = { correct: true } | { correct: false; message: string };

export type Parsed = { ok: true; value: number } | { ok: false; message: string };

/** What we keep per exercise. `correct` is null while the answer was edited but not checked. */
export interface Saved {
  answer: string;
  correct: boolean | null;
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * Reads a number the way the book asks for one: a dot as the decimal point,
 * an optional leading minus (the typographic minus U+2212 that KaTeX prints
 * counts too), surrounding spaces ignored. A decimal comma is refused with a
 * message rather than guessed at, because "1,500" could mean 1.5 or 1500.
 */
export function parseNumber(raw: string): Parsed {
  const text = raw.trim().replace(/\u2212/g, '-');
  if (text === '') return { ok: false, message: 'type a number first.' };
  if (NUMBER.test(text)) return { ok: true, value: Number(text) };
  if (/^[+-]?\d*,\d+$/.test(text)) {
    return { ok: false, message: `use a dot for decimals: write ${text.replace(',', '.')} rather than ${text}.` };
  }
  return { ok: false, message: 'that is not a number this exercise can read. Write it like 1.5 or -3.' };
}

/** Spaces collapsed and case folded, so "Max Pooling " matches "max pooling". */
function normaliseText(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Checks one response. The wrong-answer message never gives the answer away. */
export function grade(spec: ExerciseSpec, response: string): Grade {
  const tryAgain = spec.hint ? `Hint: ${spec.hint}` : 'check your working and try again, or open the worked solution.';
  if (spec.kind === 'number') {
    const parsed = parseNumber(response);
    if (!parsed.ok) return { correct: false, message: parsed.message };
    const expected = Number(spec.answer);
    // A hair of slack so that 0.1 + 0.2 style rounding never fails an exact answer.
    const slack = Math.max(spec.tolerance, 0) + 1e-9 * Math.max(1, Math.abs(expected));
    return Math.abs(parsed.value - expected) <= slack ? { correct: true } : { correct: false, message: `${parsed.value} is not the answer. ${tryAgain}` };
  }
  if (spec.kind === 'choice') {
    if (response === '') return { correct: false, message: 'choose one of the options first.' };
    return response === spec.answer ? { correct: true } : { correct: false, message: `that is not the right option. ${tryAgain}` };
  }
  if (response.trim() === '') return { correct: false, message: 'type an answer first.' };
  return normaliseText(response) === normaliseText(spec.answer) ? { correct: true } : { correct: false, message: tryAgain };
}

/**
 * glassbox:exercise:<pathname>:<id>. The trailing slash is dropped because the
 * site answers on both /lessons/x and /lessons/x/, and one page should keep one answer.
 */
export function storageKey(pathname: string, id: string): string {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  return `glassbox:exercise:${path}:${id}`;
}

// localStorage can be missing or throw (private windows, disabled storage, quota):
// the exercise must still work, it just forgets.
function load(key: string): Saved | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (raw === null) return null;
    const data: unknown = JSON.parse(raw);
    if (typeof data !== 'object' || data === null) return null;
    const { answer, correct } = data as Record<string, unknown>;
    if (typeof answer !== 'string') return null;
    return { answer, correct: typeof correct === 'boolean' ? correct : null };
  } catch {
    return null;
  }
}

function save(key: string, saved: Saved): void {
  try {
    window.localStorage.setItem(key, JSON.stringify(saved));
  } catch {
    // Storage unavailable or full: nothing to do but carry on.
  }
}

function readSpec(root: HTMLElement): ExerciseSpec {
  const kind = root.dataset['kind'];
  return {
    kind: kind === 'text' || kind === 'choice' ? kind : 'number',
    answer: root.dataset['answer'] ?? '',
    tolerance: Number(root.dataset['tolerance'] ?? '0') || 0,
    hint: root.dataset['hint'],
  };
}

/** One exercise's answer fields, feedback line, status badge and worked solution. */
class Exercise {
  private readonly input: HTMLInputElement | null;
  private readonly radios: HTMLInputElement[];
  private readonly solution: HTMLDetailsElement | null;
  private readonly reveal: HTMLButtonElement | null;
  private readonly status: HTMLElement | null;

  constructor(
    private readonly root: HTMLElement,
    private readonly spec: ExerciseSpec,
    private readonly key: string,
    private readonly feedback: HTMLElement,
  ) {
    this.input = root.querySelector<HTMLInputElement>('input[type="text"]');
    this.radios = Array.from(root.querySelectorAll<HTMLInputElement>('input[type="radio"]'));
    this.status = root.querySelector<HTMLElement>('[data-status]');
    this.solution = root.querySelector<HTMLDetailsElement>('details[data-solution]');
    this.reveal = root.querySelector<HTMLButtonElement>('[data-reveal]');
  }

  /** Restores `saved` and listens to the answer fields, the form and the reveal button. */
  wire(form: HTMLFormElement, saved: Saved | null): void {
    // Restore quietly: the status badge is not a live region, so a page full of
    // restored exercises does not talk over itself on load.
    if (saved) this.restore(saved);
    this.input?.addEventListener('input', () => this.edit());
    for (const r of this.radios) r.addEventListener('change', () => this.edit());
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.check();
    });
    this.reveal?.addEventListener('click', () => {
      this.showSolution(true);
      this.solution?.querySelector('summary')?.focus();
    });
  }

  /** What the learner typed or chose. */
  private response(): string {
    return this.spec.kind === 'choice' ? (this.radios.find((r) => r.checked)?.value ?? '') : (this.input?.value ?? '');
  }

  /** Puts a saved answer back, with its status, and the solution if it was checked. */
  private restore(saved: Saved): void {
    if (this.spec.kind === 'choice') {
      for (const r of this.radios) r.checked = r.value === saved.answer;
    } else if (this.input) {
      this.input.value = saved.answer;
    }
    this.showStatus(saved.correct);
    if (saved.correct !== null) this.showSolution(false);
  }

  /** An edited answer is kept, unchecked. */
  private edit(): void {
    save(this.key, { answer: this.response(), correct: null });
    this.showStatus(null);
  }

  /** Grades the answer, announces the result, and keeps it unless the entry was empty or unreadable. */
  private check(): void {
    const { spec, feedback } = this;
    const answer = this.response();
    const result = grade(spec, answer);
    const unreadable = !result.correct && (answer.trim() === '' || (spec.kind === 'number' && !parseNumber(answer).ok));
    feedback.dataset['result'] = result.correct ? 'correct' : 'wrong';
    // Empty the live region first so that checking the same wrong answer twice is announced twice.
    feedback.textContent = '';
    const message = result.correct ? 'Correct! Compare your working with the worked solution below.' : `Not yet — ${result.message}`;
    window.setTimeout(() => {
      feedback.textContent = message;
    }, 60);
    // An empty or unreadable entry is not an attempt: do not record it as wrong.
    if (unreadable) return;
    save(this.key, { answer, correct: result.correct });
    this.showStatus(result.correct);
    this.showSolution(result.correct);
  }

  /** The badge and data-state: solved, not solved yet, or edited since the last check. */
  private showStatus(correct: boolean | null): void {
    this.root.dataset['state'] = correct === null ? 'open' : correct ? 'correct' : 'wrong';
    if (this.status) this.status.textContent = correct === true ? 'Solved' : correct === false ? 'Not solved yet' : '';
  }

  /** Unhides the worked solution (opened if `open`) and hides the button that reveals it. */
  private showSolution(open: boolean): void {
    if (!this.solution) return;
    this.solution.hidden = false;
    if (open) this.solution.open = true;
    if (this.reveal) this.reveal.hidden = true;
  }
}

/** Numbers one exercise and wires it, with the answer saved for it. */
function setup(root: HTMLElement, number: number): void {
  const form = root.querySelector<HTMLFormElement>('form');
  const feedback = root.querySelector<HTMLElement>('[data-feedback]');
  const numberLabel = root.querySelector<HTMLElement>('[data-number]');
  if (!form || !feedback) return;
  if (numberLabel) numberLabel.textContent = ` ${number}`;
  const key = storageKey(window.location.pathname, root.dataset['exerciseId'] ?? String(number));
  new Exercise(root, readSpec(root), key, feedback).wire(form, load(key));
}

/** Wires every exercise on the page once; safe to call again after client-side navigation. */
export function initExercises(): void {
  const roots = Array.from(document.querySelectorAll<HTMLElement>('[data-exercise]'));
  roots.forEach((root, index) => {
    if (root.dataset['ready'] === 'true') return;
    root.dataset['ready'] = 'true';
    setup(root, index + 1);
  });
}
