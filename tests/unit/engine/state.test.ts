import { describe, expect, it } from 'vitest';
import { decodeState, encodeState, parseWidgetState, type WidgetState } from '~/engine/shared/state.ts';

const state: WidgetState = {
  widget: 'conv-explorer',
  image: { kind: 'photo', id: 'cat' },
  params: { weights: [-1, 0, 1, -2, 0, 2, -1, 0, 1], stride: 2, padding: 1, bias: 0.5 },
  seed: 1,
};

describe('widget state', () => {
  it('survives a permalink round trip exactly', () => {
    expect(decodeState(encodeState(state), 'conv-explorer')).toEqual(state);
    expect(encodeState(state)).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('keeps the reader’s own pixels out of links', () => {
    const upload: WidgetState = { ...state, image: { kind: 'upload', name: 'me.png', dataUrl: 'data:image/png;base64,AAAA' } };
    expect(decodeState(encodeState(upload), 'conv-explorer').image).toEqual({ kind: 'upload', name: 'me.png' });
  });

  it('names what is wrong with a bad state', () => {
    expect(() => parseWidgetState({ ...state, seed: 1.5 }, 'conv-explorer')).toThrow('parseWidgetState: seed:');
    expect(() => parseWidgetState(state, 'relu-pool')).toThrow('parseWidgetState(widget): expected "relu-pool", got "conv-explorer"');
    expect(() => decodeState('%%%', 'conv-explorer')).toThrow('decodeState: the link does not hold a widget state');
  });
});
