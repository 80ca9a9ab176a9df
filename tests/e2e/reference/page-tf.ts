import { build } from 'esbuild';
import type { Page } from '@playwright/test';
import type * as tfc from '@tensorflow/tfjs-core';

declare global {
  interface Window {
    /** tfjs-core with gradients, chained ops and the cpu backend, put into the page by the tests only. */
    tf?: typeof tfc;
  }
}

/** The tests' own TensorFlow.js as one script, bundled once per test worker from node_modules. */
let bundle: Promise<string> | undefined;

function referenceTf(): Promise<string> {
  bundle ??= build({
    stdin: {
      contents: [
        "import * as tf from '@tensorflow/tfjs-core';",
        "import '@tensorflow/tfjs-core/dist/register_all_gradients';",
        "import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';",
        "import '@tensorflow/tfjs-backend-cpu';",
        'window.tf = tf;',
      ].join('\n'),
      resolveDir: process.cwd(),
    },
    bundle: true,
    format: 'iife',
    write: false,
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0]!.text);
  return bundle;
}

/**
 * Loads a TensorFlow.js of the tests' own into the page, on the cpu backend,
 * as an inline script (no request leaves the machine). The engine runs in its
 * own worker with its own copy, so the reference computations share no code
 * instance, no backend and no thread with what they check.
 */
export async function installPageTf(page: Page): Promise<void> {
  if (await page.evaluate(() => window.tf !== undefined)) return;
  await page.addScriptTag({ content: await referenceTf() });
  await page.evaluate(async () => {
    await window.tf!.setBackend('cpu');
  });
}
