import { anyNumber, flag, intIn, layerName, numberIn, numbersOf, oneOf, type WidgetSpec } from './fields.ts';
import { FIRST_OBJECT, FIRST_SCENE, photoImage, sceneImage } from './images.ts';

/** The convolution explorer's preset kernels, by name (src/components/ui/kernels.ts; a unit test keeps the two equal). */
export const KERNEL_NAMES = ['identity', 'box-blur', 'sharpen', 'horizontal-edge', 'vertical-edge'] as const;
const VERTICAL_EDGE = [-1, 0, 1, -2, 0, 2, -1, 0, 1];
/** The widest layer of the course's models has 64 channels; a channel past the chosen layer's last is clamped by the widget. */
const CHANNEL = (fallback: number) => intIn(0, 63, fallback);
/** Seeds are taken modulo 2^32 by the generator. */
export const SEED = (fallback: number) => intIn(0, 2 ** 32 - 1, fallback);

/** Widgets of the convolution, layer-activation and receptive-field lessons, and the objects gallery. */
export const BASIC_SPECS: Readonly<Record<string, WidgetSpec>> = {
  'conv-explorer': {
    image: photoImage({ kind: 'photo', id: 'camera' }),
    params: { weights: numbersOf(9, VERTICAL_EDGE), stride: oneOf([1, 2, 3], 1), padding: oneOf([0, 1, 2], 1), bias: anyNumber(0) },
  },
  'relu-pool': {
    image: photoImage({ kind: 'photo', id: 'cat' }),
    params: { kernel: oneOf(KERNEL_NAMES, 'vertical-edge'), size: oneOf([2, 3, 4], 2), stride: oneOf([1, 2, 3, 4], 2) },
  },
  // The inputs' own bounds; numbers the formula rejects (a kernel larger than the padded input) are explained by the widget.
  'shape-calculator': { params: { n: intIn(1, 4096, 64), k: intIn(1, 4096, 3), p: intIn(0, 4096, 1), s: intIn(1, 4096, 2) } },
  'guided-relu-example': { params: { z: numbersOf(6, [2, -1, 0.5, -3, 1, -0.5]), r: numbersOf(6, [-1, 3, 2, -2, 0.5, 1]) } },
  'objects-gallery': {
    params: { objects: oneOf([1, 2, 3], 3), style: oneOf(['train', 'unseen'], 'train'), masks: flag(true), boxes: flag(false) },
    seed: SEED(1),
  },
  'filter-gallery': {
    params: { model: oneOf(['objects-cnn', 'fashion-cnn'], 'objects-cnn'), scale: oneOf(['filter', 'layer'], 'filter'), filter: CHANNEL(0) },
  },
  'activation-grid': {
    image: sceneImage(FIRST_SCENE, { uploads: true }),
    layer: layerName('conv_0'),
    params: { scale: oneOf(['channel', 'shared'], 'channel'), order: oneOf(['index', 'max', 'mean'], 'index'), channel: CHANNEL(0) },
  },
  'channel-mask': {
    image: sceneImage(FIRST_OBJECT),
    layer: layerName('conv_3'),
    params: { channel: CHANNEL(4), mode: oneOf(['relative', 'absolute'], 'relative'), tau: numberIn(0, 1, 0.5), t: anyNumber(0.5) },
  },
  'receptive-field': { image: sceneImage(FIRST_OBJECT), params: { layer: layerName('last_conv') } },
  'top-patches': {
    params: {
      layer: layerName('conv_3'),
      channel: CHANNEL(26),
      k: oneOf([4, 9, 16], 9),
      images: oneOf([250, 500, 1000], 500),
      // The patch picked among the k shown.
      pick: ({ k }) => intIn(0, Number(k) - 1, 0),
    },
  },
};
