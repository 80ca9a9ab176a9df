import { describe, expect, it } from 'vitest';
import { paddingMargin } from '~/components/widgets/patches/layer-rows.ts';
import { summarise } from '~/components/widgets/patches/patch-grid.ts';
import type { FieldTable, TopPatch } from '~/engine/tasks/index.ts';

const row = (name: string, size: number, jump: number, start: number, side: number) => ({
  name, className: 'Conv2D', geometry: { kernel: 3, stride: 1, padding: 1 }, field: { size, jump, start }, side, channels: 4,
});

describe('paddingMargin', () => {
  it('is how far the fields of a layer reach past the image (by hand)', () => {
    const table: FieldTable = { imageSide: 64, rows: [row('conv_0', 3, 2, 0, 32), row('last_conv', 29, 4, -12, 16)] };
    // conv_0: last unit 31 ends at 0 + 31*2 + 3 = 65, one past 64. last_conv: starts at -12; the last ends at -12 + 60 + 29 = 77, 13 past.
    expect(paddingMargin(table, 'conv_0')).toBe(1);
    expect(paddingMargin(table, 'last_conv')).toBe(13);
    expect(paddingMargin(table, 'missing')).toBe(0);
  });
});

describe('summarise', () => {
  const patch = (classIndex: number): TopPatch => ({ image: 0, row: 0, col: 0, value: 1, classIndex, field: [0, 0, 1, 1], box: [0, 0, 1, 1] });
  it('names the leading class and the others', () => {
    expect(summarise([2, 2, 0, 2].map(patch))).toEqual({ text: '3 of 4 top patches come from fish images (the others: 1 cat).', classIndex: 2, count: 3 });
    expect(summarise([9, 9].map(patch)).text).toBe('2 of 2 top patches come from flower images.');
  });
});
