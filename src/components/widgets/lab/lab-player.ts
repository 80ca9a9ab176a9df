/**
 * Train, pause, resume and stop for the lab. The run is a session in the
 * engine under the widget's id; the page keeps only that id and the reports,
 * as plain data. Stopping keeps the run's last checkpoint (an epoch's end),
 * from which the same settings resume, on this visit or after a reload.
 */
import { cancelSession, pauseSession, resumeSession, startSession, type SessionReport } from '~/engine/client.ts';
import { isSuperseded } from '~/engine/shared/errors.ts';
import type { LabSettings } from '~/engine/shared/lab-policies.ts';
import type { LabProgress, LabResult } from '~/engine/tasks/training-lab.ts';

export type Phase = 'idle' | 'running' | 'pausing' | 'paused';

/**
 * Least time between two progress reports of a run. A step takes about 0.2 s on
 * wasm, and a report after each one (the curves so far, the strip read back,
 * posted and drawn) cost about 7 % of a run's time on a 2-core machine; two a
 * second keep the progress line and the strip live for a fraction of that.
 */
const REPORT_MS = 500;

export interface PlayerEvents {
  phase(phase: Phase): void;
  report(progress: LabProgress): void;
  /** The run ended (finished, or stopped with its checkpoint kept); `result` when it finished. */
  ended(result: LabResult | undefined): void;
  failed(error: unknown): void;
}

export class LabPlayer {
  phase: Phase = 'idle';
  private readonly id: string;

  constructor(root: HTMLElement, private readonly events: PlayerEvents) {
    this.id = `${root.id}:run`;
  }

  /** Trains `settings` from their checkpoint, if any; resolves when the run ends. */
  async start(settings: LabSettings): Promise<void> {
    this.set('running');
    const { policy, strength, seed, epochs } = settings;
    try {
      const result = await startSession(this.id, 'trainingLab', { policy, seed, epochs, keep: true, ...(strength === null ? {} : { strength }) }, (r) => this.report(r), { reportEveryMs: REPORT_MS });
      this.set('idle');
      this.events.ended(result);
    } catch (error) {
      this.set('idle');
      if (isSuperseded(error)) this.events.ended(undefined);
      else this.events.failed(error);
    }
  }

  /** Holds the run after its current chunk; the engine's 'paused' report confirms it. */
  pause(): void {
    if (this.phase !== 'running') return;
    this.set('pausing');
    void pauseSession(this.id);
  }

  resume(): void {
    if (this.phase !== 'paused') return;
    this.set('running');
    void resumeSession(this.id);
  }

  /** Ends the run for now; its checkpoint stays. */
  stop(): void {
    if (this.phase !== 'idle') void cancelSession(this.id);
  }

  private report({ status, progress }: SessionReport<LabProgress>): void {
    if (status === 'paused') this.set('paused');
    // A pause asked for before the engine had the session found nothing to hold: it takes effect now.
    else if (status === 'running' && this.phase === 'pausing') void pauseSession(this.id);
    this.events.report(progress);
  }

  private set(phase: Phase): void {
    this.phase = phase;
    this.events.phase(phase);
  }
}
