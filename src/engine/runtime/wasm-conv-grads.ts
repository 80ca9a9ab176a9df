/**
 * Convolution gradients for the wasm backend, built from its fast (XNNPACK)
 * forward Conv2D. The stock wasm backend has no Conv2DBackpropFilter, and its
 * Conv2DBackpropInput is a plain loop roughly 10x slower than the forward pass.
 *
 * Filter gradient (im2col + matMul, with the matMul done as one convolution):
 *
 *   dW[i, j, c, o] = sum_{n, y, x} xPad[n, y*sh + i, x*sw + j, c] * dy[n, y, x, o]
 *
 * which is a valid convolution of xPad transposed to [Cin, Hp, Wp, N] (batch =
 * input channel, channels = batch) with dy transposed to [H', W', N, Cout] as
 * the filter, dilated by the stride; its [Cin, kh, kw, Cout] output is
 * transposed back to the filter layout [kh, kw, Cin, Cout].
 *
 * Input gradient for stride 1 and symmetric padding: a 'same'-style
 * convolution of dy with the filter rotated 180 degrees and its in/out
 * channels swapped. Other cases keep the stock kernel.
 */
import { backend_util, getKernel, registerKernel, unregisterKernel } from '@tensorflow/tfjs-core';
import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';

type Backend = { disposeData(dataId: object): boolean };
type Pad = 'same' | 'valid' | number;
interface ConvAttrs {
  strides: [number, number] | number;
  pad: Pad;
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

function kernel(name: string): KernelFunc {
  const config = getKernel(name, 'wasm');
  if (!config) throw new Error(`conv-grads: wasm kernel ${name} missing; register the wasm backend first`);
  return config.kernelFunc;
}

/** Runs wasm kernels by name and frees intermediates, all at the backend level (nothing is taped). */
function runner(backend: unknown) {
  const run = (name: string, inputs: Record<string, TensorInfo>, attrs: object): TensorInfo =>
    kernel(name)({ inputs: inputs as never, backend: backend as never, attrs: attrs as never }) as TensorInfo;
  const free = (...ts: TensorInfo[]) => ts.forEach((t) => (backend as Backend).disposeData(t.dataId));
  return { run, free };
}

function checkFormat(fn: string, dataFormat: string): void {
  if (dataFormat === 'NCHW') throw new Error(`${fn}: dataFormat expected NHWC, got NCHW`);
}

const backpropFilter: KernelFunc = ({ inputs, backend, attrs }) => {
  const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs as unknown as ConvAttrs & {
    filterShape: [number, number, number, number];
  };
  checkFormat('conv2dBackpropFilter', dataFormat);
  const info = backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number], filterShape, strides, 1, pad, dimRoundingMode);
  const { run, free } = runner(backend);
  const { top, bottom, left, right } = info.padInfo;
  // Crop the padded input to exactly the rows/cols the strided windows touch.
  const hp = (info.outHeight - 1) * info.strideHeight + info.filterHeight;
  const wp = (info.outWidth - 1) * info.strideWidth + info.filterWidth;
  const xp = run('PadV2', { x }, {
    paddings: [[0, 0], [top, Math.max(0, bottom)], [left, Math.max(0, right)], [0, 0]], constantValue: 0,
  });
  const xc = run('StridedSlice', { x: xp }, {
    begin: [0, 0, 0, 0], end: [x.shape[0], hp, wp, x.shape[3]], strides: [1, 1, 1, 1],
    beginMask: 0, endMask: 0, ellipsisMask: 0, newAxisMask: 0, shrinkAxisMask: 0,
  });
  const xt = run('Transpose', { x: xc }, { perm: [3, 1, 2, 0] });
  const dyt = run('Transpose', { x: dy }, { perm: [1, 2, 0, 3] });
  const conv = run('Conv2D', { x: xt, filter: dyt }, {
    strides: 1, pad: 'valid', dataFormat: 'NHWC', dilations: [info.strideHeight, info.strideWidth],
  });
  const out = run('Transpose', { x: conv }, { perm: [1, 2, 0, 3] });
  free(xp, xc, xt, dyt, conv);
  return out;
};

function backpropInput(stock: KernelFunc): KernelFunc {
  return (args) => {
    const { dy, filter } = args.inputs as { dy: TensorInfo; filter: TensorInfo };
    const { strides, pad, dataFormat, dimRoundingMode, inputShape } = args.attrs as unknown as ConvAttrs & {
      inputShape: [number, number, number, number];
    };
    checkFormat('conv2dBackpropInput', dataFormat);
    const fs = filter.shape as [number, number, number, number];
    const info = backend_util.computeConv2DInfo(inputShape, fs, strides, 1, pad, dimRoundingMode);
    const { top, bottom, left, right } = info.padInfo;
    const fast = info.strideHeight === 1 && info.strideWidth === 1 &&
      top === fs[0] - 1 - top && bottom === top && left === fs[1] - 1 - left && right === left;
    if (!fast) return stock(args);
    const { run, free } = runner(args.backend);
    const flipped = run('Reverse', { x: filter }, { dims: [0, 1] });
    const swapped = run('Transpose', { x: flipped }, { perm: [0, 1, 3, 2] });
    const dx = run('Conv2D', { x: dy, filter: swapped }, { strides: 1, pad: 'same', dataFormat: 'NHWC', dilations: 1 });
    free(flipped, swapped);
    return dx;
  };
}

/** Registers both gradient kernels once; the wasm backend must already be registered. */
export function registerConvGradsWasm(): void {
  if (getKernel('Conv2DBackpropFilter', 'wasm')) return;
  registerKernel({ kernelName: 'Conv2DBackpropFilter', backendName: 'wasm', kernelFunc: backpropFilter });
  const stock = getKernel('Conv2DBackpropInput', 'wasm')!;
  unregisterKernel('Conv2DBackpropInput', 'wasm');
  // Keep the stock setupFunc: registered before the backend starts (as in the browser), it binds the wasm function.
  registerKernel({ kernelName: 'Conv2DBackpropInput', backendName: 'wasm', kernelFunc: backpropInput(stock.kernelFunc), setupFunc: stock.setupFunc });
}
