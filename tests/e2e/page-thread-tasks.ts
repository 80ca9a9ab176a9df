import type { Page } from '@playwright/test';

/** A task on the page's main thread: its wall time and the CPU time the thread itself spent on it. */
export interface PageTask {
  wallMs: number;
  cpuMs: number;
}

/** The top-level task event, under its older and its current name. */
const TASK_EVENTS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/**
 * Runs `work` under a Chromium trace and returns the page's main-thread tasks
 * of at least `threshold` ms of CPU time. The Long Tasks API counts wall time,
 * which a busy machine stretches while the thread waits for a core; the
 * trace's thread time (`tdur`) is only the work the page's thread did.
 */
export async function pageThreadTasks(page: Page, work: () => Promise<void>, threshold = 50): Promise<PageTask[]> {
  const browser = page.context().browser()!;
  await browser.startTracing(page, { categories: ['toplevel', '__metadata'] });
  await work();
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
  const mainThreads = new Set(traceEvents.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  return traceEvents
    .filter((e) => TASK_EVENTS.has(e.name) && e.ph === 'X' && mainThreads.has(`${e.pid}:${e.tid}`))
    .map((e) => ({ wallMs: (e.dur ?? 0) / 1000, cpuMs: (e.tdur ?? 0) / 1000 }))
    .filter((task) => task.cpuMs >= threshold);
}
