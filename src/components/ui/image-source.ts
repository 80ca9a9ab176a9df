import { GlassboxError } from '~/engine/shared/errors.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/kit.ts';

const t = strings(pageLang());
/** These errors are made here, on the page, in its language. */
const WORDED = { worded: true } as const;

/** Files larger than this are refused before decoding: the widgets only need a few thousand pixels. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Images wider or taller than this are refused: decoding them could exhaust a phone's memory. */
export const MAX_SIDE = 12000;

/**
 * Decodes the reader's own image file, in this browser only. Throws a
 * GlassboxError with a sentence for the reader, in the page's language, when the file is not an image,
 * is too large, or is corrupt.
 */
export async function decodeFile(file: File): Promise<ImageBitmap> {
  if (file.size > MAX_FILE_BYTES) {
    throw new GlassboxError(
      'image-too-large',
      t('image.tooManyBytes', { name: file.name, size: (file.size / 1048576).toFixed(1), limit: MAX_FILE_BYTES / 1048576 }),
      { source: file.name },
      t('image.tooManyBytesHint'),
      WORDED,
    );
  }
  if (file.type && !file.type.startsWith('image/')) {
    throw new GlassboxError('image-decode', t('image.notImage', { name: file.name, type: file.type }), { source: file.name }, t('image.notImageHint'), WORDED);
  }
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch (error) {
    throw new GlassboxError('image-decode', t('image.damaged', { name: file.name }), { source: file.name }, t('image.damagedHint'), { ...WORDED, cause: error });
  }
  if (bitmap.width > MAX_SIDE || bitmap.height > MAX_SIDE) {
    bitmap.close();
    throw new GlassboxError(
      'image-too-large',
      t('image.tooManyPixels', { name: file.name, width: bitmap.width, height: bitmap.height, limit: MAX_SIDE }),
      { source: file.name },
      t('image.tooManyPixelsHint'),
      WORDED,
    );
  }
  return bitmap;
}

/** Loads one of the site's own images. */
export async function decodeUrl(src: string): Promise<ImageBitmap> {
  const response = await fetch(src);
  if (!response.ok) throw new GlassboxError('image-decode', t('image.notLoaded', { src, status: response.status }), { source: src }, undefined, WORDED);
  return createImageBitmap(await response.blob());
}

/**
 * Decodes an own image saved in a state (a base64 `data:` URL) in memory:
 * no request is made, so the page's connect-src stays the site's own.
 */
export async function decodeDataUrl(dataUrl: string): Promise<ImageBitmap> {
  const match = /^data:(image\/[a-z0-9.+-]+);base64,([A-Za-z0-9+/]*={0,2})$/.exec(dataUrl);
  if (!match) throw new GlassboxError('image-decode', t('image.notDataUrl'), { source: 'data:' }, undefined, WORDED);
  const bytes = Uint8Array.from(atob(match[2]!), (c) => c.charCodeAt(0));
  return createImageBitmap(new Blob([bytes], { type: match[1] }));
}

/** The centre square of an image, scaled to side x side: the pixels a widget computes on. */
export function centreSquare(image: CanvasImageSource & { width: number; height: number }, side: number): ImageData {
  const canvas = document.createElement('canvas');
  canvas.width = side;
  canvas.height = side;
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  const crop = Math.min(image.width, image.height);
  context.imageSmoothingQuality = 'high';
  context.drawImage(image, (image.width - crop) / 2, (image.height - crop) / 2, crop, crop, 0, 0, side, side);
  return context.getImageData(0, 0, side, side);
}

/** A small PNG data URL of pixels, so an uploaded image survives a reload without leaving the browser. */
export function toDataUrl(pixels: ImageData): string {
  const canvas = document.createElement('canvas');
  canvas.width = pixels.width;
  canvas.height = pixels.height;
  canvas.getContext('2d')!.putImageData(pixels, 0, 0);
  return canvas.toDataURL('image/png');
}
