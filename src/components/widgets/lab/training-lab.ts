import { percent } from '~/components/ui/format.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { compute } from '~/engine/client.ts';
import { LAB_REFERENCE, labRunLabel, labRunName, labStrength, type LabPolicyName, type LabSettings } from '~/engine/shared/lab-policies.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import type { LabRunRecord } from '~/engine/tasks/index.ts';
import type { LabProgress } from '~/engine/tasks/training-lab.ts';
import type { LabPoint } from '~/engine/train/lab/run.ts';
import { drawCurves, type Series } from './lab-plot.ts';
import { LabPlayer, type Phase } from './lab-player.ts';
import { referenceRuns } from './lab-references.ts';
import { drawRuns } from './lab-runs-table.ts';
import { drawStrip } from './lab-strip.ts';

const KIND = 'training-lab';
/** This run, the reference runs of its policy, the baseline's, and the runs overlaid (Okabe-Ito). */
const COLOURS = { current: '#0072B2', reference: '#56B4E9', baseline: '#888888', overlays: ['#D55E00', '#009E73', '#CC79A7', '#E69F00', '#7F3C8D'] };

/** The training experiment in the page: settings, the run's live curves over the reference runs, the batch strip, and the runs kept in this browser. */
export function mountTrainingLab(root: HTMLElement): void {
  const q = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  const policy = q<HTMLSelectElement>('[data-policy]');
  const strength = q<HTMLInputElement>('[data-strength]');
  const epochs = q<HTMLSelectElement>('[data-epochs]');
  const seed = q<HTMLInputElement>('[data-seed]');
  const train = q<HTMLButtonElement>('[data-train]');
  const stop = q<HTMLButtonElement>('[data-cancel]');
  const settings = (): LabSettings => {
    const name = policy.value as LabPolicyName;
    return { policy: name, strength: labStrength(name) ? Number(strength.value) : null, seed: Math.max(0, Math.min(999, Math.round(Number(seed.value) || 0))), epochs: Number(epochs.value) };
  };
  const state = (): WidgetState => {
    const s = settings();
    return { widget: KIND, params: { policy: s.policy, epochs: s.epochs, ...(s.strength === null ? {} : { strength: s.strength }) }, seed: s.seed };
  };
  const shell = new WidgetShell(root, KIND, state);
  let runs: LabRunRecord[] = [];
  const overlaid = new Set<string>();
  /** The running run's curves and where it stands, from its latest report. */
  let live: { name: string; progress: LabProgress } | undefined;

  const restored = shell.restore();
  if (restored) {
    policy.value = String(restored.params['policy'] ?? policy.value);
    epochs.value = String(restored.params['epochs'] ?? epochs.value);
    seed.value = String(restored.seed);
  }
  showKnob(root, policy.value as LabPolicyName, restored?.params['strength'] as number | undefined);

  const current = (): string => labRunName(settings());
  const curvesOf = (name: string): LabPoint[] => (live?.name === name ? live.progress.curves : runs.find((r) => r.name === name)?.curves ?? []);

  const redraw = async (): Promise<void> => {
    const s = settings();
    const name = current();
    const [mine, base] = await Promise.all([referenceRuns(s.policy), s.policy === 'none' ? Promise.resolve([]) : referenceRuns('none')]).catch((error: Error) => {
      shell.say(error.message, 'error');
      return [[], []];
    });
    const atReference = s.strength === labStrength(s.policy)?.value || s.strength === null;
    const series: Series[] = [
      ...base.map((run) => ({ key: `ref:none:${run.seed}`, label: 'Reference runs, no augmentation (seeds 1–3)', colour: COLOURS.baseline, thick: false, points: run.curves })),
      ...(atReference ? mine : []).map((run) => ({ key: `ref:${s.policy}:${run.seed}`, label: `Reference runs, this policy (seeds 1–3)`, colour: COLOURS.reference, thick: false, points: run.curves })),
      ...[...overlaid].filter((n) => n !== name).map((n, i) => ({ key: n, label: labRunLabel(runs.find((r) => r.name === n) ?? s), colour: COLOURS.overlays[i % COLOURS.overlays.length]!, thick: false, points: curvesOf(n) })),
      { key: name, label: `This run: ${labRunLabel(s)}`, colour: COLOURS.current, thick: true, points: curvesOf(name) },
    ];
    await drawCurves(q('.panels'), q('[data-keys]'), series, s.epochs);
    readout(root, s, curvesOf(name), atReference ? mine : []);
  };

  const refresh = async (): Promise<void> => {
    runs = (await shell.run(() => compute(`${root.id}/runs`, (tasks) => tasks.labRuns()))) ?? runs;
    for (const name of overlaid) if (!runs.some((r) => r.name === name)) overlaid.delete(name);
    drawRuns(q('[data-runs]'), runs, {
      current: current(), busy: player.phase === 'idle' ? null : live?.name ?? null, overlaid,
      onOverlay: (name, on) => {
        if (on) overlaid.add(name);
        else overlaid.delete(name);
        void redraw();
      },
      onDelete: (name) => void compute(`${root.id}/delete`, (tasks) => tasks.deleteLabRun(name)).then(refresh),
    });
    buttons(player.phase);
    await redraw();
  };

  const buttons = (phase: Phase): void => {
    const run = runs.find((r) => r.name === current());
    train.textContent = { idle: run?.done ? 'Train again' : run ? `Resume from epoch ${run.curves.length + 1}` : 'Train', running: 'Pause', pausing: 'Pausing…', paused: 'Resume' }[phase];
    train.disabled = phase === 'pausing';
    stop.disabled = phase === 'idle';
    q<HTMLFieldSetElement>('[data-settings]').disabled = phase !== 'idle';
    root.dataset['phase'] = phase;
  };

  const player = new LabPlayer(root, {
    phase: buttons,
    report: (progress) => {
      const grew = live?.progress.curves.length !== progress.curves.length;
      live = { name: live?.name ?? current(), progress };
      showProgress(root, progress);
      if (progress.strip) drawStrip(q('[data-strip]'), q('[data-strip-caption]'), progress.strip);
      if (grew) void redraw();
    },
    ended: (result) => {
      // The progress line stays, with the run's outcome: the lab keeps its height, and the page is not laid out again.
      const finished = live;
      if (finished) {
        const p = finished.progress;
        q('[data-progress-text]').textContent = result
          ? `Finished: ${p.epochs} epochs at ${Math.round(p.imagesPerSecond)} images/s.`
          : `Stopped after epoch ${p.curves.length}; its last finished epoch is kept.`;
      }
      // The live curves stay drawn until the stored runs include this one: a redraw in between would find neither.
      void refresh().then(() => {
        if (live === finished) live = undefined;
        if (result?.model) shell.say(`Finished: the model is saved in this browser as “${result.model.label}” for the explanation widgets.`);
      });
    },
    failed: (message) => shell.say(message, 'error'),
  });

  train.addEventListener('click', async () => {
    if (player.phase === 'running') return player.pause();
    if (player.phase === 'paused') return player.resume();
    const name = current();
    if (runs.find((r) => r.name === name)?.done) await compute(`${root.id}/delete`, (tasks) => tasks.deleteLabRun(name));
    live = { name, progress: { epoch: 0, epochs: settings().epochs, step: 0, stepsPerEpoch: 32, loss: null, accuracy: null, learningRate: 0, imagesPerSecond: 0, seconds: 0, curves: runs.find((r) => r.name === name && !r.done)?.curves ?? [], strip: null } };
    shell.store.save(state());
    await player.start(settings());
  });
  stop.addEventListener('click', () => player.stop());
  for (const control of [policy, strength, epochs, seed]) {
    control.addEventListener('input', () => {
      if (control === policy) showKnob(root, policy.value as LabPolicyName);
      q<HTMLOutputElement>('[data-strength-out]').textContent = strength.value;
      shell.store.save(state());
      void refresh();
    });
  }
  void refresh().then(() => shell.say(`Ready: ${LAB_REFERENCE.epochs} epochs take about two minutes on wasm.`));
}

