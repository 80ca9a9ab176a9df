import { decodeState } from '~/engine/shared/state.ts';
import { validateWidgetState } from '~/engine/shared/widget-params/validate.ts';
import type { WidgetSettings } from './assignment.ts';
import { widgetControls } from './widget-controls.ts';
import { errorText } from '~/i18n/error-text.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/assignment.ts';

const t = strings(pageLang());

/**
 * The builder's settings for one widget: a row per control with "lock" and
 * "hide", and a field for a widget link (the widget's own "Copy link to this
 * view") whose state the widget will start from.
 */
export function widgetSettingsForm(
  widget: HTMLElement,
  lesson: string,
  settings: WidgetSettings | undefined,
  change: (next: WidgetSettings) => void,
): HTMLElement {
  const kind = widget.dataset['widget'] ?? '';
  let current: WidgetSettings = settings ?? { lesson, id: widget.id, lock: [], hide: [] };
  const box = document.createElement('fieldset');
  box.className = 'widget-settings';
  const legend = document.createElement('legend');
  legend.textContent = t('widget.legend', { name: widget.querySelector('h3')?.textContent?.trim() ?? widget.id });
  box.append(legend);
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const title of [t('widget.control'), t('widget.locked'), t('widget.hidden')])
    head.append(Object.assign(document.createElement('th'), { textContent: title, scope: 'col' }));
  const body = table.createTBody();
  for (const control of widgetControls(widget)) {
    const row = body.insertRow();
    row.insertCell().textContent = control.label;
    for (const list of ['lock', 'hide'] as const) {
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.checked = current[list].includes(control.key);
      box.setAttribute('aria-label', list === 'lock' ? t('widget.lock', { label: control.label }) : t('widget.hide', { label: control.label }));
      box.dataset['control'] = `${list}:${control.key}`;
      box.addEventListener('change', () => {
        const others = current[list].filter((k) => k !== control.key);
        current = { ...current, [list]: box.checked ? [...others, control.key] : others };
        change(current);
      });
      row.insertCell().append(box);
    }
  }
  box.append(table);
  const label = document.createElement('label');
  label.className = 'start-from';
  label.textContent = t('widget.startFrom');
  const input = document.createElement('input');
  input.type = 'url';
  input.className = 'form-field';
  input.dataset['startFrom'] = widget.id;
  const said = document.createElement('span');
  said.className = 'said';
  said.setAttribute('role', 'status');
  if (current.state) said.textContent = t('widget.givenView');
  input.addEventListener('change', () => {
    const { state, notices, problem } = readWidgetLink(input.value, widget.id, kind);
    said.textContent = problem ?? (state ? `${t('widget.thatView')}${notices.length ? ` ${notices.join(' ')}` : ''}` : t('widget.default'));
    if (problem) return;
    const { state: _old, ...rest } = current;
    current = state ? { ...rest, state } : rest;
    change(current);
  });
  label.append(input);
  box.append(label, said);
  return box;
}

/** The state a widget link holds for the widget `id`, checked by the widget's rules. */
export function readWidgetLink(text: string, id: string, kind: string): { state?: WidgetSettings['state']; notices: string[]; problem?: string } {
  if (!text.trim()) return { notices: [] };
  let encoded: string | null;
  try {
    encoded = new URL(text.trim(), location.origin).searchParams.get(`state.${id}`);
  } catch {
    return { notices: [], problem: t('widget.notLink') };
  }
  if (!encoded) return { notices: [], problem: t('widget.noView', { id }) };
  try {
    const { state, notices } = validateWidgetState(decodeState(encoded, kind), pageLang());
    return { state, notices };
  } catch (error) {
    return { notices: [], problem: t('widget.unreadable', { error: errorText(error) }) };
  }
}
