import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readRefusal, refusalReason } from '../../../src/components/peer/refusal.ts';
import { checkRoom, notesName, type Changed } from '../../../src/components/peer/room-schema.ts';
import { hostileEdits } from '../../support/hostile-rooms.ts';

const PATH = '/lessons/convolution-pooling-activation/';

/** A room as honest pages leave it: host, a shared widget, notes, a round and a vote. */
function honestRoom(): Y.Doc {
  const doc = new Y.Doc();
  doc.getMap('meta').set('host', 'hosthosthost');
  doc.getMap('meta').set('presenter', 'hosthosthost');
  doc.getMap('meta').set('round', 'rrrrrrrrrrrr');
  const fields = new Y.Map<unknown>();
  doc.getMap('widgets').set(`${PATH}#relu-pool`, fields);
  for (const [k, v] of Object.entries({ widget: 'relu-pool', seed: 0, image: { kind: 'photo', id: 'cat' }, 'p:size': 3, by: 'hosthosthost', at: 1 }))
    fields.set(k, v);
  doc.getText(notesName(PATH)).insert(0, 'We agreed that stride 2 halves the map.');
  doc.getMap('rounds').set('rrrrrrrrrrrr', { exercise: `${PATH}#map-of-methods`, phase: 'revote', revealed: false, groups: { hosthosthost: 1 }, started: 1 });
  doc.getMap('answers').set('rrrrrrrrrrrr|hosthosthost', { name: 'Ana', first: ['1'], second: ['0'], why: 'changed my mind', at: 2 });
  return doc;
}

describe('checkRoom', () => {
  it('accepts a room as the book writes it, and an honest change of it checked alone', () => {
    const doc = honestRoom();
    expect(checkRoom(doc)).toBeUndefined();
    let changed: Changed = new Map();
    doc.on('afterTransaction', (transaction: Y.Transaction) => (changed = transaction.changed));
    (doc.getMap('widgets').get(`${PATH}#relu-pool`) as Y.Map<unknown>).set('p:size', 2);
    expect(checkRoom(doc, changed)).toBeUndefined();
    // Only what a change touched is checked: an entry it left alone is not looked at again (here one
    // written behind the check's back, which a server never lets in).
    doc.getMap('answers').set('x|y', 'not an answer');
    expect(checkRoom(doc)).toEqual({ code: 'bad-value', part: 'answers', detail: 'answers.x|y: not an answer key' });
    (doc.getMap('widgets').get(`${PATH}#relu-pool`) as Y.Map<unknown>).set('p:size', 3);
    expect(checkRoom(doc, changed)).toBeUndefined();
  });

  it('refuses each of 200 hostile edits of an honest room, naming what is wrong', () => {
    const edits = hostileEdits(200);
    expect(edits).toHaveLength(200);
    const room = Y.encodeStateAsUpdate(honestRoom());
    for (const edit of edits) {
      // The hostile client has the room as it arrived over the wire, and edits it.
      const hostile = new Y.Doc();
      Y.applyUpdate(hostile, room);
      const before = Y.encodeStateVector(hostile);
      edit.apply(hostile);
      // The server applies the client's update to its copy of the room, and checks what it changed (and, here, the whole room).
      const copy = new Y.Doc();
      Y.applyUpdate(copy, room);
      let changed: Changed = new Map();
      copy.on('afterTransaction', (transaction: Y.Transaction) => (changed = transaction.changed));
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(hostile, before));
      const problem = checkRoom(copy, changed);
      expect(problem?.detail, edit.name).toEqual(expect.any(String));
      expect(checkRoom(copy), edit.name).toEqual(problem);
      // Its reason on the wire reads back as the same code and part, one a page words.
      const { code, part } = problem!;
      expect(readRefusal(refusalReason(problem!)), edit.name).toMatchObject(part === undefined ? { code } : { code, part });
      expect(code, edit.name).not.toBe('unknown');
    }
  });

  it('refuses notes longer than 20,000 characters and accepts 20,000', () => {
    const doc = new Y.Doc();
    doc.getText(notesName(PATH)).insert(0, 'a'.repeat(20_000));
    expect(checkRoom(doc)).toBeUndefined();
    doc.getText(notesName(PATH)).insert(0, 'a');
    expect(checkRoom(doc)).toEqual({ code: 'too-long', part: notesName(PATH), detail: `${notesName(PATH)}: longer than 20000 characters` });
  });
});
