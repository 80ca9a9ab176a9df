import { describe, expect, it } from 'vitest';
import { isSuperseded } from '~/engine/shared/errors.ts';
import { LatestWinsQueue } from '~/engine/runtime/queue.ts';

/** A job that finishes when the test says so, recording whether it started. */
function gate<T>(value: T) {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const record = { started: false, aborted: false };
  const job = async (signal: AbortSignal) => {
    record.started = true;
    signal.addEventListener('abort', () => (record.aborted = true));
    await opened;
    return value;
  };
  return { job, open, record };
}

describe('LatestWinsQueue', () => {
  it('runs a job at once when its lane is idle', async () => {
    const queue = new LatestWinsQueue();
    await expect(queue.submit('a', async () => 42)).resolves.toBe(42);
  });

  it('drops the waiting job when a newer one arrives, and never runs it', async () => {
    const queue = new LatestWinsQueue();
    const first = gate(1);
    const second = gate(2);
    const third = gate(3);
    const p1 = queue.submit('w', first.job);
    const p2 = queue.submit('w', second.job);
    const p3 = queue.submit('w', third.job);
    const p2Result = p2.catch((error: unknown) => error);
    first.open();
    third.open();
    expect(isSuperseded(await p1.catch((e: unknown) => e))).toBe(true);
    expect(isSuperseded(await p2Result)).toBe(true);
    await expect(p3).resolves.toBe(3);
    expect(second.record.started).toBe(false);
    expect(first.record.aborted).toBe(true);
  });

  it('keeps lanes independent', async () => {
    const queue = new LatestWinsQueue();
    const a = gate('a');
    const pa = queue.submit('a', a.job);
    const pb = queue.submit('b', async () => 'b');
    await expect(pb).resolves.toBe('b');
    expect(queue.busy).toBe(1);
    a.open();
    await expect(pa).resolves.toBe('a');
    expect(queue.busy).toBe(0);
  });

  it('passes a job failure to its submitter and runs the next job', async () => {
    const queue = new LatestWinsQueue();
    const failing = queue.submit('w', async () => {
      throw new Error('boom');
    });
    await expect(failing).rejects.toThrow('boom');
    await expect(queue.submit('w', async () => 'after')).resolves.toBe('after');
  });
});
