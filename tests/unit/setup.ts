// Unit tests run on the cpu backend: deterministic, and the reference the browser backends are held to.
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
// tfjs-layers' Node bundle registers tfjs-core's gradients again when first loaded: load it here, before the
// replacement below, so that a test file importing it later does not undo the replacement (files share modules).
import '@tensorflow/tfjs-layers';
import '../../src/engine/runtime/batch-norm-grad.ts';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
import * as tf from '@tensorflow/tfjs-core';

await tf.setBackend('cpu');
await tf.ready();
