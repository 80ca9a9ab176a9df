/**
 * The reference runs (`npm run train -- <policy> --seed N`, committed under
 * public/experiments/), fetched from the site once per policy, so a reader
 * sees every seed's full curves however slow their own device is.
 */
import { LAB_REFERENCE, type LabPolicyName } from '~/engine/shared/lab-policies.ts';
import type { LabRun } from '~/engine/train/lab/run.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-lab.ts';

const t = strings(pageLang());

const fetched = new Map<LabPolicyName, Promise<LabRun[]>>();

/** The reference runs of `policy`, one per reference seed. */
export function referenceRuns(policy: LabPolicyName): Promise<LabRun[]> {
  let runs = fetched.get(policy);
  if (!runs) {
    runs = Promise.all(
      LAB_REFERENCE.seeds.map(async (seed) => {
        const response = await fetch(`/experiments/${policy}/seed-${seed}.json`);
        if (!response.ok) throw new Error(t('referenceFailed', { policy, seed, status: response.status }));
        return (await response.json()) as LabRun;
      }),
    );
    fetched.set(policy, runs);
    // A failed download is tried again next time rather than remembered.
    runs.catch(() => fetched.delete(policy));
  }
  return runs;
}
