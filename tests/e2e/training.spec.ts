import { firstStepLossInNode } from './reference/first-step.ts';
import { LESSON, expect, ready, test } from './fixtures.ts';

/** Training runs on one backend and is long: the wasm project only. */
test.skip(({ backend }) => backend !== 'wasm', 'training is checked on wasm');

test('training in the page: same first step as Node, the loss falls, and the trained model is listed and explained by Grad-CAM', async ({ page, open }) => {
  // A few dozen seconds on an idle machine; a busy 2-core CI machine may take several times that.
  test.setTimeout(600_000);
  await open(LESSON);
  await ready(page, 'conv-explorer');
  const run = await page.evaluate(async () => {
    const engine = await window.glassbox!.engine!;
    const reports: number[] = [];
    const result = (await engine.start('test-training', 'training', { spec: 'objects-cnn', overrides: { batchSize: 16 }, steps: 16, register: { id: 'page:test', label: 'trained in this test' } }, {}, (report) => {
      reports.push((report.progress as { step: number }).step);
    })) as { record: { stepLoss: number[] }; model: { id: string; origin: string } };
    return { losses: result.record.stepLoss, model: result.model, reports, backend: engine.info.backend };
  });
  expect(run.backend).toBe('wasm');
  expect(run.losses).toHaveLength(16);
  expect(run.reports.length).toBeGreaterThan(1);
  // The first step's loss is computed before any update: Node on cpu, from the same seeded batch and weights.
  expect(Math.abs(run.losses[0]! - (await firstStepLossInNode('objects-cnn', { batchSize: 16 })))).toBeLessThan(1e-4);
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  expect(mean(run.losses.slice(-4))).toBeLessThan(mean(run.losses.slice(0, 4)) - 0.1);
  expect(run.model).toMatchObject({ id: 'page:test', origin: 'page' });

  const explained = await page.evaluate(async () => {
    const engine = await window.glassbox!.engine!;
    const models = (await engine.call('listModels', [])) as { id: string }[];
    const image = new Float32Array(64 * 64 * 3).map((_, i) => ((i * 7919) % 255) / 255);
    type View = { alphas: Float32Array; logit: number };
    const mine = (await engine.call('gradCamExplorer', [image, 3, 'last_relu', 'page:test'])) as View;
    const shipped = (await engine.call('gradCamExplorer', [image, 3, 'last_relu', 'objects-cnn'])) as View;
    return { ids: models.map((m) => m.id), mine: Array.from(mine.alphas), shipped: Array.from(shipped.alphas) };
  });
  expect(explained.ids).toContain('page:test');
  expect(explained.mine).toHaveLength(64);
  expect(explained.mine.every(Number.isFinite)).toBe(true);
  // A different model, so different channel weights: the task really explained the one trained here.
  expect(explained.mine).not.toEqual(explained.shipped);
});
