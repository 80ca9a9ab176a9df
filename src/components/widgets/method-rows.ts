import type { MethodRow, MethodTable } from '~/engine/tasks/index.ts';
import { fixed, percent } from '~/components/ui/format.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-cam-metrics.ts';

const t = strings(pageLang());

/** The engine's method labels that are words, not names, by method id; the others (Grad-CAM, CAM, SmoothGrad) show as the engine labels them. */
const LABELS: Partial<Record<MethodRow['method'], Parameters<typeof t>[0]>> = {
  saliency: 'methodSaliency',
  random: 'methodRandom',
  guided: 'methodGuided',
  rollout: 'methodRollout',
  'gradient-rollout': 'methodGradientRollout',
  'token-grad-cam': 'methodTokenGradCam',
};

/** The best score of each column, as shown (to 3 decimals). */
export interface Best {
  pointing: number;
  deletion: number;
  insertion: number;
}

/** Best among the real methods, as shown (CAM and Grad-CAM tie to rounding on this model); the random row is the floor. */
export function bestOf(table: Pick<MethodTable, 'rows'>): Best {
  const methods = table.rows.filter((row) => row.method !== 'random');
  return {
    pointing: Math.max(...methods.map((row) => round(row.pointing, 3))),
    deletion: Math.min(...methods.map((row) => round(row.deletionAuc, 3))),
    insertion: Math.max(...methods.map((row) => round(row.insertionAuc, 3))),
  };
}

/** One method's row (its label, with `note` under it on a phone), its trials in data-trials as [scene, class, hit, row, col]. */
export function methodRow(row: MethodRow, objects: number, best: Best, note?: string): HTMLTableRowElement {
  const isBest = (value: number, target: number) => row.method !== 'random' && round(value, 3) === target;
  const tr = document.createElement('tr');
  tr.dataset['method'] = row.method;
  const hits = row.trials.filter((trial) => trial.hit).length;
  tr.dataset['trials'] = JSON.stringify(row.trials.map((trial) => [trial.scene, trial.classIndex, trial.hit ? 1 : 0, trial.row, trial.col]));
  tr.append(
    cell(label(row), {}, false, note),
    cell(percent(row.pointing), { pointing: String(row.pointing), hits: String(hits) }, isBest(row.pointing, best.pointing), `(${hits}/${objects})`),
    cell(fixed(row.deletionAuc, 3), { deletion: String(row.deletionAuc) }, isBest(row.deletionAuc, best.deletion)),
    cell(fixed(row.insertionAuc, 3), { insertion: String(row.insertionAuc) }, isBest(row.insertionAuc, best.insertion)),
  );
  return tr;
}

/** A row's method label in the page's edition. */
function label(row: MethodRow): string {
  const key = LABELS[row.method];
  return key ? t(key) : row.label;
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

function cell(text: string, data: Record<string, string> = {}, best = false, note?: string): HTMLTableCellElement {
  const td = document.createElement('td');
  td.textContent = text;
  if (note) td.append(' ', Object.assign(document.createElement('span'), { className: 'count', textContent: note }));
  Object.assign(td.dataset, data);
  if (best) td.dataset['best'] = '';
  return td;
}
