/**
 * The controls of a widget that an assignment can lock or hide, found in its
 * markup the same way by the builder and by the learner's view: a fieldset
 * with a data-* hook (the scene picker) counts as one control, and so does
 * every labelled field or button with a data-* hook outside such a group. A
 * control's key is its hook's name ("patch" for data-patch).
 */
export interface WidgetControl {
  key: string;
  /** What the reader sees it called. */
  label: string;
  /** The element to hide, and the form elements to disable. */
  box: HTMLElement;
  inputs: (HTMLInputElement | HTMLSelectElement | HTMLButtonElement | HTMLTextAreaElement)[];
}

const FIELDS = 'input, select, button, textarea';
const SKIP = /^data-(astro-|widget-|mounted|ready|booted)/;

function hook(element: Element): string | undefined {
  const attribute = element.getAttributeNames().find((n) => n.startsWith('data-') && !SKIP.test(n));
  return attribute?.slice(5);
}

/** What an element says, without the options of a menu inside it ("Patch px", not "Patch 4 8 12 16 px"). */
function text(element: Element | null | undefined): string {
  if (!element) return '';
  const copy = element.cloneNode(true) as Element;
  for (const part of copy.querySelectorAll('select, output')) part.remove();
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function widgetControls(root: Element): WidgetControl[] {
  const controls: WidgetControl[] = [];
  const seen = new Set<string>();
  const add = (key: string | undefined, label: string, box: Element, inputs: Element[]) => {
    if (!key || seen.has(key) || inputs.length === 0) return;
    seen.add(key);
    controls.push({ key, label: label || key, box: box as HTMLElement, inputs: inputs as WidgetControl['inputs'] });
  };
  const groups = [...root.querySelectorAll('fieldset')].filter((f) => hook(f));
  for (const group of groups) add(hook(group), text(group.querySelector('legend')), group, [...group.querySelectorAll(FIELDS)]);
  for (const field of root.querySelectorAll(FIELDS)) {
    if (groups.some((g) => g.contains(field)) || field.matches('[data-widget-link]')) continue;
    const label = field.closest('label');
    const name = field.tagName === 'BUTTON' ? text(field) || field.getAttribute('aria-label') || '' : text(label);
    add(hook(field), name, label ?? field, [field]);
  }
  return controls;
}

/**
 * Locks (disabled, and kept so: a widget that re-enables a control after
 * loading is overruled) and hides the controls with these keys. Returns the
 * keys that the widget does not have.
 */
export function restrictControls(root: HTMLElement, lock: readonly string[], hide: readonly string[]): string[] {
  const controls = new Map(widgetControls(root).map((c) => [c.key, c]));
  const unknown = [...lock, ...hide].filter((key) => !controls.has(key));
  const locked = lock.flatMap((key) => controls.get(key)?.inputs ?? []);
  const keep = () => {
    for (const input of locked) if (!input.disabled) input.disabled = true;
  };
  keep();
  if (locked.length) new MutationObserver(keep).observe(root, { subtree: true, attributes: true, attributeFilter: ['disabled'] });
  for (const key of lock) controls.get(key)?.box.setAttribute('data-locked', '');
  for (const key of hide) {
    const box = controls.get(key)?.box;
    if (box) box.hidden = true;
  }
  return unknown;
}
