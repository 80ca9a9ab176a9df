import type { FieldTable } from '~/engine/tasks/index.ts';

/** Fills a layer menu with "name · Class · r = field size", keeping `chosen`. */
export function fillLayers(select: HTMLSelectElement, table: FieldTable, chosen: string): void {
  select.replaceChildren(
    ...table.rows.map((row) => new Option(`${row.name} · ${row.className} · r = ${row.field.size}`, row.name, false, row.name === chosen)),
  );
}

/**
 * How far, in input pixels, the fields of one layer's units reach past the
 * image on any side: the padding a figure must show around the image.
 */
export function paddingMargin(table: FieldTable, layer: string): number {
  const row = table.rows.find((r) => r.name === layer);
  if (!row) return 0;
  const { field, side } = row;
  return Math.max(0, -field.start, field.start + (side - 1) * field.jump + field.size - table.imageSide);
}

/** Rows or columns a..b-1 as "a–(b-1)". */
export function formatSpan(from: number, to: number): string {
  return `${from}–${to - 1}`;
}
