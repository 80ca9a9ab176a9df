import { Controls, flag, num } from '~/components/ui/controls.ts';
import { fixed } from '~/components/ui/format.ts';
import { drawSample } from '~/components/ui/scene-tile.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { compute } from '~/engine/client.ts';
import { OBJECT_CLASSES } from '~/engine/shared/classes.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import type { CopyPasteLabView } from '~/engine/tasks/index.ts';
import { className } from '~/i18n/classes.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-augment-mixing.ts';

const KIND = 'copy-paste-lab';
const SCALE = 4;
/** The two held-out streams the lab pastes between: targets of two objects, sources of three. */
const TARGETS = 'objects-scenes-2';
const SOURCES = 'objects-scenes-3';
const lang = pageLang();
const t = strings(lang);

/** Simple Copy-Paste between two held-out scenes, seeded, with the occluded masks and boxes and the dropped objects. */
export function mountCopyPasteLab(root: HTMLElement): void {
  const controls = new Controls(root, { target: num('[data-target]'), source: num('[data-source]'), p: num('[data-p]'), outlines: flag('[data-outlines]') });
  const seed = root.querySelector<HTMLInputElement>('[data-seed]')!;
  const state = (): WidgetState => ({ widget: KIND, params: controls.values(), seed: seed.valueAsNumber || 0 });
  const shell = new WidgetShell(root, KIND, state);

  async function update(): Promise<void> {
    const { target, source, p, outlines } = controls.values();
    root.querySelector('[data-p-value]')!.textContent = fixed(p, 2);
    const s = seed.valueAsNumber || 0;
    const view = await shell.run(() =>
      compute(root.id, (tasks) => tasks.copyPasteLab({ dataset: TARGETS, index: target }, { dataset: SOURCES, index: source }, p, s)),
    );
    if (!view) return;
    const tile = (name: string) => root.querySelector<HTMLCanvasElement>(`[data-tile="${name}"]`)!;
    // Every box here is the box of a mask: drawn solid, as scene-tile draws boxes recomputed from masks.
    const draw = (name: string, sample: CopyPasteLabView['result']) =>
      drawSample(tile(name), sample, { scale: SCALE, masks: outlines, boxes: false, ...(outlines ? { maskBoxes: sample.boxes } : {}) });
    draw('target', view.target);
    draw('source', chosenOnly(view));
    draw('result', view.result);
    drawFates(root, view);
    Object.assign(root.dataset, {
      op: JSON.stringify(view.op),
      masks: JSON.stringify(view.result.masks.map((m) => m.join(''))),
      boxes: JSON.stringify(view.result.boxes),
      classes: JSON.stringify(view.result.classes),
      dropped: JSON.stringify(view.fates.flatMap((f, k) => (f.after === 0 ? [k] : []))),
      // What the drawing shows, so a reader's inspector (and the tests) can tell which choice it belongs to.
      drawn: `${target}/${source}/${s}/${outlines}`,
    });
  }

  controls.onChange(() => void update());
  seed.addEventListener('change', () => void update());
  const restored = shell.restore();
  if (restored) seed.value = String(restored.seed);
  controls.restore(restored?.params);
  void update();
}

/** The source drawn with outlines on the objects chosen for pasting only. */
function chosenOnly({ source, op }: CopyPasteLabView): CopyPasteLabView['source'] {
  const keep = source.classes.map((_, k) => op.paste[k] === true);
  return {
    ...source,
    masks: source.masks.filter((_, k) => keep[k]),
    boxes: source.boxes.filter((_, k) => keep[k]),
    classes: source.classes.filter((_, k) => keep[k]),
  };
}

/** One row per object: the target's (visible pixels before → after, struck out when dropped), then the pasted ones. */
function drawFates(root: HTMLElement, { fates, result, op, source }: CopyPasteLabView): void {
  const row = (cells: string[], dropped = false) => {
    const tr = document.createElement('tr');
    tr.dataset['dropped'] = String(dropped);
    for (const text of cells) tr.insertCell().textContent = text;
    return tr;
  };
  const kept = fates.filter((f) => f.after > 0).length;
  const box = (k: number) => `[${result.boxes[k]!.join(', ')})`;
  let next = 0;
  const targetRows = fates.map((f) => {
    const name = className(OBJECT_CLASSES[f.classIndex]!, lang);
    if (f.after === 0) return row([name, t('paste.fromTarget'), `${f.before} → 0`, t('paste.dropped')], true);
    return row([name, t('paste.fromTarget'), `${f.before} → ${f.after}`, box(next++)]);
  });
  const pastedRows = source.classes.flatMap((c, k) =>
    op.paste[k]
      ? [
          row([
            className(OBJECT_CLASSES[c]!, lang),
            t('paste.fromSource'),
            String(source.masks[k]!.reduce((s, v) => s + v, 0)),
            box(kept + pastedIndex(op.paste, k)),
          ]),
        ]
      : [],
  );
  root.querySelector('[data-fates] tbody')!.replaceChildren(...targetRows, ...pastedRows);
}

/** The position of source object k among the pasted ones. */
function pastedIndex(paste: boolean[], k: number): number {
  return paste.slice(0, k).filter(Boolean).length;
}
