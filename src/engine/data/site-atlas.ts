import { decodePng } from '../../lib/png.ts';
import { GlassboxError } from '../shared/errors.ts';
import { makeAtlas, type AtlasIndex, type ObjectAtlas, type RgbaImage } from './atlas.ts';

let atlas: Promise<ObjectAtlas> | undefined;

/**
 * The Glassbox Objects atlas, decoded once per page (or worker) from the site's
 * own files, byte for byte as in training: a PNG decoder of our own, not a
 * canvas, so it runs in the engine's worker too.
 */
export function loadObjectAtlas(): Promise<ObjectAtlas> {
  atlas ??= (async () => {
    const [index, emoji, photos] = await Promise.all([
      fetchOk('/data/objects-atlas.json').then((r) => r.json() as Promise<AtlasIndex>),
      fetchPng('/data/objects-atlas.png'),
      fetchPng('/data/backgrounds.png'),
    ]);
    return makeAtlas(index, emoji, photos);
  })();
  atlas.catch(() => (atlas = undefined));
  return atlas;
}

async function fetchOk(src: string): Promise<Response> {
  const response = await fetch(src);
  if (!response.ok) throw new GlassboxError('image-decode', `${src} could not be loaded (HTTP ${response.status})`, { source: src });
  return response;
}

async function fetchPng(src: string): Promise<RgbaImage> {
  return decodePng(new Uint8Array(await (await fetchOk(src)).arrayBuffer()));
}
