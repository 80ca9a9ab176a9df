import { describe, expect, it } from 'vitest';
import { labRunName, parseLabRunName, type LabSettings } from '~/engine/shared/lab-policies.ts';
import { validateWidgetState } from '~/engine/shared/widget-params/validate.ts';

const lab = (params: Record<string, number | string>, seed = 1) => validateWidgetState({ widget: 'training-lab', params, seed });

describe('the training lab state', () => {
  it('keeps a strength inside the chosen policy’s range and replaces one outside it by the reference value', () => {
    expect(lab({ policy: 'cutout', strength: 16, epochs: 4 })).toEqual({ state: { widget: 'training-lab', params: { policy: 'cutout', strength: 16, epochs: 4 }, seed: 1 }, notices: [] });
    const wide = lab({ policy: 'mixup', strength: 16 });
    expect(wide.state.params).toEqual({ policy: 'mixup', strength: 0.2 });
    expect(wide.notices).toEqual(['strength: 16 is not a number from 0.1 to 2; using 0.2.']);
  });

  it('drops a strength given to the baseline, and checks the policy, the budget and the seed', () => {
    const none = lab({ policy: 'none', strength: 0.5 });
    expect(none.state.params).toEqual({ policy: 'none' });
    expect(none.notices).toHaveLength(1);
    const bad = lab({ policy: 'autoaugment', epochs: 31 }, -4);
    expect(bad.state).toEqual({ widget: 'training-lab', params: { policy: 'flips-crops', epochs: 12 }, seed: 1 });
    expect(bad.notices).toHaveLength(3);
  });
});

describe('lab run names', () => {
  it('encode the settings and read back to them', () => {
    const runs: LabSettings[] = [
      { policy: 'none', strength: null, seed: 1, epochs: 12 },
      { policy: 'flips-crops', strength: 0.35, seed: 2, epochs: 1 },
      { policy: 'hide-and-seek', strength: 0.05 * 13, seed: 999, epochs: 30 },
      { policy: 'cutout', strength: 48, seed: 0, epochs: 3 },
    ];
    expect(runs.map(labRunName)).toEqual(['none-s1-e12', 'flips-crops-a35-s2-e1', 'hide-and-seek-a65-s999-e30', 'cutout-a4800-s0-e3']);
    expect(runs.map((r) => parseLabRunName(labRunName(r)))).toEqual(runs.map((r) => ({ ...r, strength: r.strength === null ? null : Math.round(r.strength * 100) / 100 })));
  });

  it('refuse names that are not runs, or that give the baseline a strength or a policy none', () => {
    for (const name of ['none-a35-s1-e12', 'cutout-s1-e12', 'autoaugment-a10-s1-e2', 'flips-crops-a35-s1', '../x', '']) expect(parseLabRunName(name), name).toBeNull();
  });
});
