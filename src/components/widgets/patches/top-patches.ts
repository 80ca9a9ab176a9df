import { compute } from '~/engine/client.ts';
import { OBJECT_CLASSES } from '~/engine/shared/classes.ts';
import { sceneBatch } from '~/engine/data/objects.ts';
import { OBJECTS_SPLITS } from '~/engine/shared/splits.ts';
import type { ObjectAtlas } from '~/engine/data/atlas.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import type { ActivationSet, FieldTable, ImageSource, TopPatchesResult } from '~/engine/tasks/index.ts';
import { loadObjectAtlas } from '~/components/ui/object-atlas.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { drawField } from './field-canvas.ts';
import { fillLayers, formatSpan, paddingMargin } from './layer-rows.ts';
import { drawTiles, summarise } from './patch-grid.ts';
import { IMAGE_SIDE } from '~/engine/shared/image-side.ts';

const KIND = 'top-patches';
const DETAIL_SCALE = 4;

/**
 * Scans held-out Glassbox Objects images through the model once per layer
 * (in chunks, with progress), then shows any channel's top-k patches at once.
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
  /** The scanned set lives here, so a scan that finishes just as it is replaced is still freed by the next one. */
  const held: { set?: ActivationSet; pixels?: Float32Array; classes?: Int32Array } = {};
  let table: FieldTable | undefined;
  let result: TopPatchesResult | undefined;
  let scanning = false;
  /** Scans started; only the newest may clear the scanning state. */
  let scans = 0;
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
  const pixels = (image: number) => held.pixels!.subarray(image * side * side * 3, (image + 1) * side * side * 3);
  const channels = () => table?.rows.find((row) => row.name === chosenLayer)?.channels ?? 1;

  async function scan(): Promise<void> {
    const count = Number(images.value);
    const name = chosenLayer;
    const store = new Float32Array(count * side * side * 3);
    const classes = new Int32Array(count);
    const source = (atlas: ObjectAtlas): ImageSource => ({
      count,
      read: (start, n) => {
        const batch = sceneBatch(atlas, OBJECTS_SPLITS.heldOut.seed, start, n, { count: 1 });
        store.set(batch.x, start * side * side * 3);
        classes.set(batch.y, start);
        return batch;
      },
    });
    const id = ++scans;
    setScanning(true, count);
    const onProgress = (done: number, total: number) => {
      progress.value = done;
      progressText.textContent = `Scanning held-out images through ${name}: ${done} of ${total}`;
    };
    const top = await shell.run(() =>
      compute(root.id, async (tasks, signal) => {
        await tasks.releaseSet(held.set);
        held.set = undefined;
        held.set = await tasks.scanLayer(name, source(await loadObjectAtlas()), { onProgress }, signal);
        held.pixels = store;
        held.classes = classes;
        return tasks.topPatches(held.set, clampChannel(), Number(k.value), signal);
      }),
    );
    if (id !== scans) return;
    setScanning(false, count);
    if (!top) return;
    root.dataset['scans'] = String(++completed);
    progressText.textContent = `Scanned ${count} held-out images (seed ${OBJECTS_SPLITS.heldOut.seed}, never used in training) through ${name}.`;
    show(top);
  }

  async function rank(): Promise<void> {
    if (scanning) return;
    const set = held.set;
    // A layer or set-size change that a channel click overtook in the queue: scan instead.
    if (!set || set.disposed || set.layer !== chosenLayer || set.count !== Number(images.value)) return scan();
    const top = await shell.run(() => compute(root.id, (tasks, signal) => tasks.topPatches(set, clampChannel(), Number(k.value), signal)));
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
    await compute(root.id, async () => undefined);
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
      fillLayers(layer, fields, chosenLayer);
      chosenLayer = layer.value;
      channel.max = String(channels() - 1);
      return scan();
    }),
  );
}
