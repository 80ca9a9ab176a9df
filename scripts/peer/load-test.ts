/**
 * npm run peer-load: the session server under a study group's load, on loopback
 * only and bounded in count and time. N simulated participants in one room each
 * change a widget state R times a second for S seconds; every participant
 * records when each change of the others reaches it (all clients share one
 * clock: this process). Reports p50/p95/max propagation latency, whether any
 * update was lost (each participant must end with every other's last change,
 * and must have seen every change), and the server's resident memory over time.
 * `-- --redis` runs two server processes behind one Redis (Debian's
 * redis-server), clients split between them, and reports the latency of
 * changes that crossed from one server to the other separately.
 *   -- --clients 30 --seconds 60 --rate 2 [--redis]
 */
import { HocuspocusProvider } from '@hocuspocus/provider';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import { quantile } from '../bench/stats.ts';
import { startPeerServer, startRedis, type Process } from '../../tests/support/peer-processes.ts';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '30' },
    seconds: { type: 'string', default: '60' },
    rate: { type: 'string', default: '2' },
    redis: { type: 'boolean', default: false },
  },
});
const CLIENTS = Math.min(100, Number(values.clients));
const SECONDS = Math.min(300, Number(values.seconds));
const RATE = Math.min(10, Number(values.rate));
const ROOM = 'glassbox-loadtestroomloadtest';
const PATH = '/lessons/convolution-pooling-activation/';

const redis = values.redis ? await startRedis() : undefined;
const servers: Process[] = [];
for (const name of values.redis ? ['one', 'two'] : ['one']) servers.push(await startPeerServer({ ...(redis ? { redis: redis.url } : {}), name }));

const rss = (pid: number): number => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
/** CPU seconds a process has used (user + system). */
const cpu = (pid: number): number => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

interface Client {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  server: number;
  /** Last change number seen from each writer, and how many of the writers' changes it covers. */
  seen: Map<number, number>;
  received: number;
}

/** When each writer sent each change: sentAt[writer][n]. */
const sentAt: number[][] = Array.from({ length: CLIENTS }, () => []);

