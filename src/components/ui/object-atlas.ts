// The scene pickers still generate their scenes on the main thread (see PENDING in tests/unit/import-boundary.test.ts).
export { loadObjectAtlas } from '~/engine/data/site-atlas.ts';
