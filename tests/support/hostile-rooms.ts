import * as Y from 'yjs';

/**
 * Hostile edits of a room's document, as a modified client could send them:
 * bad types, huge values, script strings, unknown parts and keys, nested types
 * where plain values belong, formatted text. Seeded, so the same 200 each run.
 */
export interface HostileEdit {
  name: string;
  apply(doc: Y.Doc): void;
}

const SCRIPTS = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=1</script>',
  '"><svg onload=window.__pwned=1>',
  'javascript:window.__pwned=1',
  '{{constructor.constructor("window.__pwned=1")()}}',
  '\u202e<iframe srcdoc="<script>parent.__pwned=1</script>">',
];
const HUGE = ['x'.repeat(70_000), 'y'.repeat(20_001), 1e308, -1e308, Number.MAX_SAFE_INTEGER * 4];
const BAD = [null, true, [], {}, -1, 1.5, NaN, 'host', { __proto__: { polluted: 1 } }, [1, [2, [3]]], ...SCRIPTS, ...HUGE];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PATH = '/lessons/convolution-pooling-activation/';

/** The fields of a valid relu-pool state, with `changes` made. */
function widgetMap(changes: Record<string, unknown>): Y.Map<unknown> {
  const fields = new Y.Map<unknown>();
  for (const [k, v] of Object.entries({
    widget: 'relu-pool',
    seed: 0,
    image: { kind: 'photo', id: 'cat' },
    'p:kernel': 'vertical-edge',
    'p:size': 2,
    'p:stride': 2,
    ...changes,
  }))
    fields.set(k, v);
  return fields;
}

