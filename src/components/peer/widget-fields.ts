import { parseWidgetState, shareableState, type WidgetState } from '../../engine/shared/state.ts';
import { say, show, type FieldRule } from '../../engine/shared/widget-params/fields.ts';
import { validateWidgetState, WIDGET_SPECS } from '../../engine/shared/widget-params/validate.ts';

/**
 * A widget state as the room keeps it: one field per setting (`p:<name>` for
 * each param), so two people who change different settings of one widget at
 * once both keep their change. Own pixels are never shared, as in links.
 */
export type Fields = Record<string, unknown>;

export function stateToFields(state: WidgetState): Fields {
  const { params, ...rest } = shareableState(state);
  const fields: Fields = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
  for (const [name, value] of Object.entries(params)) fields[`p:${name}`] = value;
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
 * be a state of a widget of the book, of the right types, and each setting one
 * the widget offers when taken alone. A rule that depends on other settings
 * (a patch that must fit the image, a class of the chosen scene) is left to the
 * pages, which apply every rule to the state as a whole: two people changing
 * linked settings at once must not be refused for the pair. Settings a widget
 * does not read are dropped by pages, as in links.
 */
export function fieldsProblem(fields: Fields): string | undefined {
  const widget = fields['widget'];
  const spec = typeof widget === 'string' && Object.hasOwn(WIDGET_SPECS, widget) ? WIDGET_SPECS[widget] : undefined;
  if (!spec) return 'not a widget of the book';
  let given: WidgetState;
  try {
    given = parseWidgetState(assemble(fields), widget as string);
  } catch (error) {
    return (error as Error).message;
  }
  const check = (name: string, value: unknown, rule: FieldRule | undefined): string | undefined =>
    value === undefined || !rule || typeof rule === 'function' || rule.schema.safeParse(value).success
      ? undefined
      : `${name}: ${show(value)} is not ${say(rule.expected)}`;
  for (const [name, value] of Object.entries(given.params)) {
    const problem = check(name, value, spec.params[name]);
    if (problem) return problem;
  }
  // Own pictures travel without their pixels, which a page's rule for a saved picture asks for.
  const image = given.image?.kind === 'upload' ? undefined : given.image;
  return (
    check('image', image, spec.image) ??
    check('class', given.class, spec.class) ??
    check('layer', given.layer, spec.layer) ??
    check('model', given.model, spec.model) ??
    check('seed', given.seed, spec.seed)
  );
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
