import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { Page } from '@playwright/test';
import type * as tfc from '@tensorflow/tfjs-core';

const require = createRequire(import.meta.url);
const WASM_DIR = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
/** Where the page fetches the reference's wasm binaries; answered by the test from node_modules, never by the site. */
const WASM_ROUTE = '/__reference-wasm__/';
/** Where it fetches the reference TensorFlow.js: a same-origin script, so the site's Content-Security-Policy stays on. */
const TF_ROUTE = '/__reference-tf__.js';

declare global {
  interface Window {
    /** tfjs-core with gradients, chained ops and the cpu, wasm and webgl backends, put into the page by the tests only. */
    tf?: typeof tfc;
    tfReferenceWasm?: { setWasmPaths(prefix: string): void };
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
        "import '@tensorflow/tfjs-backend-webgl';",
        "import * as wasm from '@tensorflow/tfjs-backend-wasm';",
        'window.tf = tf;',
        'window.tfReferenceWasm = wasm;',
      ].join('\n'),
      resolveDir: process.cwd(),
    },
    bundle: true,
    format: 'iife',
    // ES modules, so the chained ops patch the same copy of tfjs-core that the page gets as window.tf.
    mainFields: ['module', 'main'],
    write: false,
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0]!.text);
  return bundle;
}

/**
 * Loads a TensorFlow.js of the tests' own into the page, as a script the test serves,
 * on the backend the page's engine uses (so max-pool ties and rounding break
 * the same way). The engine runs in its own worker with its own copy, so the
 * reference computations share no code instance and no thread with what they check.
 */
export async function installPageTf(page: Page): Promise<void> {
  if (await page.evaluate(() => window.tf !== undefined)) return;
  await page.route(`**${WASM_ROUTE}*`, (route) => {
    const name = new URL(route.request().url()).pathname.slice(WASM_ROUTE.length);
    return route.fulfill({ body: readFileSync(`${WASM_DIR}/${name}`), contentType: 'application/wasm' });
  });
  const script = await referenceTf();
  await page.route(`**${TF_ROUTE}`, (route) => route.fulfill({ body: script, contentType: 'text/javascript' }));
  await page.addScriptTag({ url: TF_ROUTE });
  await page.evaluate(async (route) => {
    const backend = new URLSearchParams(location.search).get('backend') ?? 'wasm';
    window.tfReferenceWasm!.setWasmPaths(`${location.origin}${route}`);
    if (!(await window.tf!.setBackend(backend))) throw new Error(`reference tf: backend ${backend} did not start`);
  }, WASM_ROUTE);
}
