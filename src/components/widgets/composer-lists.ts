import type { PlacedObject } from '~/engine/data/compose.ts';
import { OBJECT_CLASSES } from '~/engine/shared/classes.ts';
import { CLASS_COLOURS } from '~/components/ui/scene-tile.ts';
import { className } from '~/i18n/classes.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-composer.ts';

const lang = pageLang();
const t = strings(lang);

/** At most this many objects in a composed scene. */
export const MAX_OBJECTS = 3;

function button(text: string, onClick: () => void, label?: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  if (label) b.setAttribute('aria-label', label);
  b.addEventListener('click', onClick);
  return b;
}

/**
 * The composer's object list (each object to pick or remove, the selected one
 * pressed) and its add menu, which offers only the classes not yet in the scene.
 */
export function renderObjects(
  root: HTMLElement,
  objects: readonly PlacedObject[],
  selected: number,
  pick: (index: number) => void,
  remove: (index: number) => void,
): void {
  const list = root.querySelector<HTMLElement>('[data-objects]')!;
  const items = objects.map((o, i) => {
    const item = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = CLASS_COLOURS[o.classIndex]!;
    const name = className(OBJECT_CLASSES[o.classIndex]!, lang);
    const choose = button(t('objectAt', { name, x: o.cx, y: o.cy }), () => pick(i));
    choose.setAttribute('aria-describedby', list.dataset['hint']!);
    choose.setAttribute('aria-pressed', String(selected === i));
    const drop = button('×', () => remove(i), t('remove', { name }));
    drop.disabled = objects.length === 1;
    item.append(swatch, choose, drop);
    return item;
  });
  list.replaceChildren(...items);
  const present = new Set(objects.map((o) => o.classIndex));
  root
    .querySelector('[data-add-class]')!
    .replaceChildren(...OBJECT_CLASSES.flatMap((name, c) => (present.has(c) ? [] : [new Option(className(name, lang), String(c))])));
  root.querySelector<HTMLButtonElement>('[data-add]')!.disabled = objects.length >= MAX_OBJECTS;
}

/** One "Where is the …?" button per object's class, the asked one pressed. */
export function renderQuestions(root: HTMLElement, objects: readonly PlacedObject[], asked: number, ask: (classIndex: number) => void): void {
  const buttons = objects.map((o) => {
    const b = button(t('whereIs', { name: className(OBJECT_CLASSES[o.classIndex]!, lang) }), () => ask(o.classIndex));
    b.dataset['class'] = String(o.classIndex);
    b.setAttribute('aria-pressed', String(o.classIndex === asked));
    return b;
  });
  root.querySelector('[data-questions]')!.replaceChildren(...buttons);
}
