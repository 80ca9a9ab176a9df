import { grade, type GradedSpec } from '~/components/lesson/exercise-grade.ts';
import { readSpec } from '~/components/lesson/exercise-check.ts';
import { PHASES } from './room-schema.ts';
import type { PeerRound } from './pi-round.ts';
import { tally, voteKey, type Tally } from './pi-tally.ts';
import { basePath, pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/peer.ts';

const t = strings(pageLang());

/**
 * The vote part of the session panel: the host's steps, the question and its
 * options, the reader's vote (and why, when the second differs), their
 * discussion group, and the class's votes once the host shows them.
 */
const PHASE_TEXT: Record<(typeof PHASES)[number], string> = {
  answer: t('phase.answer'),
  discuss: t('phase.discuss'),
  revote: t('phase.revote'),
  closed: t('phase.closed'),
};

const $ = <T extends HTMLElement>(root: HTMLElement, name: string): T => root.querySelector<T>(`[data-pi-${name}]`)!;

export function mountVote(root: HTMLElement, rounds: PeerRound, signal: AbortSignal, isHost: () => boolean, names: () => Map<string, string>): () => void {
  const choices = [...document.querySelectorAll<HTMLElement>('main [data-exercise][data-kind="choice"], main [data-exercise][data-kind="multiple"]')];
  const select = $<HTMLSelectElement>(root, 'exercise');
  select.replaceChildren(
    ...choices.map((exercise, i) => {
      const title = exercise.querySelector('.title')?.textContent?.trim() || t('vote.exerciseN', { n: i + 1 });
      return new Option(
        `${title}: ${(exercise.querySelector('.question')?.textContent ?? '').trim().slice(0, 70)}…`,
        `${basePath(location.pathname)}#${exercise.dataset['exerciseId']}`,
      );
    }),
  );
  $(root, 'open').addEventListener('click', () => select.value && rounds.open(select.value), { signal });
  $(root, 'reveal').addEventListener('click', () => rounds.reveal(!rounds.current()?.round.revealed), { signal });
  $(root, 'discuss').addEventListener('click', () => rounds.discuss(Number($<HTMLSelectElement>(root, 'size').value)), { signal });
  $(root, 'revote').addEventListener('click', () => rounds.revote(), { signal });
  $(root, 'close').addEventListener('click', () => rounds.close(), { signal });
  const form = $<HTMLFormElement>(root, 'form');
  const why = $<HTMLTextAreaElement>(root, 'why');
  const chosen = (): string[] => [...form.querySelectorAll<HTMLInputElement>('input:checked')].map((input) => input.value);
  /** Whether `vote` is a second vote that differs from this reader's first: then they say why. */
  const changes = (vote: string[]): boolean => {
    const current = rounds.current();
    const first = current && rounds.mine(current.id)?.first;
    return current?.round.phase === 'revote' && !!first && vote.length > 0 && voteKey(first) !== voteKey(vote);
  };
  form.addEventListener(
    'submit',
    (event) => {
      event.preventDefault();
      const current = rounds.current();
      const vote = chosen();
      if (!current || !vote.length) return;
      if (changes(vote) && !why.value.trim()) {
        $(root, 'why-label').hidden = false;
        why.focus();
        return;
      }
      rounds.vote(current.id, current.round.phase === 'revote' ? 'second' : 'first', vote, why.value.trim());
    },
    { signal },
  );
  form.addEventListener('change', () => ($(root, 'why-label').hidden = !changes(chosen())), { signal });
  let shownRound = '';
  /** Results are graded asynchronously: only the latest drawing may write them. */
  let drawn = 0;

  return function render(): void {
    $(root, 'host').hidden = !isHost() || !choices.length;
    const current = rounds.current();
    const exercise = current && choices.find((e) => `${basePath(location.pathname)}#${e.dataset['exerciseId']}` === current.round.exercise);
    if (!current || !exercise) {
      $(root, 'state').textContent = current
        ? t('vote.openElsewhere', { path: current.round.exercise.split('#')[0]! })
        : choices.length
          ? t('vote.none')
          : t('vote.noneHere');
      for (const name of ['question', 'form', 'group', 'results']) $(root, name).hidden = true;
      return;
    }
    const answers = rounds.answersOf(current.id);
    const mine = answers.get(rounds.mineKey());
    const { phase, revealed, groups } = current.round;
    $(root, 'state').textContent =
      answers.size === 1 ? t('vote.oneSoFar', { phase: PHASE_TEXT[phase] }) : t('vote.soFar', { phase: PHASE_TEXT[phase], n: answers.size });
    const labels = [...exercise.querySelectorAll('.choice span')].map((span) => span.textContent ?? '');
    if (shownRound !== current.id) {
      shownRound = current.id;
      const question = $(root, 'question');
      question.replaceChildren(...[...(exercise.querySelector('.question')?.childNodes ?? [])].map((node) => node.cloneNode(true)));
      const multiple = exercise.dataset['kind'] === 'multiple';
      $(root, 'options').replaceChildren(
        ...labels.map((text, i) => {
          const label = document.createElement('label');
          label.className = 'choice';
          const input = Object.assign(document.createElement('input'), { type: multiple ? 'checkbox' : 'radio', name: 'pi-vote', value: String(i) });
          label.append(input, ` ${text}`);
          return label;
        }),
      );
      why.value = '';
    }
    $(root, 'question').hidden = false;
    const voting = phase === 'answer' || phase === 'revote';
    const done = phase === 'answer' ? mine?.first : phase === 'revote' ? mine?.second : undefined;
    $(root, 'form').hidden = !voting;
    $<HTMLButtonElement>(root, 'submit').textContent = done ? t('vote.change') : t('panel.vote');
    $(root, 'voted').textContent = done ? t('vote.in') : '';
    const group = groups[rounds.mineKey()];
    const mates = Object.entries(groups)
      .filter(([id, g]) => g === group && id !== rounds.mineKey())
      .map(([id]) => names().get(id) ?? answers.get(id)?.name ?? t('vote.someone'));
    $(root, 'group').hidden = !group || phase !== 'discuss';
    $(root, 'group').textContent = group ? (mates.length ? t('vote.groupWith', { group, mates: mates.join(', ') }) : t('vote.group', { group })) : '';
    $(root, 'reveal').textContent = revealed ? t('vote.hide') : t('vote.show');
    const ticket = (drawn += 1);
    void showResults(root, exercise, labels, [...answers.values()], revealed || phase === 'closed', phase, () => ticket === drawn);
  };
}

async function showResults(
  root: HTMLElement,
  exercise: HTMLElement,
  labels: string[],
  answers: Parameters<typeof tally>[0],
  visible: boolean,
  phase: string,
  latest: () => boolean,
): Promise<void> {
  const results = $(root, 'results');
  results.hidden = !visible;
  if (!visible) return;
  const spec = readSpec(exercise) as GradedSpec;
  // Once the round is over, a one-choice exercise's right option is marked: each option is graded too.
  const marked = phase === 'closed' && spec.kind === 'choice';
  const keys = new Set([
    ...answers.flatMap((a) => [a.first, a.second].filter((v): v is string[] => !!v).map(voteKey)),
    ...(marked ? labels.map((_, i) => String(i)) : []),
  ]);
  const right = new Map<string, boolean>();
  // A vote's options are positions, as the exercise grades them, so readers of either edition are graded alike.
  for (const key of keys) right.set(key, (await grade(spec, key.split('+').map(Number))).result === 'correct');
  const counts = tally(answers, labels.length, (key) => right.get(key) ?? false);
  if (!latest()) return;
  drawBars($(root, 'bars'), labels, counts, phase === 'closed' || phase === 'revote', (i) => marked && right.get(String(i)) === true);
  $(root, 'moves').hidden = phase !== 'closed';
  const m = counts.moves;
  $(root, 'moves').textContent = t('vote.moves', {
    rightAlone: m.stayedRight + m.becameWrong,
    total: m.stayedRight + m.becameRight + m.becameWrong + m.stayedWrong,
    rightAfter: m.stayedRight + m.becameRight,
    becameRight: m.becameRight,
    becameWrong: m.becameWrong,
    stayedRight: m.stayedRight,
    stayedWrong: m.stayedWrong,
  });
  $(root, 'moves').dataset['moves'] = JSON.stringify(m);
  const whys = $(root, 'whys');
  whys.replaceChildren(
    ...(phase === 'closed' ? counts.changed : []).map((c) =>
      Object.assign(document.createElement('li'), { textContent: `${c.name}: ${c.why || t('vote.noReason')}` }),
    ),
  );
}

function drawBars(list: HTMLElement, labels: string[], counts: Tally, both: boolean, isRight: (option: number) => boolean): void {
  const most = Math.max(1, ...counts.first, ...counts.second);
  list.replaceChildren(
    ...labels.map((label, i) => {
      const row = document.createElement('li');
      row.dataset['option'] = String(i);
      row.dataset['first'] = String(counts.first[i]);
      row.dataset['second'] = String(counts.second[i]);
      const name = Object.assign(document.createElement('span'), { className: 'pi-label', textContent: label });
      if (isRight(i)) {
        row.dataset['right'] = 'true';
        name.append(' ', Object.assign(document.createElement('span'), { className: 'pi-right', textContent: t('vote.right') }));
      }
      const bars = Object.assign(document.createElement('span'), { className: 'pi-bars' });
      for (const [which, n] of both
        ? ([
            ['first', counts.first[i]!],
            ['second', counts.second[i]!],
          ] as const)
        : ([['first', counts.first[i]!]] as const)) {
        const bar = Object.assign(document.createElement('span'), { className: `pi-bar pi-${which}`, textContent: String(n) });
        bar.style.inlineSize = `${Math.max(2, (100 * n) / most)}%`;
        bar.title = which === 'first' ? t('vote.firstBar', { n }) : t('vote.secondBar', { n });
        bars.append(bar);
      }
      row.append(name, bars);
      return row;
    }),
  );
}
