import * as Y from 'yjs';
import { newRoundId } from './room-code.ts';
import { LIMITS } from './room-limits.ts';
import { ANSWER_KEY, answerSchema, metaSchema, readValue, roundSchema, type Answer, type Round } from './room-schema.ts';
import type { Room } from './session-connect.ts';
import { assignGroups } from './pi-tally.ts';

/**
 * A peer-instruction round in the room: the host opens one on a checked
 * choice exercise, everyone votes alone, the host may reveal the class's
 * votes, puts readers into discussion groups, opens the second vote and closes
 * the round. Each reader writes only their own answer entry, so votes never
 * overwrite each other. What the room holds is readable by anyone with its
 * code: "hidden until revealed" is hidden on the screen, not secret.
 */
export class PeerRound {
  private readonly meta: Y.Map<unknown>;
  private readonly rounds: Y.Map<unknown>;
  private readonly answers: Y.Map<unknown>;

  constructor(private readonly room: Room) {
    this.meta = room.doc.getMap('meta');
    this.rounds = room.doc.getMap('rounds');
    this.answers = room.doc.getMap('answers');
  }

  onChange(listener: () => void): void {
    for (const map of [this.meta, this.rounds, this.answers]) map.observe(listener);
  }

  /** The open round, if the host has one open and it reads as a round. */
  current(): { id: string; round: Round } | undefined {
    const id = readValue(metaSchema, this.meta.toJSON())?.round;
    const round = id ? readValue(roundSchema, this.rounds.get(id)) : undefined;
    return id && round ? { id, round } : undefined;
  }

  /** Every valid answer of a round, by participant id. */
  answersOf(roundId: string): Map<string, Answer> {
    const out = new Map<string, Answer>();
    for (const [key, value] of this.answers.entries()) {
      const match = ANSWER_KEY.exec(key);
      const answer = match?.[1] === roundId ? readValue(answerSchema, value) : undefined;
      if (answer) out.set(match![2]!, answer);
    }
    return out;
  }

  /** This reader's participant id, the key of their answers and their group. */
  mineKey(): string {
    return this.room.me.id;
  }

  mine(roundId: string): Answer | undefined {
    return this.answersOf(roundId).get(this.room.me.id);
  }

  /** Records this reader's first or second vote (with why, when the second differs). */
  vote(roundId: string, which: 'first' | 'second', vote: string[], why = ''): void {
    const previous = this.mine(roundId);
    const answer: Answer = { ...previous, name: this.room.me.name, [which]: vote, at: Date.now() };
    if (which === 'second') answer.why = why.slice(0, LIMITS.why);
    this.transact(() => this.answers.set(`${roundId}|${this.room.me.id}`, answer));
  }

  // The host's steps.
  open(exercise: string): void {
    const id = newRoundId();
    const round: Round = { exercise, phase: 'answer', revealed: false, groups: {}, started: Date.now() };
    this.transact(() => {
      this.rounds.set(id, round);
      this.meta.set('round', id);
    });
  }

  reveal(revealed: boolean): void {
    this.update({ revealed });
  }

  discuss(size: number): void {
    const current = this.current();
    if (!current) return;
    const entries = [...this.answersOf(current.id)].map(([id, answer]) => ({ id, first: answer.first }));
    this.update({ phase: 'discuss', groups: assignGroups(entries, size) });
  }

  revote(): void {
    this.update({ phase: 'revote', revealed: false });
  }

  close(): void {
    this.update({ phase: 'closed', revealed: true });
  }

  private update(part: Partial<Round>): void {
    const current = this.current();
    if (current) this.transact(() => this.rounds.set(current.id, { ...current.round, ...part }));
  }

  private transact(run: () => void): void {
    this.room.doc.transact(run, this.room.local);
  }
}
