import { describe, expect, it } from 'vitest';
import { difference } from '../../../src/components/peer/notes.ts';
import { readRoomCode, showRoomCode } from '../../../src/components/peer/room-code.ts';
import { PATH } from '../../../src/components/peer/room-limits.ts';
import { changedFields, fieldsProblem, fieldsToState, stateToFields } from '../../../src/components/peer/widget-fields.ts';

describe('difference', () => {
  it('finds the one edit between two texts', () => {
    expect(difference('stride halves', 'stride 2 halves')).toEqual({ at: 7, removed: 0, inserted: '2 ' });
    expect(difference('abcdef', 'abef')).toEqual({ at: 2, removed: 2, inserted: '' });
    expect(difference('aaa', 'aaaa')).toEqual({ at: 3, removed: 0, inserted: 'a' });
    expect(difference('same', 'same')).toEqual({ at: 4, removed: 0, inserted: '' });
    expect(difference('old text', 'new')).toEqual({ at: 0, removed: 8, inserted: 'new' });
    // Never between the halves of an emoji (U+1F600 and U+1F603 share their first half).
    expect(difference('😀😃', '😃')).toEqual({ at: 0, removed: 2, inserted: '' });
    expect(difference('a😀', 'a😃')).toEqual({ at: 1, removed: 2, inserted: '😃' });
  });
});

describe('room codes', () => {
  it('reads a code however it is typed, and refuses anything else', () => {
    expect(readRoomCode(' ABCDE-fghij klmno-pqrst ')).toBe('abcdefghijklmnopqrst');
    expect(showRoomCode('abcdefghijklmnopqrst')).toBe('abcde-fghij-klmno-pqrst');
    for (const bad of ['abcdefghijklmnopqrs', 'abcdefghijklmnopqrst1', 'abcdefghijklmnopqrs0', '<script>']) expect(readRoomCode(bad)).toBeUndefined();
  });
});

describe('page paths', () => {
  it('are paths of this site only: never another host', () => {
    for (const good of ['/', '/lessons/cam-and-grad-cam/', '/session/']) expect(PATH.test(good), good).toBe(true);
    for (const bad of ['//evil.example/x', 'https://evil.example/', 'javascript:alert(1)', '/lessons/<b>/', '']) expect(PATH.test(bad), bad).toBe(false);
  });
});

describe('widget fields', () => {
  const state = { widget: 'relu-pool', image: { kind: 'photo' as const, id: 'cat' }, params: { kernel: 'vertical-edge', size: 3, stride: 2 }, seed: 0 };

  it('round-trips a state, one field per setting', () => {
    const fields = stateToFields(state);
    expect(fields).toEqual({ widget: 'relu-pool', seed: 0, image: { kind: 'photo', id: 'cat' }, 'p:kernel': 'vertical-edge', 'p:size': 3, 'p:stride': 2 });
    expect(fieldsToState({ ...fields, by: 'hosthosthost', at: 5 }, 'relu-pool')).toEqual(state);
  });

  it('never shares a reader’s own pixels', () => {
    const fields = stateToFields({ ...state, image: { kind: 'upload', name: 'me.png', dataUrl: 'data:image/png;base64,AAAA' } });
    expect(fields['image']).toEqual({ kind: 'upload', name: 'me.png' });
  });

  it('changes only the fields that differ, and drops those the new state lacks', () => {
    expect(changedFields(stateToFields(state), stateToFields({ ...state, params: { kernel: 'vertical-edge', size: 2 } }))).toEqual({
      set: { 'p:size': 2 },
      drop: ['p:stride'],
    });
  });

  it('a page replaces what its widget does not offer; the server refuses it', () => {
    const fields = { ...stateToFields(state), 'p:size': 9 };
    expect(fieldsToState(fields, 'relu-pool')?.params['size']).toBe(2);
    expect(fieldsProblem(fields)).toMatch(/size/);
    // A setting the widget does not read is dropped by pages, as in links; a rule that depends on other
    // settings is left to pages (two readers may change linked settings at once).
    expect(fieldsProblem({ ...stateToFields(state), 'p:colour': 'red' })).toBeUndefined();
    expect(fieldsToState({ ...stateToFields(state), 'p:colour': 'red' }, 'relu-pool')?.params).not.toHaveProperty('colour');
    // Own pictures are shared without pixels, and accepted so.
    expect(fieldsProblem(stateToFields({ ...state, image: { kind: 'upload', name: 'me.png', dataUrl: 'data:image/png;base64,AAAA' } }))).toBeUndefined();
    expect(fieldsProblem({ ...stateToFields(state), widget: 'no-such-widget' })).toBe('not a widget of the book');
    expect(fieldsProblem(stateToFields(state))).toBeUndefined();
  });
});
