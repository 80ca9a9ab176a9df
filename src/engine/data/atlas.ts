/**
 * The Glassbox Objects template atlas: emoji rendered once (by
 * scripts/data/atlas.ts) into one RGBA sheet, plus CC0 photo crops for
 * backgrounds in a second RGB sheet. `public/data/objects-atlas.json` indexes
 * both; the caller decodes the two PNGs (canvas in the browser, pngjs in Node).
 */

/** One emoji cut-out: a rectangle of the atlas with straight (not premultiplied) alpha. */
export interface Template {
  x: number;
  y: number;
  w: number;
  h: number;
  /** Label, index into OBJECT_CLASSES. */
  classIndex: number;
  /** Emoji set the template comes from (see STYLES). */
  style: string;
  /** Icon name in the emoji set, e.g. "red-apple". */
  emoji: string;
}

/** One background photo crop in the background sheet. */
export interface BackgroundTile {
  x: number;
  y: number;
  size: number;
  /** Source photo, for the attributions page. */
  source: string;
}

/** Contents of `public/data/objects-atlas.json`. */
export interface AtlasIndex {
  templates: Template[];
  backgrounds: BackgroundTile[];
}

/** Decoded RGBA pixels (row-major, 4 bytes per pixel). */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array | Uint8ClampedArray;
}

/** Everything the generator needs: the index plus both decoded sheets. */
export interface ObjectAtlas extends AtlasIndex {
  emoji: RgbaImage;
  photos: RgbaImage;
}

/**
 * Emoji sets. Training uses TRAIN_STYLES only; UNSEEN_STYLE is held out as a
 * test of generalisation to a drawing style the model never saw.
 */
export const TRAIN_STYLES = ['noto', 'fluent-emoji-flat'] as const;
export const UNSEEN_STYLE = 'twemoji';
export const STYLES = [...TRAIN_STYLES, UNSEEN_STYLE] as const;

/** Joins the JSON index with the decoded sheets, checking that every rectangle fits. */
export function makeAtlas(index: AtlasIndex, emoji: RgbaImage, photos: RgbaImage): ObjectAtlas {
  for (const [name, img] of [['emoji', emoji], ['photos', photos]] as const) {
    if (img.data.length !== img.width * img.height * 4) {
      throw new Error(`makeAtlas: ${name} expected ${img.width}x${img.height} RGBA (${img.width * img.height * 4} bytes), got ${img.data.length} bytes`);
    }
  }
  for (const t of index.templates) {
    if (t.x + t.w > emoji.width || t.y + t.h > emoji.height) {
      throw new Error(`makeAtlas: template ${t.style}/${t.emoji} lies outside the ${emoji.width}x${emoji.height} sheet; rebuild with "npm run data"`);
    }
  }
  for (const b of index.backgrounds) {
    if (b.x + b.size > photos.width || b.y + b.size > photos.height) {
      throw new Error(`makeAtlas: background ${b.source} lies outside the ${photos.width}x${photos.height} sheet`);
    }
  }
  return { ...index, emoji, photos };
}
