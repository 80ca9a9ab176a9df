import { describe, expect, it } from 'vitest';
import { encodeAssignment, linkCheck, MAX_PAYLOAD, readAssignment } from '~/components/assignment/assignment-link.ts';
import type { Assignment } from '~/components/assignment/assignment.ts';

const ASSIGNMENT: Assignment = {
  v: 1,
  title: 'Week 3 · 주차',
  due: 'Friday',
  solutions: 'withheld',
  items: [{ lesson: 'occlusion-and-saliency', exercise: 'occlusion-below' }],
  widgets: [{ lesson: 'occlusion-and-saliency', id: 'occlusion-explorer', lock: ['patch'], hide: ['stride'] }],
};

const payloadOf = (query: string) => new URLSearchParams(query).get('a')!;
const withPayload = async (value: unknown, check = true) => {
  const payload = Buffer.from(JSON.stringify(value)).toString('base64url');
  return `a=${payload}${check ? `&h=${await linkCheck(payload)}` : ''}`;
};

describe('assignment links', () => {
  it('round-trip, Korean included, and are not flagged', async () => {
    const read = await readAssignment(await encodeAssignment(ASSIGNMENT));
    expect(read).toEqual({ assignment: ASSIGNMENT, edited: false });
  });
  it('flag a payload whose check does not match, or that has none', async () => {
    const query = await encodeAssignment(ASSIGNMENT);
    const edited = await withPayload({ ...ASSIGNMENT, title: 'Week 4' }, false);
    expect(await readAssignment(`${edited}&h=${new URLSearchParams(query).get('h')}`)).toMatchObject({ edited: true, assignment: { title: 'Week 4' } });
    expect(await readAssignment(`a=${payloadOf(query)}`)).toMatchObject({ edited: true });
  });
  it('refuse unknown keys, wrong types, long strings, too many items, and say why', async () => {
    for (const bad of [{ ...ASSIGNMENT, extra: 1 }, { ...ASSIGNMENT, v: 2 }, { ...ASSIGNMENT, title: 'x'.repeat(121) }, { ...ASSIGNMENT, items: [] }, { ...ASSIGNMENT, items: Array(41).fill(ASSIGNMENT.items[0]) }, { ...ASSIGNMENT, solutions: 'maybe' }, { ...ASSIGNMENT, items: [{ lesson: '../x', exercise: 'a' }] }]) {
      const read = await readAssignment(await withPayload(bad));
      expect('problem' in read ? read.problem : '').toMatch(/not one the book can show \(\w/);
    }
  });
  it('refuse oversized, mangled and undecodable payloads before parsing them', async () => {
    expect(await readAssignment(`a=${'A'.repeat(MAX_PAYLOAD + 1)}`)).toEqual({ problem: expect.stringContaining(`more than the ${MAX_PAYLOAD}`) });
    expect(await readAssignment('a=abc<def')).toEqual({ problem: expect.stringContaining('characters a link never contains') });
    expect(await readAssignment(`a=${Buffer.from([0xff, 0xfe]).toString('base64url')}`)).toEqual({ problem: expect.stringContaining('cannot be decoded') });
    expect(await readAssignment('x=1')).toEqual({ problem: 'this address holds no assignment.' });
  });
});
