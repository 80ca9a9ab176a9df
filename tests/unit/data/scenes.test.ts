import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadAtlas } from '../../../scripts/data/load-atlas.ts';
import { UNSEEN_STYLE } from '~/engine/data/atlas.ts';
import { composeScene } from '~/engine/data/compose.ts';
import { sceneAt } from '~/engine/data/objects.ts';
import { sceneDataset, sceneStream } from '~/engine/shared/scene-streams.ts';
import { OBJECTS_SPLITS } from '~/engine/shared/splits.ts';
import { SCENE_DATASETS } from '~/engine/shared/widget-params/images.ts';
import { composedScene, datasetScene, galleryScenes, pointingScenes } from '~/engine/tasks/scenes.ts';

const atlas = loadAtlas();

// The tasks load the site's atlas themselves: here the site is the repository's public/ folder.
beforeAll(() => vi.stubGlobal('fetch', async (input: RequestInfo | URL) => new Response(readFileSync(`public${String(input)}`))));
afterAll(() => vi.unstubAllGlobals());

describe('scene streams', () => {
  it('name every held-out dataset a picker offers, and read the names back', () => {
    for (const dataset of Object.keys(SCENE_DATASETS)) expect(sceneDataset(sceneStream(dataset)!)).toBe(dataset);
    expect(sceneDataset({ count: 1, unseen: false })).toBe('objects-held-out-1');
    expect(sceneStream('objects-unseen-3')).toEqual({ count: 3, unseen: true });
    expect(sceneStream('fashion-1')).toBeUndefined();
  });
});

describe('the scene tasks', () => {
  it('make the held-out scene a dataset reference names, from the seed of its split', async () => {
    const { heldOut, scenes, unseenStyle } = OBJECTS_SPLITS;
    expect(await datasetScene('objects-held-out-1', 4)).toEqual(sceneAt(atlas, heldOut.seed, 4, { count: 1 }));
    expect(await datasetScene('objects-scenes-3', 7)).toEqual(sceneAt(atlas, scenes.seed, 7, { count: 3 }));
    expect(await datasetScene('objects-unseen-2', 0)).toEqual(sceneAt(atlas, unseenStyle.seed, 0, { count: 2, styles: [UNSEEN_STYLE] }));
    await expect(datasetScene('objects-scenes-9', 0)).rejects.toThrow('datasetScene(dataset): expected one of objects-held-out-1');
    await expect(datasetScene('objects-scenes-2', -1)).rejects.toThrow('datasetScene(index)');
  });

  it('make the pointing-game scenes (2 and 3 objects, alternating), the gallery scenes and a composed scene', async () => {
    const pointing = await pointingScenes(5, 2);
    expect(pointing).toEqual([sceneAt(atlas, OBJECTS_SPLITS.scenes.seed, 5, { count: 3 }), sceneAt(atlas, OBJECTS_SPLITS.scenes.seed, 6, { count: 2 })]);
    expect(await galleryScenes(1, 2, { count: 3, unseen: false })).toEqual([0, 1].map((i) => sceneAt(atlas, 500_001, i, { count: 3 })));
    expect((await galleryScenes(2, 1, { count: 1, unseen: true }))[0]).toEqual(sceneAt(atlas, 500_002, 0, { count: 1, styles: [UNSEEN_STYLE] }));
    const layout = { background: 3, objects: [{ classIndex: 0, cx: 18, cy: 19, longest: 26 }, { classIndex: 4, cx: 45, cy: 45, longest: 26 }] };
    expect(await composedScene(layout)).toEqual(composeScene(atlas, layout));
  });
});