/** The strength slider for `policy` (hidden for the baseline), at `value` or the reference value. */
function showKnob(root: HTMLElement, policy: LabPolicyName, value?: number): void {
  const knob = labStrength(policy);
  const line = root.querySelector<HTMLElement>('[data-strength-line]')!;
  line.hidden = !knob;
  if (!knob) return;
  const input = root.querySelector<HTMLInputElement>('[data-strength]')!;
  Object.assign(input, { min: String(knob.min), max: String(knob.max), step: String(knob.step) });
  input.value = String(value ?? knob.value);
  root.querySelector('[data-strength-name]')!.textContent = `${knob.label} (reference ${knob.value})`;
  root.querySelector('[data-strength-out]')!.textContent = input.value;
}

function showProgress(root: HTMLElement, p: LabProgress): void {
  const line = root.querySelector<HTMLElement>('[data-progress-line]')!;
  line.hidden = false;
  const done = (p.epoch - 1) * p.stepsPerEpoch + p.step;
  root.querySelector<HTMLProgressElement>('[data-progress]')!.value = done / (p.epochs * p.stepsPerEpoch);
  const loss = p.loss === null ? '' : ` · loss ${p.loss.toFixed(3)}`;
  root.querySelector('[data-progress-text]')!.textContent = `epoch ${p.epoch} of ${p.epochs}, batch ${p.step} of ${p.stepsPerEpoch}${loss} · ${Math.round(p.imagesPerSecond)} images/s`;
  root.dataset['imagesPerSecond'] = p.imagesPerSecond.toFixed(1);
}

/** The last epoch's figures in words, beside the reference run of the same seed at the same epoch when there is one. */
function readout(root: HTMLElement, s: LabSettings, curves: readonly LabPoint[], references: readonly { seed: number; curves: LabPoint[] }[]): void {
  const line = root.querySelector<HTMLElement>('[data-readout]')!;
  const last = curves.at(-1);
  root.dataset['last'] = last ? JSON.stringify(last) : '';
  if (!last) {
    line.textContent = 'Press Train: the curves of this run appear after its first epoch; the thin lines are the reference runs, trained in Node by the same code.';
    return;
  }
  const text = `After epoch ${last.epoch} of ${s.epochs}: held-out accuracy ${percent(last.heldOut)}, unseen-style accuracy ${percent(last.unseen)}, pointing game ${percent(last.pointing)} (within 2 px: ${percent(last.pointingTolerant)}); train loss ${last.trainLoss.toFixed(3)}.`;
  const twin = references.find((r) => r.seed === s.seed)?.curves[last.epoch - 1];
  line.textContent = twin
    ? `${text} The reference run with seed ${s.seed} had ${percent(twin.heldOut)}, ${percent(twin.unseen)} and ${percent(twin.pointing)} after epoch ${last.epoch}.`
    : text;
}
