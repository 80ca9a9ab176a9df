import { latentCode } from '../../../../src/engine/gan/latent.ts';
import { OBJECTS_SPLITS } from '../../../../src/engine/shared/splits.ts';
import { expect, test } from '../../fixtures.ts';
import { replayGanEdit, replayGanVerdicts } from './gan-reference.ts';

const LESSON = '/lessons/gan-dissection/';
const SLOW = { timeout: 240_000 };
const STREAM = OBJECTS_SPLITS.ganCodes.seed;
const code = (k: number) => Array.from(latentCode(STREAM, k, 64));

type Verdict = { classIndex: number; probability: number };

/** Verdicts equal up to float differences between backends: the same class unless the top two nearly tie, the probability within 1e-4. */
function expectSameVerdicts(shown: Verdict[], replayed: Verdict[]): void {
  expect(shown).toHaveLength(replayed.length);
  shown.forEach((v, i) => {
    expect(v.probability).toBeCloseTo(replayed[i]!.probability, 4);
    expect(v.classIndex).toBe(replayed[i]!.classIndex);
  });
}

test('the sampler: each sample and each point of the walk is objects-gan replayed with raw ops, judged by objects-cnn replayed', async ({ page, open }) => {
  await open(LESSON);
  const widget = page.locator('#gan-sampler');
  await widget.scrollIntoViewIfNeeded();
  await expect(widget).toHaveAttribute('data-ready', 'true', SLOW);
  const read = async (name: string) => JSON.parse((await widget.getAttribute(`data-${name}`))!) as Verdict[];
  expectSameVerdicts(await read('samples'), await replayGanVerdicts(page, [0, 1, 2, 3, 4, 5, 6, 7].map(code)));
  // The walk from sample 0 to sample 1: z_t = (1 - t) z_0 + t z_1 at t = 0, 1/7, ..., 1.
  const [a, b] = [code(0), code(1)];
  const walk = Array.from({ length: 8 }, (_, s) => a.map((v, i) => (1 - s / 7) * v + (s / 7) * b[i]!));
  const shownWalk = await read('walk');
  expectSameVerdicts(shownWalk, await replayGanVerdicts(page, walk));
  expect(shownWalk[0]).toEqual((await read('samples'))[0]);

  // The next page of samples is codes 8-15; picking two of them redraws the walk between them.
  const canvas = () =>
    widget
      .locator('[data-samples] canvas')
      .first()
      .evaluate((c: HTMLCanvasElement) => c.toDataURL());
  const before = await canvas();
  await widget.getByRole('button', { name: 'Next 8' }).click();
  await expect(widget).toHaveAttribute('data-first', '8');
  expect(await canvas()).not.toBe(before);
  expectSameVerdicts(await read('samples'), await replayGanVerdicts(page, [8, 9, 10, 11, 12, 13, 14, 15].map(code)));
  await widget.getByRole('button', { name: 'Walk from or to sample 3' }).click();
  await expect(widget.locator('[data-walk-ends]')).toHaveText('from #10 to #1.');
});

test('dissection: the top unit IoU and the edit effect on 100 samples equal a replay, and ablation lowers the class area while insertion raises it', async ({
  page,
  open,
}) => {
  await open(LESSON);
  const widget = page.locator('#gan-dissection');
  await widget.scrollIntoViewIfNeeded();
  await expect(widget).toHaveAttribute('data-units', /\[/, SLOW);
  const classIndex = Number(await widget.locator('[data-class]').inputValue());
  // The lesson's default: banana.
  expect(classIndex).toBe(6);
  const row = widget.locator(`tr[data-class-index="${classIndex}"]`);
  await expect(row).toHaveAttribute('data-chosen', 'true');
  const [[unit, iou, threshold]] = JSON.parse((await row.getAttribute('data-top'))!) as [number, number, number][];
  const units = JSON.parse((await widget.getAttribute('data-units'))!) as number[];
  expect(units[0]).toBe(unit);
  const codes = Array.from({ length: 200 }, (_, k) => code(k));
  const reference = await replayGanEdit(page, { codes, layer: 'block1', classIndex, ablate: units, unit: unit!, threshold: threshold! });
  // The same 200 samples, counted independently: a pixel whose two most probable labels tie to the last digit may flip.
  expect(Math.abs(iou! - reference.iou)).toBeLessThan(0.01);

  const measure = async (mode: string) => {
    await widget.getByRole('button', { name: /Measure on 100 samples/ }).click();
    // A change of setting clears the last measurement, so the one awaited here is this mode's.
    await expect(widget).toHaveAttribute('data-effect', new RegExp(`"mode":"${mode}"`), SLOW);
    await expect(widget.locator('[data-effect]')).toHaveText(/^[a-z]+ covers/);
    return JSON.parse((await widget.getAttribute('data-effect'))!) as { mode: string; meanBefore: number; meanAfter: number; samples: number };
  };
  const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;
  const ablated = await measure('ablate');
  expect(ablated).toMatchObject({ mode: 'ablate', samples: 100 });
  expect(Math.abs(ablated.meanBefore - mean(reference.before.slice(0, 100)))).toBeLessThan(0.002);
  expect(Math.abs(ablated.meanAfter - mean(reference.after.slice(0, 100)))).toBeLessThan(0.002);
  // The lesson reports banana's 8 best units off taking its area from 2.63 % to 0.17 % of the pixels, and on at the centre to 5.54 %:
  // the test asks for at least a halving, and at least 1.5 times the area.
  expect(ablated.meanAfter).toBeLessThan(0.5 * ablated.meanBefore);

  // Switched on in the middle of every sample, the same units add the class.
  await widget.getByLabel('Switch them on where you click').check();
  const inserted = await measure('insert');
  expect(inserted).toMatchObject({ mode: 'insert', samples: 100 });
  expect(inserted.meanBefore).toBeCloseTo(ablated.meanBefore, 12);
  expect(inserted.meanAfter).toBeGreaterThan(1.5 * inserted.meanBefore);
});
