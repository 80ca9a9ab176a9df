import { voteKey } from './pi-tally.ts';
import type { PeerRound } from './pi-round.ts';
import { notesPath, readValue, roundSchema } from './room-schema.ts';
import type { Room } from './session-connect.ts';
import type { Lang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/peer.ts';

/**
 * What a group takes away from a session: every lesson's notes and every
 * peer-instruction round with each vote, as JSON (for a script or an LMS) or
 * Markdown (to read or paste). Votes are option numbers, counted from 1.
 */
export interface SessionExport {
  format: 'glassbox-peer-session/1';
  room: string;
  exported: string;
  notes: Record<string, string>;
  rounds: { exercise: string; phase: string; started: string; votes: { name: string; first?: string; second?: string; why?: string }[] }[];
}

const shown = (vote: readonly string[] | undefined): string | undefined => (vote ? voteKey(vote.map((o) => String(Number(o) + 1))) : undefined);

export function exportSession(room: Room, rounds: PeerRound): SessionExport {
  const notes: Record<string, string> = {};
  for (const name of room.doc.share.keys()) {
    const path = notesPath(name);
    if (path === undefined) continue;
    const text = room.doc.getText(name).toString();
    if (text.trim()) notes[path] = text;
  }
  const list: SessionExport['rounds'] = [];
  for (const [id, value] of room.doc.getMap('rounds').entries()) {
    const round = readValue(roundSchema, value);
    if (!round) continue;
    const votes = [...rounds.answersOf(id).values()].map((a) => ({
      name: a.name,
      first: shown(a.first),
      second: shown(a.second),
      ...(a.why ? { why: a.why } : {}),
    }));
    list.push({ exercise: round.exercise, phase: round.phase, started: new Date(round.started).toISOString(), votes });
  }
  list.sort((a, b) => a.started.localeCompare(b.started));
  return { format: 'glassbox-peer-session/1', room: room.code, exported: new Date().toISOString(), notes, rounds: list };
}

/** The export as Markdown, its headings in the language of the page it is downloaded from. */
export function sessionMarkdown(data: SessionExport, lang: Lang = 'en'): string {
  const t = strings(lang);
  const lines = [`# ${t('export.title', { room: data.room })}`, '', t('export.exported', { time: data.exported }), ''];
  for (const [path, text] of Object.entries(data.notes)) lines.push(`## ${t('export.notes', { path })}`, '', text.trim(), '');
  for (const round of data.rounds) {
    lines.push(`## ${t('export.vote', { exercise: round.exercise, time: round.started })}`, '', t('export.columns'), '| --- | --- | --- | --- |');
    for (const v of round.votes) lines.push(`| ${cell(v.name)} | ${v.first ?? ''} | ${v.second ?? ''} | ${cell(v.why ?? '')} |`);
    lines.push('');
  }
  return lines.join('\n');
}

/** A table cell: pipes and line breaks would break the row. */
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
