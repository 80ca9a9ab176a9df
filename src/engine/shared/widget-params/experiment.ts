import { LAB_EPOCHS, LAB_POLICY_NAMES, LAB_REFERENCE, labStrength, type LabPolicyName } from '../lab-policies.ts';
import { intIn, numberIn, oneOf, type Field, type WidgetSpec } from './fields.ts';

/** The strength knob of the policy chosen (any value is dropped for the baseline, which has none). */
function strengthOf(settings: Readonly<Record<string, unknown>>): Field {
  const knob = labStrength(settings['policy'] as LabPolicyName);
  if (!knob) return { ...numberIn(0, 0, 0), expected: { key: 'expected.noStrength' }, fallback: undefined, fallbackText: { key: 'fallback.none' } };
  return numberIn(knob.min, knob.max, knob.value);
}

/** The training experiment (lesson "What augmentation buys"); the run's seed is the state's seed. */
export const EXPERIMENT_SPECS: Readonly<Record<string, WidgetSpec>> = {
  'training-lab': {
    params: { policy: oneOf(LAB_POLICY_NAMES, 'flips-crops'), strength: strengthOf, epochs: intIn(LAB_EPOCHS.min, LAB_EPOCHS.max, LAB_REFERENCE.epochs) },
    seed: intIn(0, 999, LAB_REFERENCE.seeds[0]),
  },
};
