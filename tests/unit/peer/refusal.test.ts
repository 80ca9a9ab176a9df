import { Document } from '@hocuspocus/server';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PeerGuard } from '../../../server/peer-guard.ts';
import { readRefusal, refusalReason, sayRefusal } from '../../../src/components/peer/refusal.ts';
import strings from '../../../src/i18n/ui/peer.ts';

const CODE = 'abcdefghijklmnopqrst';

/** A Hocuspocus message carrying a document update, as a page's provider sends one. */
function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, `glassbox-${CODE}`);
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** How the guard answers one change made on a page's copy of an empty room. */
async function answer(edit: (doc: Y.Doc) => void): Promise<unknown> {
  const guard = new PeerGuard();
  const document = new Document(`glassbox-${CODE}`);
  const page = new Y.Doc();
  edit(page);
  const update = updateMessage(Y.encodeStateAsUpdate(page));
  return guard.beforeHandleMessage({ update, document, socketId: 'socket' } as unknown as Parameters<PeerGuard['beforeHandleMessage']>[0]).then(
    () => 'accepted',
    (error: { code: number; reason: string }) => ({ code: error.code, reason: error.reason }),
  );
}

describe('the server’s refusals', () => {
  it('close the connection with a code, the part of the room and the English detail', async () => {
    expect(await answer((doc) => doc.getMap('meta').set('host', 'hosthosthost'))).toBe('accepted');
    const meta = await answer((doc) => doc.getMap('meta').set('admin', true));
    expect(meta).toEqual({ code: 4400, reason: 'refused: bad-value meta: meta: unknown key admin' });
    expect(readRefusal((meta as { reason: string }).reason)).toEqual({ code: 'bad-value', part: 'meta', detail: 'meta: unknown key admin' });
    const widget = await answer((doc) => doc.getMap('widgets').set('/lessons/x/#relu-pool', new Y.Map([['widget', 'no-such-widget']])));
    expect(readRefusal((widget as { reason: string }).reason)).toEqual({
      code: 'bad-value',
      part: 'widgets',
      detail: 'widgets./lessons/x/#relu-pool: not a widget of the book',
    });
    const part = await answer((doc) => doc.getMap('evil').set('x', 1));
    expect(part).toEqual({ code: 4400, reason: 'refused: unknown-part evil: unknown part evil' });
    const notes = await answer((doc) => doc.getMap('notes:/lessons/x/').set('x', 1));
    expect(readRefusal((notes as { reason: string }).reason)).toEqual({ code: 'bad-part', part: 'notes:/lessons/x/', detail: 'notes:/lessons/x/: not a text' });
  });

  it('keep a reason within 120 bytes, cutting only the detail, between characters', () => {
    const part = `notes:/lessons/${'a'.repeat(100)}/`;
    const reason = refusalReason({ code: 'too-long', part, detail: `${part}: ${'가'.repeat(100)}` });
    expect(new TextEncoder().encode(reason).length).toBeLessThanOrEqual(120);
    expect(reason).toMatch(/^refused: too-long notes:\/lessons\/a{45}: notes:\/lessons\//);
    expect(readRefusal(reason)).toMatchObject({ code: 'too-long', part: part.slice(0, 60) });
    expect(reason.endsWith('\ufffd')).toBe(false);
    // A part a hostile page made up stays one printable word.
    expect(refusalReason({ code: 'unknown-part', part: 'a b\u202ec', detail: 'unknown part' })).toBe('refused: unknown-part a?b?c: unknown part');
    expect(refusalReason({ code: 'too-fast', detail: 'more messages a second than a session needs' })).toBe(
      'refused: too-fast: more messages a second than a session needs',
    );
  });
});

describe('a page reads a refusal', () => {
  it('as its code, part and detail, a part that holds a colon included', () => {
    expect(readRefusal('refused: too-long notes:/lessons/x/: notes:/lessons/x/: longer than 20000 characters')).toEqual({
      code: 'too-long',
      part: 'notes:/lessons/x/',
      detail: 'notes:/lessons/x/: longer than 20000 characters',
    });
    expect(readRefusal('refused: too-fast: more messages a second than a session needs')).toEqual({
      code: 'too-fast',
      detail: 'more messages a second than a session needs',
    });
    // Not a refusal at all: a connection closed for another reason.
    expect(readRefusal('')).toBeUndefined();
    expect(readRefusal('Forbidden')).toBeUndefined();
  });

  it('as unknown, keeping the whole text, when an older or newer server sent it', () => {
    for (const text of ['meta: unknown key foo', 'not a room', 'too-slow: the page is slow', 'bad-value: a part-naming code without its part'])
      expect(readRefusal(`refused: ${text}`), text).toEqual({ code: 'unknown', detail: text });
  });
});

describe('a page words a refusal', () => {
  const meta = { code: 'bad-value', part: 'meta', detail: 'meta: unknown key foo' } as const;
  const fast = { code: 'too-fast', detail: 'more messages a second than a session needs' } as const;
  const old = { code: 'unknown', detail: 'meta: unknown key foo' } as const;

  it('in Korean with Korean words, identifiers and numbers only', () => {
    expect(sayRefusal(meta, 'ko')).toBe('이 변경을 적용하면 meta 부분에 이 책이 쓰지 않는 값이 들어갑니다.');
    expect(sayRefusal(fast, 'ko')).toBe('이 페이지가 1초에 보낸 메시지 수가 서버의 허용 한도를 넘었습니다.');
    expect(sayRefusal(old, 'ko')).toBe('서버가 이 페이지가 알지 못하는 이유로 거부했습니다. 서버가 다른 버전의 책을 실행하고 있을 수 있습니다.');
    const status = strings('ko')('status.serverSaid', { status: strings.ko['status.refused'], reason: sayRefusal(meta, 'ko') });
    expect(status).toMatch(/새로 고치세요\. 거부 이유: 이 변경을 적용하면 meta 부분에/);
    // No English prose: the only Latin letters are the part's name.
    expect(status.replace(/\bmeta\b/g, '')).not.toMatch(/[A-Za-z]/);
  });

  it('in English, with the server’s own detail after the sentence', () => {
    expect(sayRefusal(meta, 'en')).toBe('The change would put a value in meta that the book never writes there. (meta: unknown key foo)');
    expect(sayRefusal(fast, 'en')).toBe('This page sent more messages a second than the server allows. (more messages a second than a session needs)');
    expect(sayRefusal(old, 'en')).toBe(
      'The server gave a reason this page does not know; it may be running another version of the book. (meta: unknown key foo)',
    );
  });
});
