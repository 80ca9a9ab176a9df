import type { Answer } from './room-schema.ts';

/**
 * Peer instruction's numbers (Mazur 1997; Crouch & Mazur 2001): how the class
 * voted alone, how it voted after discussing, and how each reader moved.
 * A vote is a list of option indices (several for a "choose every" exercise).
 */

export const voteKey = (vote: readonly string[]): string => [...vote].sort().join('+');

export interface Tally {
  /** Votes per option (an option counts once per voter who chose it), first and second vote. */
  first: number[];
  second: number[];
  voters: { first: number; second: number };
  /** Among those who voted twice: right both times, wrong then right, right then wrong, wrong both times. */
  moves: { stayedRight: number; becameRight: number; becameWrong: number; stayedWrong: number };
  /** Those who changed their vote, with why. */
  changed: { name: string; from: string; to: string; why: string }[];
}

/** Counts a round's answers; `isRight` says whether a vote's key is the exercise's answer. */
export function tally(answers: readonly Answer[], options: number, isRight: (key: string) => boolean): Tally {
  const first = new Array<number>(options).fill(0);
  const second = new Array<number>(options).fill(0);
  const moves = { stayedRight: 0, becameRight: 0, becameWrong: 0, stayedWrong: 0 };
  const changed: Tally['changed'] = [];
  const count = (into: number[], vote: readonly string[]) => {
    for (const option of vote) {
      const i = Number(option);
      if (Number.isInteger(i) && i >= 0 && i < options) into[i]! += 1;
    }
  };
  let voters = { first: 0, second: 0 };
  for (const answer of answers) {
    if (answer.first) {
      count(first, answer.first);
      voters = { ...voters, first: voters.first + 1 };
    }
    if (answer.second) {
      count(second, answer.second);
      voters = { ...voters, second: voters.second + 1 };
    }
    if (!answer.first || !answer.second) continue;
    const [before, after] = [voteKey(answer.first), voteKey(answer.second)];
    const [was, is] = [isRight(before), isRight(after)];
    if (was && is) moves.stayedRight += 1;
    else if (!was && is) moves.becameRight += 1;
    else if (was && !is) moves.becameWrong += 1;
    else moves.stayedWrong += 1;
    if (before !== after) changed.push({ name: answer.name, from: before, to: after, why: answer.why ?? '' });
  }
  return { first, second, voters, moves, changed };
}

/**
 * Discussion groups of about `size`, each mixing readers who voted differently
 * where it can (the point of the discussion): voters sorted by their first
 * vote are dealt round the groups like cards. Those who did not vote are dealt last.
 */
export function assignGroups(entries: readonly { id: string; first?: readonly string[] | undefined }[], size: number): Record<string, number> {
  const count = Math.max(1, Math.round(entries.length / Math.max(2, size)));
  const sorted = [...entries].sort((a, b) => {
    const [ka, kb] = [a.first ? voteKey(a.first) : '~', b.first ? voteKey(b.first) : '~'];
    return ka < kb ? -1 : ka > kb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  return Object.fromEntries(sorted.map((entry, i) => [entry.id, (i % count) + 1]));
}
