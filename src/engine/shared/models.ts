import type { Lang } from '../../i18n/lang.ts';

/**
 * The models the book ships, by id (the folder under public/models), with the
 * words a widget's model menu shows (`labelKo` in the Korean edition). Models
 * trained in the page join them in the engine's registry under ids that start
 * with `page:`.
 */
export const SHIPPED_MODELS = [
  { id: 'objects-cnn', label: 'objects-cnn (the course model)', labelKo: 'objects-cnn (강좌 모델)', dataset: 'objects' },
  { id: 'objects-cnn-b', label: 'objects-cnn-b (the second, smaller model)', labelKo: 'objects-cnn-b (두 번째, 더 작은 모델)', dataset: 'objects' },
  // The training experiment's lab spec, trained with and without augmentation at the same seed (npm run lab-export).
  {
    id: 'objects-lab-flips-crops',
    label: 'objects-lab-flips-crops (lab, flips + crops)',
    labelKo: 'objects-lab-flips-crops (실험실, 뒤집기 + 자르기)',
    dataset: 'objects',
  },
  { id: 'objects-lab', label: 'objects-lab (lab, no augmentation)', labelKo: 'objects-lab (실험실, 증강 없음)', dataset: 'objects' },
  { id: 'fashion-cnn', label: 'fashion-cnn (Fashion-MNIST)', labelKo: 'fashion-cnn (Fashion-MNIST)', dataset: 'fashion' },
] as const;

export type ShippedModelId = (typeof SHIPPED_MODELS)[number]['id'];

/** A shipped model's menu words in the reader's edition; undefined for an id the book does not ship. */
export function shippedModelLabel(id: string, lang: Lang = 'en'): string | undefined {
  const model = SHIPPED_MODELS.find((m) => m.id === id);
  return model && (lang === 'ko' ? model.labelKo : model.label);
}

/** The attention lesson's Vision Transformer: shipped too, but left out of the model menus, whose widgets need a convolutional layer. */
export const VIT_MODEL_ID = 'objects-vit';

/** The segmentation lesson's network: it labels pixels, so it is in no classifier's menu either. */
export const SEGMENTER_MODEL_ID = 'objects-segmenter';

/** The GAN lesson's generator: it draws images instead of reading them. */
export const GAN_MODEL_ID = 'objects-gan';

/** Every model folder under public/models that a widget can compute with. */
export type BookModelId = ShippedModelId | typeof VIT_MODEL_ID | typeof SEGMENTER_MODEL_ID | typeof GAN_MODEL_ID;

/** A model the registry can name: shipped, or trained in this page. Plain data, for menus and widget state. */
export interface ModelEntry {
  id: string;
  label: string;
  origin: 'shipped' | 'page' | 'run';
  dataset: string;
}

/** Ids of models trained in the page start with this, so they can never shadow a shipped model. */
export const PAGE_MODEL_PREFIX = 'page:';

/** Ids of runs the training lab saved in this browser's IndexedDB start with this; any page of the book can load them. */
export const RUN_MODEL_PREFIX = 'run:';
/** Where a saved run's model lives in IndexedDB (tfjs's `indexeddb://` handler), followed by the run's name. */
export const RUN_MODEL_STORE = 'indexeddb://glassbox-run/';
