import { readFileSync } from 'node:fs';
import pngjs from 'pngjs';
import { describe, expect, it } from 'vitest';
import { decodePng } from '~/lib/png.ts';

describe('decodePng', () => {
  for (const file of ['objects-atlas.png', 'backgrounds.png', 'fashion-test.png']) {
    it(`decodes public/data/${file} to the same bytes as pngjs`, async () => {
      const bytes = readFileSync(`public/data/${file}`);
      const ours = await decodePng(new Uint8Array(bytes));
      const reference = pngjs.PNG.sync.read(bytes);
      expect([ours.width, ours.height]).toEqual([reference.width, reference.height]);
      expect(Buffer.from(ours.data).equals(reference.data)).toBe(true);
    });
  }

  it('rejects a file that is not a PNG', async () => {
    await expect(decodePng(new TextEncoder().encode('GIF89a...'))).rejects.toThrow('expected a PNG signature');
  });
});
