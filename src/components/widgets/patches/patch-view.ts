import { OBJECT_CLASSES } from '~/engine/shared/classes.ts';
import { IMAGE_SIDE } from '~/engine/shared/image-side.ts';
import type { FieldTable, TopPatchesResult } from '~/engine/tasks/index.ts';
import { drawField } from './field-canvas.ts';
import { formatSpan, paddingMargin } from './layer-rows.ts';
import { drawTiles, summarise } from './patch-grid.ts';
import { className } from '~/i18n/classes.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-patches.ts';

const DETAIL_SCALE = 4;
const lang = pageLang();
const t = strings(lang);

/** A channel's top patches as tiles with the summary of their classes, and the picked patch's whole image with its field. */
export class PatchView {
  /** The rank of the picked patch among those shown. */
  picked = 0;
  private result: TopPatchesResult | undefined;
  /** The shown patches' whole images, by image index. */
  private tiles = new Map<number, Float32Array>();
  private buttons: HTMLButtonElement[] = [];

  constructor(
    private readonly root: HTMLElement,
    /** The model's receptive fields, once the engine has sent them. */
    private readonly table: () => FieldTable | undefined,
    /** Called after the reader (or a new ranking) picked a patch. */
    private readonly onPick: () => void,
  ) {}

  show(top: TopPatchesResult): void {
    this.result = top;
    const pixelCount = IMAGE_SIDE * IMAGE_SIDE * 3;
    this.tiles = new Map(top.patches.map((patch, i) => [patch.image, top.pixels.subarray(i * pixelCount, (i + 1) * pixelCount)]));
    this.root.dataset['layer'] = top.layer;
    this.root.dataset['channel'] = String(top.channel);
    const summary = this.root.querySelector<HTMLElement>('[data-summary]')!;
    const { text, classIndex, count } = summarise(top.patches);
    summary.textContent = t('summary', { layer: top.layer, channel: top.channel, text });
    Object.assign(summary.dataset, { topClass: String(classIndex), topCount: String(count) });
    const list = this.root.querySelector<HTMLOListElement>('[data-patches]')!;
    this.buttons = drawTiles(
      list,
      top,
      (image) => this.pixels(image),
      IMAGE_SIDE,
      (rank) => this.pick(rank),
    );
    this.pick(Math.min(this.picked, top.patches.length - 1));
  }

  private pick(rank: number): void {
    const result = this.result;
    const table = this.table();
    if (!result || !table) return;
    this.picked = rank;
    this.buttons.forEach((button, i) => button.setAttribute('aria-pressed', String(i === rank)));
    const patch = result.patches[rank]!;
    const canvas = this.root.querySelector<HTMLCanvasElement>('[data-detail-canvas]')!;
    drawField(canvas, this.pixels(patch.image), IMAGE_SIDE, patch.field, paddingMargin(table, result.layer), DETAIL_SCALE);
    canvas.dataset['field'] = patch.field.join(',');
    canvas.dataset['image'] = String(patch.image);
    this.root.querySelector('[data-detail]')!.textContent = t('detail', {
      rank: rank + 1,
      image: patch.image,
      name: className(OBJECT_CLASSES[patch.classIndex]!, lang),
      row: patch.row,
      col: patch.col,
      layer: result.layer,
      value: patch.value.toFixed(3),
      size: result.size,
      rows: formatSpan(patch.box[0], patch.box[2]),
      cols: formatSpan(patch.box[1], patch.box[3]),
    });
    this.onPick();
  }

  private pixels(image: number): Float32Array {
    return this.tiles.get(image)!;
  }
}
