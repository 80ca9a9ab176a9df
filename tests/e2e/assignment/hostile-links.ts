/**
 * Hostile assignment links from a seeded generator: wrong types, huge values,
 * unknown keys, script strings, truncated and mangled encodings, oversized
 * payloads, exercises and lessons the book does not have, and well-formed
 * assignments whose widget states carry hostile values (hostile-states.ts).
 * Each comes with what the page must do: refuse it with a notice, or show it
 * (widgets with their refused values replaced).
 */
import { createRng, type Rng } from '../../../src/engine/shared/rng.ts';
import { linkCheck } from '../../../src/components/assignment/assignment-link.ts';
import { hostileStates } from '../widgets/hostile-states.ts';

export interface HostileLink {
  query: string;
  /** 'refused': the empty view with a notice; 'shown': the assignment, possibly with notices. */
  expect: 'refused' | 'shown';
  what: string;
}

const SCRIPTS = ['<script>window.__pwned=1</script>', '<img src=x onerror="window.__pwned=1">', 'javascript:window.__pwned=1', '"><svg onload=window.__pwned=1>', '{{constructor.constructor("window.__pwned=1")()}}'];
const GOOD_ITEM = { lesson: 'occlusion-and-saliency', exercise: 'occlusion-positions' };
const base = () => ({ v: 1, title: 'Week 3', due: 'Friday', solutions: 'shown', items: [{ ...GOOD_ITEM }], widgets: [] as unknown[] });

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng.next() * list.length)]!;

async function signed(value: unknown): Promise<string> {
  const payload = b64(JSON.stringify(value));
  return `a=${payload}&h=${await linkCheck(payload)}`;
}

/** Wrong types and values for each key of the assignment and its items. */
function mutations(rng: Rng): { value: unknown; what: string; shown?: boolean }[] {
  const bad = [null, true, 1e308, -1, 0, '', [], {}, 'x'.repeat(5000), ['a'], { a: 1 }, pick(rng, SCRIPTS)];
  const out: { value: unknown; what: string; shown?: boolean }[] = [];
  // Which of those values a key may hold, as the issue states the rules: a title of 1 to 120 characters, a due text of up to 120, any list of widgets up to 20.
  const allowed: Record<string, (value: unknown) => boolean> = {
    title: (v) => typeof v === 'string' && v.length >= 1 && v.length <= 120,
    due: (v) => typeof v === 'string' && v.length <= 120,
    widgets: (v) => Array.isArray(v) && v.length === 0,
  };
  for (const key of ['v', 'title', 'due', 'solutions', 'items', 'widgets'] as const) {
    for (const value of bad) {
      const a: Record<string, unknown> = base();
      a[key] = value;
      out.push({ value: a, what: `${key} = ${JSON.stringify(value).slice(0, 40)}`, shown: allowed[key]?.(value) ?? false });
    }
  }
  for (const value of [...bad, 'occlusion-and-saliency/../x', 'Occlusion-And-Saliency']) {
    out.push({ value: { ...base(), items: [{ ...GOOD_ITEM, lesson: value }] }, what: `item lesson ${JSON.stringify(value).slice(0, 30)}` });
    out.push({ value: { ...base(), items: [{ ...GOOD_ITEM, exercise: value }] }, what: `item exercise ${JSON.stringify(value).slice(0, 30)}` });
  }
  out.push({ value: { ...base(), extra: 1 }, what: 'an unknown key' });
  out.push({ value: JSON.parse(`{"__proto__":{"polluted":1},${JSON.stringify(base()).slice(1)}`), what: 'a __proto__ key' });
  out.push({ value: { ...base(), constructor: 1 }, what: 'a constructor key' });
  out.push({ value: { ...base(), items: [{ ...GOOD_ITEM, extra: 'x' }] }, what: 'an unknown item key' });
  out.push({ value: { ...base(), items: Array.from({ length: 41 }, () => GOOD_ITEM) }, what: '41 items' });
  out.push({ value: { ...base(), widgets: [{ lesson: 'occlusion-and-saliency', id: 'occlusion-explorer', lock: ['x'.repeat(61)], hide: [] }] }, what: 'a long control key' });
  out.push({ value: { ...base(), widgets: [{ lesson: 'occlusion-and-saliency', id: 'occlusion-explorer', lock: [], hide: [], evil: 1 }] }, what: 'an unknown widget key' });
  // Valid shapes the book must show, skipping or ignoring what it does not have.
  for (const script of SCRIPTS) out.push({ value: { ...base(), title: script.slice(0, 120), due: script.slice(0, 120) }, what: `script text ${script.slice(0, 20)}`, shown: true });
  out.push({ value: { ...base(), items: [GOOD_ITEM, { lesson: 'no-such-lesson', exercise: 'x' }, { lesson: 'occlusion-and-saliency', exercise: 'no-such-exercise' }] }, what: 'unknown lesson and exercise', shown: true });
  out.push({ value: { ...base(), widgets: [{ lesson: 'occlusion-and-saliency', id: 'occlusion-explorer', lock: ['no-such-control', 'patch'], hide: ['stride', 'nope'] }] }, what: 'unknown controls', shown: true });
  return out;
}

export async function hostileLinks(seed: number): Promise<HostileLink[]> {
  const rng = createRng(seed);
  const links: HostileLink[] = [];
  for (const m of mutations(rng)) links.push({ query: await signed(m.value), expect: m.shown ? 'shown' : 'refused', what: m.what });
  // Widget states of the wrong kind or with values the widget does not offer: shown, the values replaced.
  for (const [k, state] of hostileStates('occlusion-explorer', 8, seed).entries()) {
    links.push({ query: await signed({ ...base(), widgets: [{ lesson: 'occlusion-and-saliency', id: 'occlusion-explorer', lock: ['patch'], hide: [], state }] }), expect: 'shown', what: `hostile widget state ${k}` });
  }
  // Broken encodings of a good link: truncated, mangled, not base64, not JSON, not UTF-8, oversized.
  const good = b64(JSON.stringify(base()));
  for (let cut = 1; links.length < 420 && cut < good.length; cut += 1) links.push({ query: `a=${good.slice(0, good.length - cut)}&h=${await linkCheck(good)}`, expect: 'refused', what: `truncated by ${cut}` });
  const junk = ['', '%', '%00', '====', '!!!!', 'a', b64('null'), b64('[]'), b64('"x"'), b64('{'), b64('1e999'), Buffer.from([0xff, 0xfe, 0x00]).toString('base64url'), 'A'.repeat(6001), b64(JSON.stringify({ ...base(), title: 'x'.repeat(6000) }))];
  for (const payload of junk) links.push({ query: `a=${encodeURIComponent(payload)}`, expect: 'refused', what: `payload ${payload.slice(0, 20)}` });
  while (links.length < 520) {
    const chars = [...good];
    // One character a link never holds, so the payload cannot stay intact by chance, and two of any kind.
    chars[Math.floor(rng.next() * chars.length)] = pick(rng, ['<', '"', "'", '%', '&', '#', ' ']);
    for (let n = 0; n < 2; n += 1) chars[Math.floor(rng.next() * chars.length)] = pick(rng, ['<', '"', "'", '%', '&', '#', ' ', 'A', '_', '-']);
    links.push({ query: `a=${encodeURIComponent(chars.join(''))}&h=0`, expect: 'refused', what: 'mangled characters' });
  }
  return links;
}
