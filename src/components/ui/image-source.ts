import { GlassboxError } from '~/engine/shared/errors.ts';

/** Files larger than this are refused before decoding: the widgets only need a few thousand pixels. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Images wider or taller than this are refused: decoding them could exhaust a phone's memory. */
export const MAX_SIDE = 12000;

/**
 * Decodes the reader's own image file, in this browser only. Throws a
 * GlassboxError with a sentence for the reader when the file is not an image,
 * is too large, or is corrupt.
 */
export async function decodeFile(file: File): Promise<ImageBitmap> {
  if (file.size > MAX_FILE_BYTES) {
    throw new GlassboxError('image-too-large', `“${file.name}” is ${(file.size / 1048576).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1048576} MB`, 'try a smaller photo or a screenshot');
  }
  if (file.type && !file.type.startsWith('image/')) {
    throw new GlassboxError('image-decode', `“${file.name}” is not an image (${file.type})`, 'choose a PNG, JPEG, WebP or GIF file');
  }
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch (error) {
    throw new GlassboxError('image-decode', `“${file.name}” could not be read as an image; it may be damaged`, 'try another file', { cause: error });
  }
  if (bitmap.width > MAX_SIDE || bitmap.height > MAX_SIDE) {
    bitmap.close();
    throw new GlassboxError('image-too-large', `“${file.name}” is ${bitmap.width} x ${bitmap.height} pixels; the limit is ${MAX_SIDE} per side`, 'try a smaller image');
  }
  return bitmap;
}

/** Loads one of the site's own images. */
export async function decodeUrl(src: string): Promise<ImageBitmap> {
  const response = await fetch(src);
  if (!response.ok) throw new GlassboxError('image-decode', `image ${src} could not be loaded (HTTP ${response.status})`);
  return createImageBitmap(await response.blob());
}

/**
 * Decodes an own image saved in a state (a base64 `data:` URL) in memory:
 * no request is made, so the page's connect-src stays the site's own.
 */
export async function decodeDataUrl(dataUrl: string): Promise<ImageBitmap> {
  const match = /^data:(image\/[a-z0-9.+-]+);base64,([A-Za-z0-9+/]*={0,2})$/.exec(dataUrl);
  if (!match) throw new GlassboxError('image-decode', 'the saved image is not a base64 image data URL');
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
