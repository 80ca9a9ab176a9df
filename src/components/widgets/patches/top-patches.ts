import { cancelSession, compute, startSession } from '~/engine/client.ts';
import { OBJECT_CLASSES } from '~/engine/shared/classes.ts';
import { isSuperseded } from '~/engine/shared/errors.ts';
import { OBJECTS_SPLITS } from '~/engine/shared/splits.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import { chooseLayer } from '~/engine/shared/widget-params/validate.ts';
import type { FieldTable, ScanProgress, TopPatchesResult } from '~/engine/tasks/index.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { drawField } from './field-canvas.ts';
import { fillLayers, formatSpan, paddingMargin } from './layer-rows.ts';
import { drawTiles, summarise } from './patch-grid.ts';
import { IMAGE_SIDE } from '~/engine/shared/image-side.ts';

const KIND = 'top-patches';
const DETAIL_SCALE = 4;

/**
 * Scans held-out Glassbox Objects images through the model once per layer
 * (the engine's scanLayer session, with progress), then shows any channel's
 * top-k patches at once. The engine keeps the scanned set under the widget's
 * id; the widget holds only that id and what it shows.
 */
export function mountTopPatches(root: HTMLElement): void {
  const q = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  const layer = q<HTMLSelectElement>('[data-layer]');
  const channel = q<HTMLInputElement>('[data-channel]');
  const k = q<HTMLSelectElement>('[data-k]');
  const images = q<HTMLSelectElement>('[data-images]');
  const scanButton = q<HTMLButtonElement>('[data-scan]');
  const progress = q<HTMLProgressElement>('[data-progress]');
  const progressText = q<HTMLElement>('[data-progress-text]');
  const summary = q<HTMLElement>('[data-summary]');
  const detailCanvas = q<HTMLCanvasElement>('[data-detail-canvas]');
  const detailText = q<HTMLElement>('[data-detail]');
  const side = IMAGE_SIDE;
  /** The layer and size of the set the engine holds for this widget, once a scan has finished. */
  let scanned: { layer: string; count: number } | undefined;
  let table: FieldTable | undefined;
  let result: TopPatchesResult | undefined;
  /** The shown patches' whole images, by image index. */
  let tiles = new Map<number, Float32Array>();
  let scanning = false;
  let completed = 0;
  let chosenLayer = 'conv_3';
  let picked = 0;
  let buttons: HTMLButtonElement[] = [];
  const state = (): WidgetState => ({
    widget: KIND,
    params: { layer: chosenLayer, channel: channel.valueAsNumber || 0, k: Number(k.value), images: Number(images.value), pick: picked },
    seed: OBJECTS_SPLITS.heldOut.seed,
  });
  const shell = new WidgetShell(root, KIND, state);
  const pixels = (image: number) => tiles.get(image)!;
  const channels = () => table?.rows.find((row) => row.name === chosenLayer)?.channels ?? 1;

  async function scan(): Promise<void> {
    const count = Number(images.value);
    const name = chosenLayer;
    // The running scan stops now; the new one waits in the widget's lane until the old job has ended.
    void cancelSession(root.id);
    scanned = undefined;
    setScanning(true, count);
    const onReport = ({ done, total }: ScanProgress) => {
      progress.value = done;
      progressText.textContent = `Scanning held-out images through ${name}: ${done} of ${total}`;
    };
    let failed = false;
    // Scan and first ranking run as one job in the widget's lane, with the channel changes: a ranking never meets a
    // set that a new scan is replacing, and a job that a newer one overtook never delivers.
    const top = await shell.run(() =>
      compute(root.id, async (tasks) => {
        await startSession(root.id, 'scanLayer', { set: root.id, layer: name, count }, (report) => onReport(report.progress), { budgetMs: 12 });
        return tasks.topPatches(root.id, clampChannel(), Number(k.value));
      }).catch((error: unknown) => {
        failed = !isSuperseded(error);
        throw error;
      }),
    );
    // Stopped (the Stop button has the controls) or overtaken by a newer scan (which has them).
    if (!top && !failed) return;
    setScanning(false, count);
    if (!top) return;
    scanned = { layer: name, count };
    root.dataset['scans'] = String(++completed);
    progressText.textContent = `Scanned ${count} held-out images (seed ${OBJECTS_SPLITS.heldOut.seed}, never used in training) through ${name}.`;
    show(top);
  }

  async function rank(): Promise<void> {
    if (scanning) return;
    // A layer or set-size change that a channel click overtook in the queue, or a stopped scan: scan instead.
    if (!scanned || scanned.layer !== chosenLayer || scanned.count !== Number(images.value)) return scan();
    const top = await shell.run(() => compute(root.id, (tasks) => tasks.topPatches(root.id, clampChannel(), Number(k.value))));
    if (top) show(top);
  }

  function setScanning(on: boolean, count: number): void {
    scanning = on;
    root.dataset['scanning'] = String(on);
    scanButton.textContent = on ? 'Stop' : 'Scan again';
    if (on) {
      progress.max = count;
      progress.value = 0;
      root.dataset['ready'] = 'false';
    }
  }

  function clampChannel(): number {
    const c = Math.min(channels() - 1, Math.max(0, Math.round(channel.valueAsNumber || 0)));
    channel.value = String(c);
    return c;
  }

  function show(top: TopPatchesResult): void {
    result = top;
    const pixelCount = side * side * 3;
    tiles = new Map(top.patches.map((patch, i) => [patch.image, top.pixels.subarray(i * pixelCount, (i + 1) * pixelCount)]));
    root.dataset['layer'] = top.layer;
    root.dataset['channel'] = String(top.channel);
    const { text, classIndex, count } = summarise(top.patches);
    summary.textContent = `${top.layer}, channel ${top.channel}: ${text}`;
    Object.assign(summary.dataset, { topClass: String(classIndex), topCount: String(count) });
    buttons = drawTiles(q<HTMLOListElement>('[data-patches]'), top, pixels, side, pick);
    pick(Math.min(picked, top.patches.length - 1));
  }

  function pick(rank: number): void {
    if (!result || !table) return;
    picked = rank;
    buttons.forEach((button, i) => button.setAttribute('aria-pressed', String(i === rank)));
    const patch = result.patches[rank]!;
    drawField(detailCanvas, pixels(patch.image), side, patch.field, paddingMargin(table, result.layer), DETAIL_SCALE);
    detailCanvas.dataset['field'] = patch.field.join(',');
    detailCanvas.dataset['image'] = String(patch.image);
    detailText.textContent =
      `Patch ${rank + 1}: image ${patch.image} of the held-out set (${OBJECT_CLASSES[patch.classIndex]}), unit (${patch.row}, ${patch.col}) of ${result.layer}, ` +
      `activation ${patch.value.toFixed(3)}. Its ${result.size} × ${result.size} field covers rows ${formatSpan(patch.box[0], patch.box[2])} and columns ${formatSpan(patch.box[1], patch.box[3])} of the image.`;
    shell.store.save(state());
  }

  layer.addEventListener('change', () => {
    chosenLayer = layer.value;
    channel.max = String(channels() - 1);
    void scan();
  });
  images.addEventListener('change', () => void scan());
  for (const control of [channel, k]) control.addEventListener('change', () => void rank());
  const step = (delta: number) => {
    channel.value = String(Math.min(channels() - 1, Math.max(0, (channel.valueAsNumber || 0) + delta)));
    void rank();
  };
  q('[data-channel-prev]').addEventListener('click', () => step(-1));
  q('[data-channel-next]').addEventListener('click', () => step(1));
  scanButton.addEventListener('click', async () => {
    if (!scanning) return void scan();
    await cancelSession(root.id);
    setScanning(false, progress.max);
    shell.say('Stopped. Press "Scan again" or change the layer to scan.');
    progressText.textContent = `Stopped after ${progress.value} of ${progress.max} images.`;
  });

  const restored = shell.restore();
  if (restored) {
    chosenLayer = String(restored.params['layer'] ?? chosenLayer);
    channel.value = String(restored.params['channel'] ?? channel.value);
    k.value = String(restored.params['k'] ?? k.value);
    images.value = String(restored.params['images'] ?? images.value);
    picked = Number(restored.params['pick'] ?? 0);
  }
  shell.start(
    'Loading the engine and the model…',
    compute(`${root.id}-table`, (tasks) => tasks.receptiveFieldTable()).then((fields) => {
      table = fields;
      const checked = chooseLayer(chosenLayer, fields.rows.map((row) => row.name), 'conv_3');
      if (checked.notice) shell.notice(checked.notice);
      fillLayers(layer, fields, checked.layer);
      chosenLayer = layer.value;
      channel.max = String(channels() - 1);
      return scan();
    }),
  );
}
