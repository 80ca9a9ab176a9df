import { describe, expect, it } from 'vitest';
import { isSuperseded } from '~/engine/shared/errors.ts';
import type { SessionReport } from '~/engine/runtime/session.ts';
import { SessionRunner } from '~/engine/runtime/session-runner.ts';
import type { Session } from '~/engine/runtime/session.ts';

/**
 * A session whose every step costs `msPerStep` of busy time and advances a
 * 32-bit LCG, so the final value depends on every step having run exactly once.
 */
class WalkSession implements Session<{ done: number }, number> {
  value = 1;
  done = 0;
  chunks: number[] = [];
  disposed = 0;
  constructor(readonly total: number, readonly msPerStep = 0) {}
  remaining(): number {
    return this.total - this.done;
  }
  async step(n: number): Promise<void> {
    this.chunks.push(n);
    for (let i = 0; i < n; i++) {
      const until = performance.now() + this.msPerStep;
      while (performance.now() < until);
      this.value = (Math.imul(this.value, 1664525) + 1013904223) >>> 0;
      this.done++;
    }
  }
  async progress() {
    return { done: this.done };
  }
  async read(): Promise<number> {
    return this.value;
  }
  dispose(): void {
    this.disposed++;
  }
}

/** The walk's end value, computed directly. */
function walk(steps: number): number {
  let v = 1;
  for (let i = 0; i < steps; i++) v = (Math.imul(v, 1664525) + 1013904223) >>> 0;
  return v;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('SessionRunner', () => {
  it('runs a session to the end and reads its result', async () => {
    const runner = new SessionRunner();
    const reports: SessionReport<{ done: number }>[] = [];
    const session = new WalkSession(500);
    await expect(runner.start('w', session, { onReport: (r) => reports.push(r) })).resolves.toBe(walk(500));
    expect(reports.at(-1)).toMatchObject({ id: 'w', status: 'done', progress: { done: 500 } });
    expect(runner.status('w')).toBeUndefined();
    expect(session.disposed).toBe(1);
  });

  it('keeps a finished session for reads when asked, until its id is cancelled', async () => {
    const runner = new SessionRunner();
    const session = new WalkSession(50);
    await runner.start('w', session, { keep: true });
    expect(runner.status('w')?.status).toBe('done');
    await expect(runner.read('w')).resolves.toBe(walk(50));
    expect(session.disposed).toBe(0);
    await runner.cancel('w');
    expect(session.disposed).toBe(1);
  });

  it('sizes chunks by measured time: one step first, then about budget / step time', async () => {
    const runner = new SessionRunner();
    const session = new WalkSession(60, 2);
    await runner.start('w', session, { budgetMs: 10 });
    expect(session.chunks[0]).toBe(1);
    // 2 ms a step in a 10 ms budget: at most 5 steps a chunk (fewer when the machine is busy), never a whole run.
    const later = session.chunks.slice(1, -1);
    expect(Math.max(...later)).toBeLessThanOrEqual(5);
    expect(Math.max(...later)).toBeGreaterThan(1);
  });

  it('holds still while paused, and a resumed run ends on the uninterrupted result', async () => {
    const runner = new SessionRunner();
    const session = new WalkSession(400, 0.5);
    const result = runner.start('w', session, { budgetMs: 5 });
    await sleep(30);
    await runner.pause('w');
    const held = session.done;
    expect(held).toBeGreaterThan(0);
    expect(held).toBeLessThan(400);
    expect(runner.status('w')?.status).toBe('paused');
    await sleep(60);
    expect(session.done).toBe(held);
    runner.resume('w');
    await expect(result).resolves.toBe(walk(400));
    expect(session.done).toBe(400);
  });

  it('cancels within 100 ms, rejects the run as superseded and frees the session once', async () => {
    const runner = new SessionRunner();
    const session = new WalkSession(100_000, 1);
    const result = runner.start('w', session).catch((error: unknown) => error);
    await sleep(50);
    const asked = performance.now();
    await runner.cancel('w');
    expect(performance.now() - asked).toBeLessThan(100);
    const stoppedAt = session.done;
    expect(isSuperseded(await result)).toBe(true);
    await sleep(30);
    expect(session.done).toBe(stoppedAt);
    expect(session.disposed).toBe(1);
    expect(runner.status('w')).toBeUndefined();
  });

  it('cancels a paused session too', async () => {
    const runner = new SessionRunner();
    const session = new WalkSession(10_000, 1);
    const result = runner.start('w', session).catch((error: unknown) => error);
    await sleep(20);
    await runner.pause('w');
    await runner.cancel('w');
    expect(isSuperseded(await result)).toBe(true);
    expect(session.disposed).toBe(1);
  });

  it('never reports progress of a run that a newer start replaced', async () => {
    const runner = new SessionRunner();
    const reports: SessionReport<{ done: number }>[] = [];
    const onReport = (r: SessionReport<{ done: number }>) => reports.push(r);
    const first = new WalkSession(100_000, 1);
    const old = runner.start('w', first, { onReport, reportEveryMs: 0 }).catch((error: unknown) => error);
    await sleep(40);
    const second = new WalkSession(50, 0.2);
    const replaced = runner.start('w', second, { onReport, reportEveryMs: 0 });
    const cut = reports.length;
    await expect(replaced).resolves.toBe(walk(50));
    expect(isSuperseded(await old)).toBe(true);
    const firstRun = reports[0]!.run;
    expect(reports.slice(cut).every((r) => r.run !== firstRun)).toBe(true);
    expect(reports.at(-1)).toMatchObject({ status: 'done', progress: { done: 50 } });
    expect(first.disposed).toBe(1);
  });

  it('keeps ids independent', async () => {
    const runner = new SessionRunner();
    const a = runner.start('a', new WalkSession(300, 0.1));
    const b = runner.start('b', new WalkSession(200, 0.1));
    await expect(Promise.all([a, b])).resolves.toEqual([walk(300), walk(200)]);
  });

  it('passes a failing step to the starter and frees the session', async () => {
    const runner = new SessionRunner();
    const session = new WalkSession(10);
    session.step = async () => {
      throw new Error('kernel missing');
    };
    await expect(runner.start('w', session)).rejects.toThrow('kernel missing');
    expect(session.disposed).toBe(1);
  });
  it('keeps a cancel sent while the session is being made: the session is freed and never steps', async () => {
    const runner = new SessionRunner();
    const session = new WalkSession(50);
    const reports: SessionReport<{ done: number }>[] = [];
    const run = runner.start('w', async () => (await sleep(30), session), { onReport: (r) => reports.push(r) }).catch((error: unknown) => error);
    await runner.cancel('w');
    expect(isSuperseded(await run)).toBe(true);
    expect(session.done).toBe(0);
    expect(session.disposed).toBe(1);
    expect(reports).toEqual([]);
  });

  it('keeps a pause sent while the session is being made: it stops before its first step until resumed', async () => {
    const runner = new SessionRunner();
    const session = new WalkSession(20);
    const run = runner.start('w', async () => (await sleep(30), session));
    await runner.pause('w');
    expect(runner.status('w')?.status).toBe('paused');
    expect(session.done).toBe(0);
    runner.resume('w');
    await expect(run).resolves.toBe(walk(20));
  });
});
