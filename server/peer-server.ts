import { Redis } from '@hocuspocus/extension-redis';
import { Server, type Extension } from '@hocuspocus/server';
import { parseArgs } from 'node:util';
import { LIMITS } from '../src/components/peer/room-limits.ts';
import { PeerGuard } from './peer-guard.ts';
import { sqliteStore } from './peer-store.ts';

/**
 * The study groups' session server (`npm run peer-server`): Hocuspocus with
 * the room guard, rooms kept in SQLite, and with `--redis` several processes
 * serving the same rooms together. Options (each also an environment variable):
 *   --port (PEER_PORT, 1234)          0 picks a free port
 *   --host (PEER_HOST, 127.0.0.1)     0.0.0.0 to serve a network
 *   --db (PEER_DB, peer-rooms.sqlite) the SQLite file; ':memory:' keeps nothing
 *   --redis (PEER_REDIS)              redis[s]://[user:password@]host:port, for several processes
 *   --name (PEER_NAME)                this process's name among them
 * It prints one line, `peer server listening on ws://host:port`, once it serves.
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env['PEER_PORT'] ?? '1234' },
    host: { type: 'string', default: process.env['PEER_HOST'] ?? '127.0.0.1' },
    db: { type: 'string', default: process.env['PEER_DB'] ?? 'peer-rooms.sqlite' },
    redis: { type: 'string', default: process.env['PEER_REDIS'] ?? '' },
    name: { type: 'string', default: process.env['PEER_NAME'] ?? `peer-${process.pid}` },
  },
});

const store = sqliteStore(values.db);
const extensions: Extension[] = [new PeerGuard(), store.extension];
if (values.redis) {
  const redis = new URL(values.redis);
  const options = {
    ...(redis.username ? { username: decodeURIComponent(redis.username) } : {}),
    ...(redis.password ? { password: decodeURIComponent(redis.password) } : {}),
    ...(redis.protocol === 'rediss:' ? { tls: {} } : {}),
  };
  extensions.push(new Redis({ host: redis.hostname, port: Number(redis.port || 6379), options, identifier: values.name, prefix: 'glassbox' }));
}

const server = new Server({
  name: values.name,
  port: Number(values.port),
  address: values.host,
  quiet: true,
  // Changes reach SQLite within half a second of the last one, and at least every 2 s while a room is busy.
  debounce: 500,
  maxDebounce: 2000,
  websocketOptions: { maxPayload: LIMITS.message },
  extensions,
  async onDestroy() {
    store.close();
  },
});

await server.listen();
// The Redis address is named without any password it carries.
const redisShown = values.redis ? new URL(values.redis).host : '';
console.log(`peer server listening on ws://${values.host}:${server.address.port}${redisShown ? ` (with Redis at ${redisShown}, as ${values.name})` : ''}`);
