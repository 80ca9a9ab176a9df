import { OBJECT_CLASSES } from '~/engine/shared/classes.ts';
import type { TopPatch, TopPatchesResult } from '~/engine/tasks/index.ts';
import { CLASS_COLOURS } from '~/components/ui/scene-tile.ts';
import { drawPatch } from './field-canvas.ts';
import { className } from '~/i18n/classes.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-patches.ts';

const lang = pageLang();
const t = strings(lang);

/** Canvas pixels per input pixel in a tile: patches of every layer come out about 100 px wide. */
const tileScale = (size: number) => Math.max(1, Math.round(100 / size));

/** One tile per patch, strongest first: the field cut out at one size, its activation and its image's class. */
export function drawTiles(
  list: HTMLOListElement,
  result: TopPatchesResult,
  pixels: (image: number) => Float32Array,
  side: number,
  onPick: (rank: number) => void,
): HTMLButtonElement[] {
  list.style.setProperty('--tiles', String(Math.ceil(Math.sqrt(result.patches.length))));
  const buttons = result.patches.map((patch, rank) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.setAttribute('aria-pressed', 'false');
    const name = className(OBJECT_CLASSES[patch.classIndex]!, lang);
    const where = Object.assign(document.createElement('span'), {
      className: 'visually-hidden',
      textContent: t('tileWhere', { rank: rank + 1, image: patch.image }),
    });
    const canvas = document.createElement('canvas');
    canvas.setAttribute('aria-hidden', 'true');
    drawPatch(canvas, pixels(patch.image), side, patch.field, tileScale(result.size));
    const tag = document.createElement('span');
    tag.className = 'tag';
    const swatch = Object.assign(document.createElement('i'), { className: 'swatch' });
    swatch.style.background = CLASS_COLOURS[patch.classIndex]!;
    const label = document.createElement('span');
    label.append(swatch, ` ${name}`);
    tag.append(Object.assign(document.createElement('b'), { textContent: patch.value.toFixed(2) }), label);
    button.append(where, canvas, tag);
    button.addEventListener('click', () => onPick(rank));
    return button;
  });
  list.replaceChildren(
    ...buttons.map((button, rank) => {
      const item = document.createElement('li');
      const patch = result.patches[rank]!;
      Object.assign(item.dataset, {
        patch: String(rank),
        value: String(patch.value),
        image: String(patch.image),
        row: String(patch.row),
        col: String(patch.col),
        class: String(patch.classIndex),
        field: patch.field.join(','),
      });
      item.append(button);
      return item;
    }),
  );
  return buttons;
}

/** "7 of 9 top patches come from fish images", with the runners-up, or a note when no class leads. */
export function summarise(patches: readonly TopPatch[]): { text: string; classIndex: number; count: number } {
  const counts = new Map<number, number>();
  for (const patch of patches) counts.set(patch.classIndex, (counts.get(patch.classIndex) ?? 0) + 1);
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const [classIndex, count] = ranked[0]!;
  const rest = ranked
    .slice(1)
    .map(([c, n]) => t('summaryCount', { n, name: className(OBJECT_CLASSES[c]!, lang) }))
    .join(', ');
  const lead = t('summaryLead', { count, total: patches.length, name: className(OBJECT_CLASSES[classIndex]!, lang) });
  return { text: rest ? t('summaryOthers', { lead, rest }) : t('summaryOnly', { lead }), classIndex, count };
}
