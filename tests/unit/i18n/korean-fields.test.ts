import { describe, expect, it } from 'vitest';
import { TRANSFORM_KNOBS } from '~/engine/shared/augment-knobs.ts';
import { LAB_POLICY_MENU } from '~/engine/shared/lab-policies.ts';
import { SHIPPED_MODELS } from '~/engine/shared/models.ts';
import { NOTATION, OVERLOADED } from '~/lib/notation.ts';

/** Every label kept beside its English in data rather than in a strings module, as [English, Korean]. */
const pairs: [string, string][] = [
  ...TRANSFORM_KNOBS.flatMap((knob) => [
    [knob.label, knob.labelKo] as [string, string],
    ...(knob.amount ? [[knob.amount.label, knob.amount.labelKo] as [string, string]] : []),
  ]),
  ...Object.values(LAB_POLICY_MENU).flatMap((entry) => {
    const out: [string, string][] = [[entry.label, entry.labelKo]];
    if ('strength' in entry && entry.strength) out.push([entry.strength.label, entry.strength.labelKo]);
    return out;
  }),
  ...SHIPPED_MODELS.map((model) => [model.label, model.labelKo] as [string, string]),
  ...NOTATION.flatMap((group) => [
    [group.title, group.titleKo] as [string, string],
    ...group.entries.map((entry) => [entry.meaning, entry.meaningKo] as [string, string]),
  ]),
  ...OVERLOADED.map((entry) => [entry.meaning, entry.meaningKo] as [string, string]),
];

describe('Korean labels kept beside the English in data', () => {
  it('are all there', () => expect(pairs.length).toBeGreaterThan(80));

  it.each(pairs)('%s: is Korean, or a name kept as it is', (english, korean) => {
    expect(korean.trim()).not.toBe('');
    if (!/[가-힣]/.test(korean)) expect(korean).toBe(english);
  });
});
