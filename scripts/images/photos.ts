/**
 * Prepares the book's bundled photos: square 256 px JPEG crops of CC0 / public
 * domain images shipped in Debian's python3-skimage package.
 * Run: npm run photos (needs apt-get; writes public/images/ and photos.json).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';

const PHOTOS = [
  { id: 'camera', file: 'camera.png', label: 'Photographer', credit: 'Lav Varshney', licence: 'CC0-1.0' },
  { id: 'cat', file: 'chelsea.png', label: 'Cat (Chelsea)', credit: 'Stefan van der Walt', licence: 'CC0-1.0' },
  { id: 'coffee', file: 'coffee.png', label: 'Coffee cup', credit: 'Rachel Michetti', licence: 'CC0-1.0' },
  { id: 'rocket', file: 'rocket.jpg', label: 'Rocket launch', credit: 'SpaceX', licence: 'Public domain' },
];
const SIDE = 256;

const work = mkdtempSync(join(tmpdir(), 'skimage-'));
execFileSync('apt-get', ['download', 'python3-skimage'], { cwd: work, stdio: 'inherit' });
const deb = readdirSync(work).find((name) => name.endsWith('.deb'));
if (!deb) throw new Error('photos: apt-get download python3-skimage produced no .deb');
execFileSync('dpkg', ['-x', deb, 'root'], { cwd: work });
const data = join(work, 'root/usr/lib/python3/dist-packages/skimage/data');

for (const photo of PHOTOS) {
  await sharp(join(data, photo.file))
    .resize(SIDE, SIDE, { fit: 'cover', position: 'attention' })
    .jpeg({ quality: 86, mozjpeg: true })
    .toFile(`public/images/${photo.id}.jpg`);
  console.log(`public/images/${photo.id}.jpg`);
}
const index = PHOTOS.map(({ id, label, credit, licence }) => ({ id, label, src: `/images/${id}.jpg`, credit, licence, source: 'scikit-image data (Debian python3-skimage)' }));
writeFileSync('src/components/ui/photos.json', JSON.stringify(index, null, 2) + '\n');
