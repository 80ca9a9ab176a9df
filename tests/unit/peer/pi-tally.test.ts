import { describe, expect, it } from 'vitest';
import { assignGroups, tally } from '../../../src/components/peer/pi-tally.ts';

const right = (key: string) => key === '1';

describe('tally', () => {
  it('counts first and second votes per option and how each voter moved', () => {
    const answers = [
      { name: 'Ana', first: ['1'], second: ['1'], at: 1 },
      { name: 'Bo', first: ['0'], second: ['1'], why: 'the heatmap is about one input', at: 1 },
      { name: 'Cy', first: ['1'], second: ['2'], why: 'unsure', at: 1 },
      { name: 'Di', first: ['2'], second: ['2'], at: 1 },
      { name: 'Ed', first: ['0'], at: 1 },
    ];
    const t = tally(answers, 3, right);
    expect(t.first).toEqual([2, 2, 1]);
    expect(t.second).toEqual([0, 2, 2]);
    expect(t.voters).toEqual({ first: 5, second: 4 });
    expect(t.moves).toEqual({ stayedRight: 1, becameRight: 1, becameWrong: 1, stayedWrong: 1 });
    expect(t.changed).toEqual([
      { name: 'Bo', from: '0', to: '1', why: 'the heatmap is about one input' },
      { name: 'Cy', from: '1', to: '2', why: 'unsure' },
    ]);
  });

  it('keys a several-option vote in any order, and ignores options that do not exist', () => {
    const t = tally([{ name: 'Ana', first: ['2', '0'], second: ['0', '2', '7'], at: 1 }], 3, (key) => key === '0+2');
    expect(t.first).toEqual([1, 0, 1]);
    expect(t.second).toEqual([1, 0, 1]);
    expect(t.moves.becameWrong).toBe(1);
    expect(t.changed).toEqual([{ name: 'Ana', from: '0+2', to: '0+2+7', why: '' }]);
  });
});

describe('assignGroups', () => {
  it('deals voters sorted by their vote round the groups, so a group mixes votes', () => {
    const entries = [
      { id: 'a', first: ['0'] },
      { id: 'b', first: ['0'] },
      { id: 'c', first: ['1'] },
      { id: 'd', first: ['1'] },
      { id: 'e', first: ['2'] },
      { id: 'f', first: undefined },
    ];
    // 6 readers in groups of 2: 3 groups; sorted a b c d e f, dealt 1 2 3 1 2 3.
    expect(assignGroups(entries, 2)).toEqual({ a: 1, b: 2, c: 3, d: 1, e: 2, f: 3 });
    expect(new Set(Object.values(assignGroups(entries, 3)))).toEqual(new Set([1, 2]));
    expect(assignGroups([{ id: 'a', first: ['0'] }], 3)).toEqual({ a: 1 });
  });
});
