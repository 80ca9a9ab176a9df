import type { Lang } from '../../../i18n/lang.ts';
import type { WidgetState } from '../state.ts';
import { ANALYSIS_SPECS } from './analysis.ts';
import { AUGMENT_EVALUATION_SPECS } from './augment-evaluation.ts';
import { AUGMENT_GEOMETRIC_SPECS } from './augment-geometric.ts';
import { BASIC_SPECS } from './basics.ts';
import { EXPERIMENT_SPECS } from './experiment.ts';
import { EXPLAIN_SPECS } from './explain.ts';
import { MIXING_POLICY_SPECS } from './mixing-policies.ts';
import { GAN_WIDGET_SPECS } from './gan.ts';
import { checkField, refusal, type Field, type FieldRule, type WidgetSpec } from './fields.ts';

/** What every widget kind accepts from a link or a saved state, by kind. */
export const WIDGET_SPECS: Readonly<Record<string, WidgetSpec>> = {
  ...BASIC_SPECS,
  ...EXPLAIN_SPECS,
  ...ANALYSIS_SPECS,
  ...AUGMENT_EVALUATION_SPECS,
  ...AUGMENT_GEOMETRIC_SPECS,
  ...MIXING_POLICY_SPECS,
  ...EXPERIMENT_SPECS,
  ...GAN_WIDGET_SPECS,
};

export interface CheckedState {
  /** The state with every refused value replaced by its field's fallback (or dropped, for the widget to choose). */
  state: WidgetState;
  /** One sentence per refused value, in the reader's edition: the field, the value, and what is used instead. */
  notices: string[];
}

/**
 * Checks a restored state, already of the right types, field by field against
 * its widget's spec: valid values are kept, each invalid one is replaced by its
 * field's fallback with a notice in the reader's edition `lang`. Parts the
 * widget does not read (an image for a widget without one, an unknown knob)
 * are dropped without a notice.
 */
export function validateWidgetState(state: WidgetState, lang: Lang = 'en'): CheckedState {
  const spec = WIDGET_SPECS[state.widget];
  if (!spec) return { state, notices: [] };
  const notices: string[] = [];
  const check = (name: string, value: unknown, rule: FieldRule, settings: Record<string, unknown>): unknown => {
    const result = checkField(name, value, resolve(rule, settings), lang);
    if (result.notice) notices.push(result.notice);
    return result.value;
  };

  const params: WidgetState['params'] = {};
  // Each rule sees the settings checked before it, and the fallbacks of those the state leaves out.
  const settings: Record<string, unknown> = {};
  for (const [name, rule] of Object.entries(spec.params)) {
    const given = Object.hasOwn(state.params, name);
    const value = given ? check(name, state.params[name], rule, settings) : resolve(rule, settings).fallback;
    if (given && value !== undefined) params[name] = value as WidgetState['params'][string];
    settings[name] = value;
  }

  const checked: WidgetState = { widget: state.widget, params, seed: state.seed };
  const optional = (name: 'image' | 'class' | 'layer' | 'model', rule: FieldRule | undefined): void => {
    if (!rule || state[name] === undefined) return;
    const value = check(name, state[name], rule, settings);
    if (value !== undefined) Object.assign(checked, { [name]: value });
  };
  optional('image', spec.image);
  optional('class', spec.class);
  optional('layer', spec.layer);
  optional('model', spec.model);
  if (spec.seed) checked.seed = check('seed', state.seed, spec.seed, settings) as number;
  return { state: checked, notices };
}

function resolve(rule: FieldRule, settings: Readonly<Record<string, unknown>>): Field {
  return typeof rule === 'function' ? rule(settings) : rule;
}

/**
 * The layer a widget shows, once the model's list is known: the restored one
 * if the model has it, else `fallback`, with a notice in the reader's edition
 * naming both.
 */
export function chooseLayer(wanted: string | undefined, offered: readonly string[], fallback: string, lang: Lang = 'en'): { layer: string; notice?: string } {
  if (wanted === undefined || offered.includes(wanted)) return { layer: wanted ?? fallback };
  return { layer: fallback, notice: refusal('layer', wanted, { expected: { key: 'expected.oneOf', vars: { values: offered.join(', ') } } }, fallback, lang) };
}
