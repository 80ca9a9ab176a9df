import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import photos from '~/components/ui/photos.json';
import { KERNELS } from '~/components/ui/kernels.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import { KERNEL_NAMES } from '~/engine/shared/widget-params/basics.ts';
import { START_LAYOUT } from '~/engine/shared/widget-params/explain.ts';
import { PHOTO_IDS } from '~/engine/shared/widget-params/images.ts';
import { WIDGET_SPECS, chooseLayer, validateWidgetState } from '~/engine/shared/widget-params/validate.ts';

const state = (widget: string, rest: Partial<WidgetState> = {}): WidgetState => ({ widget, params: {}, seed: 0, ...rest });

/** Every widget kind mounted with `new WidgetShell(root, KIND, …)`, read from the widget sources. */
function mountedKinds(): string[] {
  const dir = resolve(import.meta.dirname, '../../../src/components/widgets');
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith('.ts') ? [join(d, e.name)] : []));
  return walk(dir).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('new WidgetShell(')) return [];
    return [/const KIND = '([^']+)'/.exec(text)![1]!];
  });
}

describe('widget params', () => {
  it('has a spec for every widget kind that restores a state', () => {
    const kinds = mountedKinds();
    expect(kinds.length).toBeGreaterThanOrEqual(25);
    expect(kinds.filter((kind) => !WIDGET_SPECS[kind])).toEqual([]);
  });

  it('names the same photos and kernels as the picker and the kernel menu', () => {
    expect([...PHOTO_IDS]).toEqual(photos.map((p) => p.id));
    expect([...KERNEL_NAMES]).toEqual(Object.keys(KERNELS));
  });

  it('keeps a state made of every field’s fallback as it is, with no notice', () => {
    for (const [widget, spec] of Object.entries(WIDGET_SPECS)) {
      const settings: Record<string, unknown> = {};
      for (const [name, rule] of Object.entries(spec.params)) {
        const field = typeof rule === 'function' ? rule(settings) : rule;
        settings[name] = field.fallback;
      }
      const params = Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined)) as WidgetState['params'];
      const image = spec.image?.fallback as WidgetState['image'];
      const input = state(widget, { params, ...(image ? { image } : {}) });
      expect(validateWidgetState(input), widget).toEqual({ state: input, notices: [] });
    }
  });

  it('replaces a kernel the ReLU and pooling widget does not offer by its default, saying so', () => {
    for (const kernel of [-1, 1e9, '', 'VERTICAL-EDGE']) {
      const { state: checked, notices } = validateWidgetState(state('relu-pool', { params: { kernel, size: 3, stride: 2 } }));
      expect(checked.params).toEqual({ kernel: 'vertical-edge', size: 3, stride: 2 });
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatch(/^kernel: .+ is not one of identity, box-blur, sharpen, horizontal-edge, vertical-edge; using "vertical-edge"\.$/);
    }
    expect(validateWidgetState(state('relu-pool', { params: { kernel: -1 } })).notices[0]).toBe(
      'kernel: -1 is not one of identity, box-blur, sharpen, horizontal-edge, vertical-edge; using "vertical-edge".',
    );
  });

  it('checks numbers against their ranges and menus, and lists against their lengths', () => {
    const conv = validateWidgetState(state('conv-explorer', { params: { weights: [1, 2, 3], stride: 0, padding: 1, bias: -1e9 } }));
    expect(conv.state.params).toEqual({ weights: [-1, 0, 1, -2, 0, 2, -1, 0, 1], stride: 1, padding: 1, bias: -1e9 });
    expect(conv.notices).toEqual([
      'weights: [1, 2, 3] is not a list of 9 finite numbers; using [-1, 0, 1, -2, 0, 2, -1, 0, 1].',
      'stride: 0 is not one of 1, 2, 3; using 1.',
    ]);
    const shape = validateWidgetState(state('shape-calculator', { params: { n: 1e9, k: 2.5, p: -1, s: 4 } }));
    expect(shape.state.params).toEqual({ n: 64, k: 3, p: 1, s: 4 });
    expect(shape.notices.map((n) => n.split(':')[0])).toEqual(['n', 'k', 'p']);
    const relu = validateWidgetState(state('guided-relu-example', { params: { z: [], r: [1, 2, 3, 4, 5, 6] } }));
    expect(relu.state.params['r']).toEqual([1, 2, 3, 4, 5, 6]);
    expect(relu.notices).toEqual(['z: [] is not a list of 6 finite numbers; using [2, -1, 0.5, -3, 1, -0.5].']);
    // A string where a number belongs is refused like any other value.
    expect(validateWidgetState(state('saliency-compare', { params: { samples: '25' } })).state.params['samples']).toBe(25);
  });

  it('checks a rule against the settings it depends on', () => {
    const occlusion = validateWidgetState(state('occlusion-explorer', { params: { patch: 16, top: 50, left: 48 } }));
    expect(occlusion.state.params).toEqual({ patch: 16, top: 28, left: 48 });
    expect(occlusion.notices).toEqual(['top: 50 is not a whole number from 0 to 48; using 28.']);
    const patches = validateWidgetState(state('top-patches', { params: { k: 4, pick: 4 } }));
    expect(patches.state.params).toEqual({ k: 4, pick: 0 });
    // Without k in the state, the pick is checked against the default k = 9.
    expect(validateWidgetState(state('top-patches', { params: { pick: 8 } })).notices).toEqual([]);
  });

  it('keeps the scene composer to layouts it could make, asking about a class it shows', () => {
    const twice = validateWidgetState(state('scene-composer', { class: 3, params: { objects: [1, 10, 10, 26, 1, 40, 40, 26] } }));
    expect(twice.state.params['objects']).toEqual(START_LAYOUT);
    expect(twice.state.class).toBe(0);
    expect(twice.notices).toHaveLength(2);
    expect(twice.notices[0]).toMatch(/^objects: \[1, 10, 10, 26, 1, 40, 40, 26\] is not 1 to 3 objects .*; using the starting cat and car\.$/);
    expect(twice.notices[1]).toBe('class: 3 is not one of 0, 4; using 0.');
    const fine = state('scene-composer', { class: 9, params: { background: 7, objects: [9, 0, 64, 26] } });
    expect(validateWidgetState(fine)).toEqual({ state: fine, notices: [] });
  });

  it('checks the class, the layer name and the seed where the widget reads them, and drops them where it does not', () => {
    const saliency = validateWidgetState(state('saliency-compare', { class: 10, layer: 'conv_0', seed: -5 }));
    expect(saliency.state).toEqual(state('saliency-compare', { seed: -5 }));
    expect(saliency.notices).toEqual(["class: 10 is not a whole number from 0 to 9; using the first object's class."]);
    const ascent = validateWidgetState(state('class-viz-ascent', { class: -1, params: { lambda: 2, steps: 0 } }));
    expect(ascent.state).toEqual(state('class-viz-ascent', { class: 6, params: { lambda: 0.1 } }));
    expect(ascent.notices).toHaveLength(3);
    const grid = validateWidgetState(state('activation-grid', { layer: '' }));
    expect(grid.state.layer).toBe('conv_0');
    expect(validateWidgetState(state('grad-cam-explorer', { layer: 'no such layer!' })).state.layer).toBeUndefined();
    const gallery = validateWidgetState(state('objects-gallery', { seed: -1, params: { style: 'emoji', masks: false } }));
    expect(gallery.state).toEqual(state('objects-gallery', { seed: 1, params: { style: 'train', masks: false } }));
    expect(validateWidgetState(state('sanity-check', { seed: 2 ** 40 })).state.seed).toBe(1);
    // Knobs a widget does not have are dropped.
    expect(validateWidgetState(state('method-table', { params: { batch: 4, extra: 1 } })).state.params).toEqual({ batch: 4 });
  });

  it('checks image references: bundled photo ids, held-out indices, own images', () => {
    const photo = (id: string) => validateWidgetState(state('relu-pool', { image: { kind: 'photo', id } }));
    expect(photo('coffee').notices).toEqual([]);
    expect(photo('dog').state.image).toEqual({ kind: 'photo', id: 'cat' });
    expect(photo('dog').notices[0]).toBe('image: photo "dog" is not a bundled photo (camera, cat, coffee, rocket) or an image saved in this browser; using photo "cat".');
    const linked = validateWidgetState(state('conv-explorer', { image: { kind: 'upload', name: 'me.png' } }));
    expect(linked.state.image).toEqual({ kind: 'photo', id: 'camera' });
    expect(linked.notices[0]).toBe('image: your own image "me.png" is not in this link (a link never carries the sender’s own image); using photo "camera".');
    // Pixels that do not decode pass here; the picker falls back when it tries them.
    const junk = { kind: 'upload' as const, name: 'x.png', dataUrl: 'data:image/png;base64,AAAA' };
    expect(validateWidgetState(state('conv-explorer', { image: junk })).notices).toEqual([]);
    expect(validateWidgetState(state('cam-builder', { image: junk })).state.image).toEqual({ kind: 'dataset', dataset: 'objects-scenes-2', index: 0 });
    expect(validateWidgetState(state('activation-grid', { image: junk })).notices).toEqual([]);

    const scene = (dataset: string, index: number) => validateWidgetState(state('occlusion-explorer', { image: { kind: 'dataset', dataset, index } }));
    expect(scene('objects-unseen-3', 999).notices).toEqual([]);
    expect(scene('objects-scenes-3', 500).notices).toEqual(['image: image 500 of "objects-scenes-3" is not an image of objects-scenes-3 (0 to 499); using image 0 of "objects-scenes-2".']);
    expect(scene('objects-scenes-9', 0).notices[0]).toMatch(/^image: image 0 of "objects-scenes-9" is not a held-out image \(objects-held-out-1, /);
    expect(scene('objects-held-out-1', 9e15).state.image).toEqual({ kind: 'dataset', dataset: 'objects-scenes-2', index: 0 });
    expect(validateWidgetState(state('channel-mask', { image: { kind: 'photo', id: 'cat' } })).state.image).toEqual({ kind: 'dataset', dataset: 'objects-held-out-1', index: 0 });
    // A widget without an image drops one.
    expect(validateWidgetState(state('shape-calculator', { image: { kind: 'photo', id: 'cat' } }))).toEqual({ state: state('shape-calculator'), notices: [] });
  });

  it('never quotes a whole data URL or a long list', () => {
    const dataUrl = `data:image/png;base64,${'A'.repeat(5000)}`;
    const { notices } = validateWidgetState(state('cam-builder', { image: { kind: 'upload', name: 'n'.repeat(200), dataUrl } }));
    expect(notices[0]!.length).toBeLessThan(400);
    const long = validateWidgetState(state('conv-explorer', { params: { weights: Array(1000).fill(1) } })).notices[0]!;
    expect(long).toContain('… (1000 numbers)]');
  });

  it('keeps a layer the model has, or falls back with a notice naming the choices', () => {
    expect(chooseLayer('conv_3', ['conv_0', 'conv_3'], 'conv_0')).toEqual({ layer: 'conv_3' });
    expect(chooseLayer(undefined, ['conv_0', 'conv_3'], 'conv_3')).toEqual({ layer: 'conv_3' });
    expect(chooseLayer('conv_9', ['conv_0', 'conv_3'], 'conv_3')).toEqual({ layer: 'conv_3', notice: 'layer: "conv_9" is not one of conv_0, conv_3; using conv_3.' });
  });
});
