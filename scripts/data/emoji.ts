/**
 * Which emoji stand for each Glassbox Objects class, and where they come from:
 * the Iconify JSON packagings of three permissively licensed emoji sets.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Icon names per class, in OBJECT_CLASSES order; every name exists in all three sets. */
export const CLASS_EMOJI: readonly (readonly string[])[] = [
  ['cat', 'cat-face'],
  ['dog', 'dog-face', 'poodle'],
  ['fish', 'tropical-fish', 'blowfish'],
  ['bird', 'dove', 'parrot'],
  ['automobile', 'racing-car', 'taxi'],
  ['red-apple', 'green-apple'],
  ['banana'],
  ['deciduous-tree', 'evergreen-tree', 'palm-tree'],
  ['house', 'house-with-garden'],
  ['tulip', 'hibiscus', 'sunflower', 'cherry-blossom'],
];

interface IconSet {
  width?: number;
  height?: number;
  icons: Record<string, { body: string; width?: number; height?: number }>;
}

/** Standalone SVG for one icon of `style` (an @iconify-json package name), drawn at `size` px. */
export function emojiSvg(style: string, name: string, size: number): string {
  const set = require(`@iconify-json/${style}/icons.json`) as IconSet;
  const icon = set.icons[name];
  if (!icon) throw new Error(`emojiSvg: icon "${name}" not found in @iconify-json/${style}`);
  const w = icon.width ?? set.width ?? 16;
  const h = icon.height ?? set.height ?? 16;
  return `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" ` +
    `width="${size}" height="${size}" viewBox="0 0 ${w} ${h}">${icon.body}</svg>`;
}

/** Version and licence of an emoji set's npm package, for the atlas index and attributions. */
export function emojiPackage(style: string): { name: string; version: string; license: string } {
  const pkg = require(`@iconify-json/${style}/package.json`) as { name: string; version: string; license: string };
  return { name: pkg.name, version: pkg.version, license: pkg.license };
}
