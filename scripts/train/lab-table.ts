/**
 * The training experiment's results table from the reference runs in
 * public/experiments/<policy>/seed-<N>.json: writes
 * public/experiments/summary.json and prints the table as Markdown
 * (mean ± sd over seeds, in percent, and the change from the baseline).
 *
 *   npm run experiments
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { LAB_POLICY_MENU, LAB_POLICY_NAMES } from '../../src/engine/shared/lab-policies.ts';
import type { LabRun } from '../../src/engine/train/lab/run.ts';
import { SUMMARY_FIGURES, summarize } from '../../src/engine/train/lab/summary.ts';

const DIR = 'public/experiments';
const HEADINGS = { heldOut: 'Held-out accuracy', unseen: 'Unseen-style accuracy', pointing: 'Pointing game, exact mask', pointingTolerant: 'Pointing game, 2 px' };
const runs: LabRun[] = LAB_POLICY_NAMES.flatMap((policy) => {
  if (!existsSync(`${DIR}/${policy}`)) return [];
  const files = readdirSync(`${DIR}/${policy}`).filter((name) => /^seed-\d+\.json$/.test(name));
  return files.map((name) => JSON.parse(readFileSync(`${DIR}/${policy}/${name}`, 'utf8')) as LabRun);
});
const table = summarize(runs);
writeFileSync(`${DIR}/summary.json`, `${JSON.stringify({ protocol: 'figures after the last epoch; mean and sample sd over seeds; delta = mean - baseline mean', table }, null, 1)}\n`);
const pct = (v: number) => (100 * v).toFixed(1);
const signed = (v: number) => `${v >= 0 ? '+' : '−'}${pct(Math.abs(v))}`;
console.log(`| Policy | Seeds | ${SUMMARY_FIGURES.map((f) => `${HEADINGS[f]} (%)`).join(' | ')} |`);
console.log(`|---|---|${SUMMARY_FIGURES.map(() => '---').join('|')}|`);
for (const row of table) {
  const cells = SUMMARY_FIGURES.map((f) => {
    const { mean, sd, delta } = row.figures[f];
    return `${pct(mean)} ± ${pct(sd)}${row.policy === 'none' ? '' : ` (${signed(delta)})`}`;
  });
  console.log(`| ${LAB_POLICY_MENU[row.policy as keyof typeof LAB_POLICY_MENU].label} | ${row.seeds.join(', ')} | ${cells.join(' | ')} |`);
}
