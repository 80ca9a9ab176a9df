import { describe, expect, it } from 'vitest';
import { BATCH_POLICIES } from '~/engine/augment/batch/policies.ts';
import { LAB_POLICY_NAMES, labStrength } from '~/engine/shared/lab-policies.ts';
import { labPolicy } from '~/engine/train/lab/policies.ts';

describe('the lab policies', () => {
  it('at their reference strength are the batch policies the papers set (the menu cannot drift from them)', () => {
    for (const name of ['flips-crops', 'mixup', 'cutmix', 'cutout', 'hide-and-seek', 'combination'] as const) {
      expect(labPolicy(name), name).toEqual({ batch: BATCH_POLICIES[name] });
    }
    expect(labPolicy('rand-augment')).toEqual({ randAugment: { n: 2, m: 9 } });
    expect(labPolicy('copy-paste')).toEqual({ copyPaste: { p: 0.5 } });
    expect(labPolicy('none')).toEqual({});
  });

  it('moves the one knob and refuses a strength outside its range', () => {
    expect(labPolicy('cutout', 16)).toEqual({ batch: { cutout: { ...BATCH_POLICIES.cutout.cutout, side: 16 } } });
    expect(labPolicy('flips-crops', 0.8).batch?.crop?.scale).toEqual([0.8, 1]);
    expect(() => labPolicy('mixup', 5)).toThrow(/α in 0.1..2/);
    expect(() => labPolicy('autoaugment')).toThrow(/one of none, flips-crops/);
    for (const name of LAB_POLICY_NAMES) {
      const knob = labStrength(name);
      if (knob) expect(knob.value, name).toBeGreaterThanOrEqual(knob.min), expect(knob.value, name).toBeLessThanOrEqual(knob.max);
    }
  });
});
