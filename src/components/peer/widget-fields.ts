import { parseWidgetState, type WidgetState } from '../../engine/shared/state.ts';
import { validateWidgetState, WIDGET_SPECS } from '../../engine/shared/widget-params/validate.ts';

/**
 * A widget state as the room keeps it: one field per setting (`p:<name>` for
 * each param), so two people who change different settings of one widget at
 * once both keep their change. Own pixels are never shared, as in links.
 */
export type Fields = Record<string, unknown>;

export function stateToFields(state: WidgetState): Fields {
  const fields: Fields = { widget: state.widget, seed: state.seed };
  if (state.image) fields['image'] = state.image.kind === 'upload' ? { kind: 'upload', name: state.image.name } : state.image;
  for (const name of ['model', 'class', 'layer'] as const) if (state[name] !== undefined) fields[name] = state[name];
  for (const [name, value] of Object.entries(state.params)) fields[`p:${name}`] = value;
  return fields;
}

/**
 * The widget state that room fields describe, checked like a link's: undefined
 * when it is not a state of `widget` at all, and otherwise with every value the
 * widget does not offer replaced by its default.
 */
export function fieldsToState(fields: Fields, widget: string): WidgetState | undefined {
  try {
    return validateWidgetState(parseWidgetState(assemble(fields), widget)).state;
  } catch {
    return undefined;
  }
}

/**
 * What the server finds wrong with a shared widget state, or undefined: it must
 * be a state of a widget the book has, with every value one that widget offers
 * (where a page would replace a value with a notice, the server refuses it).
 */
export function fieldsProblem(fields: Fields): string | undefined {
  const widget = fields['widget'];
  if (typeof widget !== 'string' || !Object.hasOwn(WIDGET_SPECS, widget)) return 'not a widget of the book';
  try {
    const given = parseWidgetState(assemble(fields), widget);
    const { state, notices } = validateWidgetState(given);
    const dropped = Object.keys(given.params).find((name) => !Object.hasOwn(state.params, name));
    return notices[0] ?? (dropped ? `the widget has no setting ${dropped.slice(0, 40)}` : undefined);
  } catch (error) {
    return (error as Error).message;
  }
}

function assemble(fields: Fields): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  const state: Record<string, unknown> = { params };
  for (const [name, value] of Object.entries(fields)) {
    if (name.startsWith('p:')) params[name.slice(2)] = value;
    else if (name !== 'by' && name !== 'at') state[name] = value;
  }
  return state;
}

/** The fields of `next` that differ from `current`, and those `current` has that `next` lacks (to delete). */
export function changedFields(current: Fields, next: Fields): { set: Fields; drop: string[] } {
  const set: Fields = {};
  for (const [name, value] of Object.entries(next)) if (JSON.stringify(current[name]) !== JSON.stringify(value)) set[name] = value;
  const drop = Object.keys(current).filter((name) => name !== 'by' && name !== 'at' && !(name in next));
  return { set, drop };
}
