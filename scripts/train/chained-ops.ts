/**
 * tfjs-core's chained methods (t.add(...), t.expandDims()) in Node, for scripts
 * that run engine code written for the browser. The Node bundle of tfjs-core
 * leaves them out; its ES modules have them, but import their siblings without
 * '.js', which Node's resolver refuses, hence the hook. Importing this module
 * loads the bundle first, so the methods land on its Tensor class (tfjs keeps
 * one global Tensor class, the first one loaded).
 */
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, next) {
    try {
      return next(specifier, context);
    } catch (error) {
      if (specifier.startsWith('.') && context.parentURL?.includes('@tensorflow')) return next(`${specifier}.js`, context);
      throw error;
    }
  },
});
await import('@tensorflow/tfjs-core');
await import('@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops.js');
