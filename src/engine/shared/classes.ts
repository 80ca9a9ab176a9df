/** Class lists of the course's two datasets, in label order. */

/** Fashion-MNIST labels 0-9 (Xiao, Rasul and Vollgraf, 2017). */
export const FASHION_CLASSES = [
  'T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat',
  'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot',
] as const;

/** Glassbox Objects labels 0-9. */
export const OBJECT_CLASSES = [
  'cat', 'dog', 'fish', 'bird', 'car', 'apple', 'banana', 'tree', 'house', 'flower',
] as const;

export type ObjectClass = (typeof OBJECT_CLASSES)[number];
