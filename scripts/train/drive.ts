/** Runs a TrainingSession to its end in Node, one batch at a time, with progress lines on stdout. */
import type { TrainingRecord } from '../../src/engine/train/checkpoint.ts';
import type { TrainingSession } from '../../src/engine/train/training-session.ts';

/** Steps between progress lines (each shows the mean loss and accuracy since the last line). */
const LOG_EVERY = 50;

/** Steps `session` until it is done; returns its record. The session stays open (its model is the caller's to save). */
export async function drive(session: TrainingSession, name: string): Promise<TrainingRecord> {
  let logged = 0;
  while (session.remaining() > 0) {
    await session.step(1);
    const p = await session.progress();
    if (p.step % LOG_EVERY !== 0 && p.step !== p.stepsPerEpoch) continue;
    const record = await session.read();
    const window = p.step - logged;
    const mean = (values: number[]) => values.slice(-window).reduce((a, b) => a + b, 0) / window;
    console.log(`${name} epoch ${p.epoch}/${p.epochs} step ${p.step}/${p.stepsPerEpoch} ` +
      `loss ${mean(record.stepLoss).toFixed(4)} acc ${mean(record.stepAccuracy).toFixed(4)} ` +
      `${p.imagesPerSecond.toFixed(0)} img/s`);
    logged = p.step === p.stepsPerEpoch ? 0 : p.step;
    if (p.step === p.stepsPerEpoch) {
      const { epoch, seconds, ...figures } = record.history.at(-1)!;
      console.log(`${name} epoch ${epoch} done in ${seconds} s: ${JSON.stringify(figures)}`);
    }
  }
  return session.read();
}
