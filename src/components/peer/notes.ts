import { LIMITS } from './room-limits.ts';
import { notesName } from './room-schema.ts';
import type { Room } from './session-connect.ts';

/**
 * The group's notes for one lesson: a textarea bound to a Y.Text, so several
 * people type at once and, after a lost connection, everyone's text is kept.
 * Local typing becomes the smallest insert and delete; a remote change keeps
 * the reader's caret where it was in their own text.
 */
export function bindNotes(room: Room, field: HTMLTextAreaElement, path: string): void {
  const shared = room.doc.getText(notesName(path));
  field.maxLength = LIMITS.note;
  field.value = shared.toString();
  field.addEventListener(
    'input',
    () => {
      const before = shared.toString();
      const after = field.value.slice(0, LIMITS.note);
      const { at, removed, inserted } = difference(before, after);
      if (!removed && !inserted) return;
      room.doc.transact(() => {
        if (removed) shared.delete(at, removed);
        if (inserted) shared.insert(at, inserted);
      }, room.local);
    },
    { signal: room.signal },
  );
  shared.observe((event, transaction) => {
    if (transaction.origin === room.local) return;
    let [start, end] = [field.selectionStart, field.selectionEnd];
    let index = 0;
    for (const op of event.delta) {
      if (op.retain) index += op.retain;
      else if (typeof op.insert === 'string') {
        if (index < start) start += op.insert.length;
        if (index < end) end += op.insert.length;
        index += op.insert.length;
      } else if (op.delete) {
        if (index < start) start -= Math.min(op.delete, start - index);
        if (index < end) end -= Math.min(op.delete, end - index);
      }
    }
    field.value = shared.toString();
    if (document.activeElement === field) field.setSelectionRange(start, end);
  });
}

/** The one edit that turns `before` into `after`: common start and end kept. */
export function difference(before: string, after: string): { at: number; removed: number; inserted: string } {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start += 1;
  // Never between the two halves of a character outside the BMP (an emoji): the text would get U+FFFD.
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start -= 1;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end += 1;
  if (end > 0 && isLowSurrogate(before.charCodeAt(before.length - end))) end -= 1;
  return { at: start, removed: before.length - start - end, inserted: after.slice(start, after.length - end) };
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;