const latencies: number[] = [];
const crossLatencies: number[] = [];
const clients: Client[] = [];
for (let i = 0; i < CLIENTS; i += 1) {
  const doc = new Y.Doc();
  const server = i % servers.length;
  const provider = new HocuspocusProvider({ url: servers[server]!.url, name: ROOM, document: doc });
  const client: Client = { doc, provider, server, seen: new Map(), received: 0 };
  doc.getMap('widgets').observeDeep((events, transaction) => {
    if (transaction.local) return;
    for (const event of events) {
      const fields = event.target as Y.Map<unknown>;
      const writer = Number(/#relu-pool-(\d+)$/.exec(String(event.path[0] ?? ''))?.[1] ?? NaN);
      const seq = fields.get('seed') as number;
      const before = client.seen.get(writer) ?? 0;
      if (!Number.isInteger(writer) || typeof seq !== 'number' || before >= seq) continue;
      client.seen.set(writer, seq);
      // A field set twice in one server turn reaches the others once, with its later value: the earlier change
      // is delivered then too (its value superseded), and its latency counts from when it was sent.
      const now = performance.now();
      for (let n = before + 1; n <= seq; n += 1) {
        const at = sentAt[writer]![n];
        if (at === undefined) continue;
        client.received += 1;
        latencies.push(now - at);
        if (writer % servers.length !== server) crossLatencies.push(now - at);
      }
    }
  });
  clients.push(client);
}
await Promise.all(clients.map((c) => new Promise<void>((resolve) => (c.provider.isSynced ? resolve() : c.provider.on('synced', () => resolve())))));
// Each client's widget exists before the timed part, so every timed change is a field update.
clients.forEach((c, i) =>
  c.doc.transact(() => {
    const fields = new Y.Map<unknown>();
    c.doc.getMap('widgets').set(`${PATH}#relu-pool-${i}`, fields);
    for (const [k, v] of Object.entries({ widget: 'relu-pool', seed: 0, 'p:size': 2, at: performance.now() })) fields.set(k, v);
  }),
);
await new Promise((resolve) => setTimeout(resolve, 2000));
latencies.length = 0;
crossLatencies.length = 0;
for (const c of clients) c.received = 0;

const memory: { t: number; mb: number[] }[] = [];
const cpuStart = servers.map((s) => cpu(s.child.pid!));
const selfStart = process.cpuUsage();
const start = performance.now();
const sample = setInterval(() => memory.push({ t: Math.round((performance.now() - start) / 1000), mb: servers.map((s) => rss(s.child.pid!)) }), 5000);
const sent = new Array<number>(CLIENTS).fill(0);
await new Promise<void>((resolve) => {
  const timers = clients.map((c, i) =>
    setInterval(() => {
      sent[i]! += 1;
      sentAt[i]![sent[i]!] = performance.now();
      const fields = c.doc.getMap('widgets').get(`${PATH}#relu-pool-${i}`) as Y.Map<unknown>;
      c.doc.transact(() => {
        fields.set('seed', sent[i]!);
        fields.set('p:size', 2 + (sent[i]! % 3));
        fields.set('at', performance.now());
      });
    }, 1000 / RATE),
  );
  setTimeout(() => {
    for (const t of timers) clearInterval(t);
    resolve();
  }, SECONDS * 1000);
});
const busy = servers.map((s, i) => (100 * (cpu(s.child.pid!) - cpuStart[i]!)) / SECONDS);
const self = process.cpuUsage(selfStart);
await new Promise((resolve) => setTimeout(resolve, 3000));
clearInterval(sample);

// No lost update: every client saw every other client's every change, and ends on its last one.
let missing = 0;
let stale = 0;
clients.forEach((c, i) => {
  clients.forEach((_, j) => {
    if (i === j) return;
    if ((c.seen.get(j) ?? 0) !== sent[j]) stale += 1;
    const fields = c.doc.getMap('widgets').get(`${PATH}#relu-pool-${j}`) as Y.Map<unknown> | undefined;
    if (fields?.get('seed') !== sent[j]) stale += 1;
  });
  missing += sent.reduce((sum, n, j) => sum + (j === i ? 0 : n), 0) - c.received;
});
const fmt = (xs: number[]) =>
  xs.length
    ? `p50 ${quantile(xs, 0.5).toFixed(1)} ms, p95 ${quantile(xs, 0.95).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms (${xs.length} deliveries)`
    : 'none';
console.log(
  `\nPeer-session load: ${CLIENTS} participants, ${SECONDS} s, ${RATE} changes/s each, ${servers.length} server process(es)${redis ? ' behind one Redis' : ''}`,
);
console.log(
  `  changes sent: ${sent.reduce((a, b) => a + b, 0)}; deliveries expected: ${sent.reduce((a, b) => a + b, 0) * (CLIENTS - 1)}; never delivered: ${missing}; participants not ending on a writer's last change: ${stale}`,
);
console.log(`  propagation latency, all: ${fmt(latencies)}`);
if (redis) console.log(`  propagation latency, across the two servers: ${fmt(crossLatencies)}`);
console.log(
  `  CPU while sending: server(s) ${busy.map((b) => `${b.toFixed(0)} %`).join(' / ')} of one core; the simulated participants (this process) ${((self.user + self.system) / 1e4 / SECONDS).toFixed(0)} %`,
);
console.log(`  the room at the end: ${(Y.encodeStateAsUpdate(clients[0]!.doc).byteLength / 1024).toFixed(1)} KiB encoded (Yjs keeps a small record of each overwritten value)`);
console.log(`  server memory (RSS, MB) every 5 s: ${memory.map((m) => `${m.t}s ${m.mb.map((x) => x.toFixed(0)).join('/')}`).join(', ')}`);

for (const c of clients) c.provider.destroy();
for (const s of servers) await s.stop();
await redis?.stop();
