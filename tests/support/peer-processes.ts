import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Session servers and Redis for tests and the load test, each a real process
 * on loopback that the caller stops: `npm run peer-server`'s own entry point,
 * and Debian's redis-server with nothing saved to disk.
 */
const ROOT = new URL('../../', import.meta.url).pathname;

export interface Process {
  url: string;
  port: number;
  child: ChildProcess;
  /** Stops it gracefully (SIGTERM: the server stores its rooms first) and waits. */
  stop(): Promise<void>;
}

function ended(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

async function waitFor(child: ChildProcess, pattern: RegExp, what: string): Promise<RegExpExecArray> {
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start in 20 s:\n${output}`)), 20_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = pattern.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`${what} exited (${code}) before it served:\n${output}`)));
  });
}

/** A started process, stopped gracefully (SIGTERM: the session server stores its rooms first). */
function running(child: ChildProcess, url: string, port: number): Process {
  return {
    url,
    port,
    child,
    async stop() {
      child.kill('SIGTERM');
      await ended(child);
    },
  };
}

/** A fresh folder for a server's SQLite file. */
export const tempDb = (): string => join(mkdtempSync(join(tmpdir(), 'glassbox-peer-')), 'rooms.sqlite');

export async function startPeerServer(options: { db?: string; redis?: string; name?: string; port?: number } = {}): Promise<Process> {
  const args = [
    '--experimental-transform-types',
    '--disable-warning=ExperimentalWarning',
    'server/peer-server.ts',
    '--port',
    String(options.port ?? 0),
    '--db',
    options.db ?? ':memory:',
  ];
  if (options.redis) args.push('--redis', options.redis, '--name', options.name ?? 'test');
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const match = await waitFor(child, /listening on ws:\/\/127\.0\.0\.1:(\d+)/, 'The peer server');
  const port = Number(match[1]);
  return running(child, `ws://127.0.0.1:${port}`, port);
}

/** A free loopback port (for Redis, which cannot pick its own and print it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startRedis(): Promise<Process> {
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await waitFor(child, /Ready to accept connections/, 'redis-server');
  return running(child, `redis://127.0.0.1:${port}`, port);
}
