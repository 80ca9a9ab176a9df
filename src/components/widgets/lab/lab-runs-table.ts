/** The table of the reader's lab runs: overlay a run on the curves, or delete it. */
import { percent } from '~/components/ui/format.ts';
import { labPolicyLabel, labRunLabel, labStrengthLabel, type LabSettings } from '~/engine/shared/lab-policies.ts';
import type { LabRunRecord } from '~/engine/tasks/index.ts';
import { pageLang } from '~/i18n/lang.ts';
import notices from '~/i18n/ui/shared-notices.ts';
import strings from '~/i18n/ui/widgets-lab.ts';

const lang = pageLang();
const t = strings(lang);

/** A run's name in the table, in the reader's edition: labRunLabel's name without the budget (the epochs have their own column). */
function shortLabel({ policy, strength, seed }: LabSettings): string {
  const knob = labStrengthLabel(policy, lang);
  return t('runLabelShort', {
    policy: labPolicyLabel(policy, lang),
    strength: knob && strength !== null ? notices(lang)('run.strength', { knob, value: strength }) : '',
    seed,
  });
}

export interface RunsView {
  /** The run of the settings chosen now (always drawn; no overlay box). */
  current: string | null;
  /** The run training now (cannot be deleted). */
  busy: string | null;
  overlaid: ReadonlySet<string>;
  onOverlay(name: string, on: boolean): void;
  onDelete(name: string): void;
}

export function drawRuns(body: HTMLElement, runs: readonly LabRunRecord[], view: RunsView): void {
  if (!runs.length) {
    const row = document.createElement('tr');
    Object.assign(row.insertCell(), { colSpan: 7, textContent: t('runs.empty') });
    body.replaceChildren(row);
    return;
  }
  body.replaceChildren(
    ...runs.map((run) => {
      const row = document.createElement('tr');
      row.dataset['run'] = run.name;
      const label = labRunLabel(run, lang);
      // The epochs have their own column.
      const short = shortLabel(run);
      const overlay = document.createElement('input');
      overlay.type = 'checkbox';
      overlay.checked = run.name === view.current || view.overlaid.has(run.name);
      overlay.disabled = run.name === view.current;
      overlay.setAttribute('aria-label', t('runs.overlay', { label }));
      overlay.addEventListener('change', () => view.onOverlay(run.name, overlay.checked));
      const last = run.curves.at(-1);
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.textContent = t('runs.delete');
      remove.disabled = run.name === view.busy;
      remove.setAttribute('aria-label', t('runs.deleteRun', { label }));
      remove.addEventListener('click', () => view.onDelete(run.name));
      const cells: (Node | string)[] = [
        overlay,
        `${short}${run.name === view.current ? t('runs.shown') : ''}${run.done ? '' : t('runs.unfinished')}`,
        `${run.curves.length} / ${run.epochs}`,
        last ? percent(last.heldOut) : '–',
        last ? percent(last.unseen) : '–',
        last ? percent(last.pointing) : '–',
        remove,
      ];
      for (const content of cells) row.insertCell().append(content);
      return row;
    }),
  );
}