/** Values each field refuses on its own: a type it never has, or a value outside what the widget offers. */
const BAD_FIELDS: [string, readonly unknown[]][] = [
  ['widget', ['no-such-widget', 5, ...SCRIPTS]],
  ['p:size', ['host', 5, 1.5, true, [], null, ...SCRIPTS, 1e308]],
  ['p:kernel', [1, 'no-such-kernel', ...SCRIPTS]],
  ['p:stride', [0, 9, -1, '2']],
  ['image', ['host', 5, { kind: 'photo', id: '<script>' }, { kind: 'url', href: 'javascript:alert(1)' }]],
  ['seed', ['x', 1.5, null]],
  ['class', [-1, 1.5, 'host']],
  ['by', ['<img src=x>', 5, 'hosthosthos']],
  ['at', ['now', -5]],
  ['onload', ['x']],
  ['p:' + 'z'.repeat(60), [1]],
];
const FAMILIES: ((pick: <T>(list: readonly T[]) => T, i: number) => HostileEdit)[] = [
  (pick) => {
    const key = pick(['host', 'presenter', 'round', 'created', '__proto__', 'admin', 'theme']);
    const value = pick(BAD);
    return { name: `meta.${key} = ${String(JSON.stringify(value)).slice(0, 30)}`, apply: (doc) => doc.getMap('meta').set(key, value) };
  },
  (pick) => {
    // A valid state with one field made bad, so the refusal is for that field.
    const [field, bad] = pick(BAD_FIELDS);
    const value = pick(bad);
    return {
      name: `widgets field ${field} = ${String(JSON.stringify(value)).slice(0, 30)}`,
      apply: (doc) => doc.getMap('widgets').set(`${PATH}#relu-pool`, widgetMap({ [field]: value })),
    };
  },
  (pick) => {
    const key = pick(['host', 'presenter', 'round', 'created', '__proto__', 'admin', 'theme']);
    const value = pick(BAD);
    return { name: `meta.${key} = ${String(JSON.stringify(value)).slice(0, 30)}`, apply: (doc) => doc.getMap('meta').set(key, value) };
  },
  (pick) => {
    const field = pick(['widget', 'image', 'class', 'model', 'seed', 'p:size', 'p:kernel', 'p:' + 'z'.repeat(60), 'onload', 'by', 'at']);
    const value = pick(BAD);
    return {
      name: `widgets field ${field.slice(0, 20)} = ${String(JSON.stringify(value)).slice(0, 30)}`,
      apply: (doc) => {
        const fields = new Y.Map<unknown>();
        doc.getMap('widgets').set(`${PATH}#relu-pool`, fields);
        fields.set('widget', 'relu-pool');
        fields.set(field, value);
      },
    };
  },
  (pick) => {
    const key = pick([`${PATH}#<img src=x>`, '/../../etc#x', `${PATH}#relu-pool\n`, 'x'.repeat(300), `${PATH}`, '//evil.example/x#relu-pool']);
    return { name: `widgets key ${JSON.stringify(key).slice(0, 30)}`, apply: (doc) => doc.getMap('widgets').set(key, widgetMap({})) };
  },
  (pick) => {
    const value = pick<unknown>([...BAD, new Y.Text('x'), new Y.Array()]);
    return { name: `widgets entry not a map: ${String(value).slice(0, 20)}`, apply: (doc) => doc.getMap('widgets').set(`${PATH}#relu-pool`, value) };
  },
  (pick) => {
    const name = pick(['evil', 'notes', 'notes:', 'notes:/../x', '__proto__', 'widgets2', 'notes:/lessons/<script>/']);
    return { name: `unknown part ${name}`, apply: (doc) => doc.getMap(name).set('x', pick(SCRIPTS)) };
  },
  (pick) => {
    const text = pick([...SCRIPTS, 'z'.repeat(20_001)]);
    const formatted = text.length < 1000;
    return {
      name: formatted ? `formatted notes ${text.slice(0, 20)}` : 'notes of 20,001 characters',
      apply: (doc) => (formatted ? doc.getText(`notes:${PATH}`).insert(0, text, { bold: true, href: text }) : doc.getText(`notes:${PATH}`).insert(0, text)),
    };
  },
  (pick) => ({ name: 'notes as a map', apply: (doc) => doc.getMap('notes:/lessons/layer-activations/').set('x', pick(SCRIPTS)) }),
  (pick, i) => {
    const round = {
      exercise: pick([`${PATH}#map-of-methods`, pick(SCRIPTS)]),
      phase: pick(['answer', 'discuss', 'revote', 'closed', 'pwn', 1]),
      revealed: pick([true, 'yes', 1]),
      groups: pick([{}, { hosthosthost: 999 }, { '<x>': 1 }, []]),
      started: pick([1, -5, 'now']),
    };
    const valid =
      typeof round.revealed === 'boolean' &&
      Array.isArray(round.groups) === false &&
      round.started === 1 &&
      typeof round.phase === 'string' &&
      round.phase !== 'pwn' &&
      round.exercise.startsWith('/') &&
      !('hosthosthost' in round.groups) &&
      !('<x>' in round.groups);
    if (valid) Object.assign(round, { extra: pick(SCRIPTS) });
    return { name: `round ${i}: ${JSON.stringify(round).slice(0, 40)}`, apply: (doc) => doc.getMap('rounds').set('aaaaaaaaaaaa', round) };
  },
  (pick) => {
    const answer = {
      name: pick(['', 'n'.repeat(41), 'Ana']),
      first: pick([['0'], ['<script>'], [], Array.from({ length: 13 }, () => '1'), 'all']),
      why: pick(['', 'w'.repeat(281)]),
      at: 1,
    };
    if (answer.name === 'Ana' && Array.isArray(answer.first) && answer.first.length === 1 && answer.first[0] === '0' && answer.why.length <= 280)
      Object.assign(answer, { html: pick(SCRIPTS) });
    return {
      name: `answer ${JSON.stringify(answer).slice(0, 40)}`,
      apply: (doc) => doc.getMap('answers').set(pick(['aaaaaaaaaaaa|bbbbbbbbbbbb', 'x|y', '<b>|<i>']), answer),
    };
  },
  () => ({ name: 'meta as a list', apply: (doc) => doc.getArray('meta').push(['x']) }),
];

/** `count` hostile edits, seeded; each alone makes a room fail the server's check. */
export function hostileEdits(count: number, seed = 14): HostileEdit[] {
  const random = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  return Array.from({ length: count }, (_, i) => FAMILIES[i % FAMILIES.length]!(pick, i));
}
