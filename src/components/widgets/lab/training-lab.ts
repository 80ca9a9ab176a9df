import { percent } from '~/components/ui/format.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { compute } from '~/engine/client.ts';
import {
  LAB_REFERENCE,
  labRunLabel,
  labRunName,
  labStrength,
  labStrengthLabel,
  type LabPolicyName,
  type LabSettings,
} from '~/engine/shared/lab-policies.ts';
import { savedRunLabel } from '~/components/ui/model-menu.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import type { LabRunRecord } from '~/engine/tasks/index.ts';
import type { LabProgress } from '~/engine/tasks/training-lab.ts';
import type { LabPoint } from '~/engine/train/lab/run.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-lab.ts';
import { drawCurves, type Series } from './lab-plot.ts';
import { LabPlayer, type Phase } from './lab-player.ts';
import { referenceRuns } from './lab-references.ts';
import { drawRuns } from './lab-runs-table.ts';
import { drawStrip } from './lab-strip.ts';

const KIND = 'training-lab';
/** This run, the reference runs of its policy, the baseline's, and the runs overlaid (Okabe-Ito). */
const COLOURS = { current: '#0072B2', reference: '#56B4E9', baseline: '#888888', overlays: ['#D55E00', '#009E73', '#CC79A7', '#E69F00', '#7F3C8D'] };
const lang = pageLang();
const t = strings(lang);

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
    return {
      policy: name,
      strength: labStrength(name) ? Number(strength.value) : null,
      seed: Math.max(0, Math.min(999, Math.round(Number(seed.value) || 0))),
      epochs: Number(epochs.value),
    };
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
  const curvesOf = (name: string): LabPoint[] => (live?.name === name ? live.progress.curves : (runs.find((r) => r.name === name)?.curves ?? []));

  const redraw = async (): Promise<void> => {
    const s = settings();
    const name = current();
    const [mine, base] = await Promise.all([referenceRuns(s.policy), s.policy === 'none' ? Promise.resolve([]) : referenceRuns('none')]).catch(
      (error: unknown) => {
        shell.fail(error);
        return [[], []];
      },
    );
    const atReference = s.strength === labStrength(s.policy)?.value || s.strength === null;
    const series: Series[] = [
      ...base.map((run) => ({ key: `ref:none:${run.seed}`, label: t('series.baseline'), colour: COLOURS.baseline, thick: false, points: run.curves })),
      ...(atReference ? mine : []).map((run) => ({
        key: `ref:${s.policy}:${run.seed}`,
        label: t('series.reference'),
        colour: COLOURS.reference,
        thick: false,
        points: run.curves,
      })),
      ...[...overlaid]
        .filter((n) => n !== name)
        .map((n, i) => ({
          key: n,
          label: labRunLabel(runs.find((r) => r.name === n) ?? s, lang),
          colour: COLOURS.overlays[i % COLOURS.overlays.length]!,
          thick: false,
          points: curvesOf(n),
        })),
      { key: name, label: t('series.current', { label: labRunLabel(s, lang) }), colour: COLOURS.current, thick: true, points: curvesOf(name) },
    ];
    await drawCurves(q('.panels'), q('[data-keys]'), series, s.epochs);
    readout(root, s, curvesOf(name), atReference ? mine : []);
  };

  const refresh = async (): Promise<void> => {
    runs = (await shell.run(() => compute(`${root.id}/runs`, (tasks) => tasks.labRuns()))) ?? runs;
    for (const name of overlaid) if (!runs.some((r) => r.name === name)) overlaid.delete(name);
    drawRuns(q('[data-runs]'), runs, {
      current: current(),
      busy: player.phase === 'idle' ? null : (live?.name ?? null),
      overlaid,
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
    train.textContent = {
      idle: run?.done ? t('trainAgain') : run ? t('resumeFrom', { n: run.curves.length + 1 }) : t('train'),
      running: t('pause'),
      pausing: t('pausing'),
      paused: t('resume'),
    }[phase];
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
          ? t('finished', { epochs: p.epochs, rate: Math.round(p.imagesPerSecond) })
          : t('stopped', { n: p.curves.length });
      }
      // The live curves stay drawn until the stored runs include this one: a redraw in between would find neither.
      void refresh().then(() => {
        if (live === finished) live = undefined;
        if (result?.model) shell.say(t('saved', { label: savedRunLabel(result.model) }));
      });
    },
    failed: (error) => shell.fail(error),
  });

  train.addEventListener('click', async () => {
    if (player.phase === 'running') return player.pause();
    if (player.phase === 'paused') return player.resume();
    const name = current();
    if (runs.find((r) => r.name === name)?.done) await compute(`${root.id}/delete`, (tasks) => tasks.deleteLabRun(name));
    live = {
      name,
      progress: {
        epoch: 0,
        epochs: settings().epochs,
        step: 0,
        stepsPerEpoch: 32,
        loss: null,
        accuracy: null,
        learningRate: 0,
        imagesPerSecond: 0,
        seconds: 0,
        curves: runs.find((r) => r.name === name && !r.done)?.curves ?? [],
        strip: null,
      },
    };
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
  void refresh().then(() => shell.say(t('ready', { epochs: LAB_REFERENCE.epochs })));
}

/** The strength slider for `policy` (hidden for the baseline), at `value` or the reference value. */
function showKnob(root: HTMLElement, policy: LabPolicyName, value?: number): void {
  const knob = labStrength(policy);
  const line = root.querySelector<HTMLElement>('[data-strength-line]')!;
  line.hidden = !knob;
  if (!knob || policy === 'none') return;
  const input = root.querySelector<HTMLInputElement>('[data-strength]')!;
  Object.assign(input, { min: String(knob.min), max: String(knob.max), step: String(knob.step) });
  input.value = String(value ?? knob.value);
  root.querySelector('[data-strength-name]')!.textContent = t('strengthName', { label: labStrengthLabel(policy, lang)!, value: knob.value });
  root.querySelector('[data-strength-out]')!.textContent = input.value;
}

function showProgress(root: HTMLElement, p: LabProgress): void {
  const line = root.querySelector<HTMLElement>('[data-progress-line]')!;
  line.hidden = false;
  const done = (p.epoch - 1) * p.stepsPerEpoch + p.step;
  root.querySelector<HTMLProgressElement>('[data-progress]')!.value = done / (p.epochs * p.stepsPerEpoch);
  const loss = p.loss === null ? '' : t('progressLoss', { loss: p.loss.toFixed(3) });
  root.querySelector('[data-progress-text]')!.textContent = t('progress', {
    epoch: p.epoch,
    epochs: p.epochs,
    step: p.step,
    steps: p.stepsPerEpoch,
    loss,
    rate: Math.round(p.imagesPerSecond),
  });
  root.dataset['imagesPerSecond'] = p.imagesPerSecond.toFixed(1);
}

/** The last epoch's figures in words, beside the reference run of the same seed at the same epoch when there is one. */
function readout(root: HTMLElement, s: LabSettings, curves: readonly LabPoint[], references: readonly { seed: number; curves: LabPoint[] }[]): void {
  const line = root.querySelector<HTMLElement>('[data-readout]')!;
  const last = curves.at(-1);
  root.dataset['last'] = last ? JSON.stringify(last) : '';
  if (!last) {
    line.textContent = t('readoutEmpty');
    return;
  }
  const text = t('readout', {
    epoch: last.epoch,
    epochs: s.epochs,
    heldOut: percent(last.heldOut),
    unseen: percent(last.unseen),
    pointing: percent(last.pointing),
    tolerant: percent(last.pointingTolerant),
    loss: last.trainLoss.toFixed(3),
  });
  const twin = references.find((r) => r.seed === s.seed)?.curves[last.epoch - 1];
  line.textContent = twin
    ? t('readoutTwin', {
        text,
        seed: s.seed,
        heldOut: percent(twin.heldOut),
        unseen: percent(twin.unseen),
        pointing: percent(twin.pointing),
        epoch: last.epoch,
      })
    : text;
}
