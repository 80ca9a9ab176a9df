import type { SanityMap, SanityProgress, SanityStep } from '~/engine/tasks/index.ts';
import { drawOverlay } from './trust-draw.ts';
import { enlargeable } from '~/components/ui/enlarge.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-trust.ts';

const t = strings(pageLang());

const LABELS: Record<string, string> = {
  'grad-cam': 'Grad-CAM',
  cam: 'CAM',
  saliency: t('label.saliency'),
  guided: t('label.guided'),
  smoothgrad: t('label.smoothgrad'),
};

/** The sanity check's table: one row per method, one column per step of the cascade, each cell a map and its rho. */
export class SanityGrid {
  /** Which run's columns, and how many, the table shows. */
  private drawn = '';

  constructor(
    private readonly head: HTMLTableRowElement,
    private readonly body: HTMLElement,
    private readonly progress: HTMLProgressElement,
  ) {}

  /** Draws the columns of run `run`, unless they are the ones already drawn (reports come faster than columns). */
  show(run: string, { columns: done, total }: SanityProgress, size: number): void {
    const key = `${run}/${done.length}`;
    if (this.drawn === key) return;
    this.drawn = key;
    this.head.replaceChildren(th(t('method')));
    this.body.replaceChildren();
    for (const step of done) this.column(step, size);
    this.progress.value = done.length / total;
  }

  private column(step: SanityStep, size: number): void {
    const header = th(step.name.replace('_', '_\u200b'));
    header.title = step.randomized.length ? t('reinitialised', { layers: step.randomized.join(', ') }) : t('trainedModel');
    this.head.append(header);
    for (const map of step.maps) this.row(map.method).append(mapCell(step, map, size));
  }

  /** The method's row, made (with its label) the first time. */
  private row(method: string): HTMLTableRowElement {
    const found = this.body.querySelector<HTMLTableRowElement>(`tr[data-method="${method}"]`);
    if (found) return found;
    const row = document.createElement('tr');
    row.dataset['method'] = method;
    const label = th(LABELS[method] ?? method);
    label.scope = 'row';
    row.append(label);
    this.body.append(row);
    return row;
  }
}

/** One method's map after one step, with its rho; cells under 0.5 are marked low. */
function mapCell(step: SanityStep, map: SanityMap, size: number): HTMLTableCellElement {
  const cell = document.createElement('td');
  const canvas = document.createElement('canvas');
  canvas.setAttribute('role', 'img');
  const rho = `ρ ${rhoText(map.similarity, true)}`;
  canvas.setAttribute('aria-label', t('mapLabel', { method: String(LABELS[map.method]), step: step.name, rho }));
  drawOverlay(canvas, map.overlay, size, 1);
  cell.dataset['step'] = step.name;
  cell.dataset['similarity'] = String(map.similarity);
  if (map.similarity < 0.5) cell.dataset['low'] = '';
  cell.append(enlargeable(canvas), rho);
  return cell;
}

function th(text: string): HTMLTableCellElement {
  const cell = document.createElement('th');
  cell.textContent = text;
  return cell;
}

/** rho to two decimals; a flat map has no ranking to compare. */
export function rhoText(rho: number, short = false): string {
  if (!Number.isNaN(rho)) return rho.toFixed(2);
  return short ? t('flat') : t('undefinedFlat');
}
