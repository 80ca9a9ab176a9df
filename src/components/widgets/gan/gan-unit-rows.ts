import { OBJECT_CLASSES } from '~/engine/shared/classes.ts';
import type { Dissection } from '~/engine/tasks/index.ts';
import { fixed, percent, plain } from '~/components/ui/format.ts';
import { className } from '~/i18n/classes.ts';
import { pageLang } from '~/i18n/lang.ts';

/** Units listed per class in the table. */
const LISTED = 3;
const lang = pageLang();

/** One row per class: the share of the samples' pixels the segmenter gives it, and its units of highest IoU; the chosen class marked. */
export function unitRows(d: Dissection, chosen: number): HTMLTableRowElement[] {
  return OBJECT_CLASSES.map((name, c) => {
    const top = d.ranked[c]!.slice(0, LISTED).map((u) => [u, d.iou[u]![c]!, d.threshold[u]![c]!] as const);
    const tr = document.createElement('tr');
    Object.assign(tr.dataset, { classIndex: String(c), chosen: String(c === chosen), top: JSON.stringify(top) });
    const cells = [
      className(name, lang),
      percent(d.labelShare[c]!, 2),
      top.map(([u, iou]) => `#${u} ${fixed(iou, 3)} (q ${plain(d.quantile[u]![c]!)})`).join(' · '),
    ];
    for (const text of cells) tr.append(Object.assign(document.createElement('td'), { textContent: text }));
    return tr;
  });
}
