import * as crossFrame from 'scorm-again/cross-frame-api';
import type { ItemRecord } from './assignment-summary.ts';
import { isDone } from './hand-in.ts';

/**
 * Reports an assignment's progress to an LMS gradebook when the page was
 * opened by a Glassbox SCORM 1.2 package (`?lms=scorm12&lmsOrigin=…`, in the
 * package's frame). The calls go through scorm-again's CrossFrameAPI to the
 * package's CrossFrameLMS, which makes them on the LMS's own API. Sent:
 * cmi.core.lesson_status (incomplete, then completed when every exercise is
 * done), cmi.core.score.raw / min / max (the percentage done, 0 to 100),
 * cmi.suspend_data (one letter per exercise and its attempts, well under
 * SCORM 1.2's 4,096 characters) and, on leaving, cmi.core.session_time.
 */
interface Scorm12 {
  LMSInitialize(empty: ''): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(empty: ''): string;
  LMSFinish(empty: ''): string;
}

// The package's types name a default export; the module itself exports it by name.
const CrossFrameAPI = (crossFrame as unknown as { CrossFrameAPI: new (origin: string, target: Window) => Scorm12 }).CrossFrameAPI;

/** SCORM 1.2 keeps at most 4,096 characters of suspend data. */
export const SUSPEND_LIMIT = 4096;

let lms: Scorm12 | null | undefined;
const started = Date.now();

/** HHHH:MM:SS, SCORM 1.2's CMITimespan. */
function timespan(ms: number): string {
  const s = Math.floor(ms / 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(Math.floor(s / 3600)).padStart(4, '0')}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
}

function connect(): Scorm12 | null {
  const params = new URLSearchParams(location.search);
  if (params.get('lms') !== 'scorm12' || window.parent === window) return null;
  let origin: string;
  try {
    origin = new URL(params.get('lmsOrigin') ?? '').origin;
  } catch {
    return null;
  }
  if (!/^https?:/.test(origin)) return null;
  const api = new CrossFrameAPI(origin, window.parent);
  api.LMSInitialize('');
  api.LMSSetValue('cmi.core.score.min', '0');
  api.LMSSetValue('cmi.core.score.max', '100');
  addEventListener('pagehide', () => {
    api.LMSSetValue('cmi.core.session_time', timespan(Date.now() - started));
    api.LMSCommit('');
    api.LMSFinish('');
  });
  return api;
}

/** One letter per exercise (d done, a attempted, n not started) and its attempts: "d1.a3.n0". */
export function suspendData(items: ItemRecord[]): string {
  return items
    .map((i) => `${isDone(i.record) ? 'd' : i.record && i.record.attempts > 0 ? 'a' : 'n'}${Math.min(i.record?.attempts ?? 0, 999)}`)
    .join('.')
    .slice(0, SUSPEND_LIMIT);
}

export function reportToLms(items: ItemRecord[]): void {
  if (lms === undefined) lms = connect();
  if (!lms || items.length === 0) return;
  const done = items.filter((i) => isDone(i.record)).length;
  lms.LMSSetValue('cmi.core.score.raw', String(Math.round((100 * done) / items.length)));
  lms.LMSSetValue('cmi.core.lesson_status', done === items.length ? 'completed' : 'incomplete');
  lms.LMSSetValue('cmi.suspend_data', suspendData(items));
  lms.LMSCommit('');
}
