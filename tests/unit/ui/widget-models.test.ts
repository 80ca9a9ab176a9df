import { describe, expect, it } from 'vitest';
import { WIDGETS } from '~/components/widgets/registry.ts';
import { WIDGET_MODELS } from '~/components/widgets/widget-models.ts';

describe('WIDGET_MODELS', () => {
  it('names the models of exactly the registered widget kinds', () => {
    expect(Object.keys(WIDGET_MODELS).sort()).toEqual(Object.keys(WIDGETS).sort());
  });
});
