import { signed } from '~/components/ui/format.ts';
import { compute } from '~/engine/client.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import type { FilterBank, FilterScale } from '~/engine/tasks/index.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';

const KIND = 'filter-gallery';
const CHANNEL_NAMES = ['R', 'G', 'B'];

/** Draws RGBA bytes of a kh x kw tile into a canvas, pixel for pixel. */
function paint(canvas: HTMLCanvasElement, rgba: Uint8ClampedArray, kh: number, kw: number): void {
  canvas.width = kw;
  canvas.height = kh;
  canvas.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(rgba), kw, kh), 0, 0);
}

/** The first convolutional layer's kernels as tiles T = 1/2 + W / (2m), with the weights of the one pointed at. */
export function mountFilterGallery(root: HTMLElement): void {
  const q = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  const modelSelect = q<HTMLSelectElement>('[data-model]');
  const scaleSelect = q<HTMLSelectElement>('[data-scale]');
  let bank: FilterBank | undefined;
  let chosen = 0;
  const state = (): WidgetState => ({ widget: KIND, params: { model: modelSelect.value, scale: scaleSelect.value, filter: chosen }, seed: 0 });
  const shell = new WidgetShell(root, KIND, state);

  function drawTiles(b: FilterBank): void {
    const [kh, kw] = b.size;
    const items = b.tiles.map((tile, k) => {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset['filter'] = String(k);
      const canvas = document.createElement('canvas');
      canvas.setAttribute('aria-hidden', 'true');
      paint(canvas, tile, kh, kw);
      button.append(canvas, `k = ${k}`);
      button.title = `Filter ${k}: point or focus to read its weights`;
      for (const event of ['pointerenter', 'focus', 'click']) button.addEventListener(event, () => choose(k));
      item.append(button);
      return item;
    });
    q('[data-tiles]').replaceChildren(...items);
  }

  function choose(k: number): void {
    if (!bank || k >= bank.count) return;
    chosen = k;
    const [kh, kw, cin] = bank.size;
    for (const button of root.querySelectorAll<HTMLButtonElement>('[data-tiles] button')) button.setAttribute('aria-pressed', String(button.dataset['filter'] === String(k)));
    paint(q<HTMLCanvasElement>('[data-big]'), bank.tiles[k]!, kh, kw);
    const w = bank.weights[k]!;
    const tables = Array.from({ length: cin }, (_, c) => {
      const table = document.createElement('table');
      table.className = 'numbers';
      let sum = 0;
      for (let p = 0; p < kh * kw; p++) sum += w[p * cin + c]!;
      table.createCaption().textContent = `${cin === 1 ? 'W (grey)' : `W, ${CHANNEL_NAMES[c]}`}: sum ${signed(sum, 2)}`;
      table.dataset['sum'] = String(sum);
      const body = table.createTBody();
      for (let u = 0; u < kh; u++) {
        const row = body.insertRow();
        for (let v = 0; v < kw; v++) row.insertCell().textContent = signed(w[(u * kw + v) * cin + c]!);
      }
      return table;
    });
    q('[data-weights]').replaceChildren(...tables);
    const m = bank.bounds[k]!;
    const centre = w[(Math.floor(kh / 2) * kw + Math.floor(kw / 2)) * cin]!;
    const where = q<HTMLElement>('[data-where]');
    where.textContent = `Filter k = ${k} of ${bank.count} in ${bank.layer}: bias b = ${signed(bank.bias[k]!)}, bound m = ${signed(m)} (${bank.scale === 'filter' ? 'its own largest |W|' : 'the largest |W| of the layer'}).`;
    Object.assign(root.dataset, { filter: String(k), bound: String(m), bias: String(bank.bias[k]!) });
    const formula = q<HTMLElement>('[data-formula]');
    const value = 0.5 + centre / (2 * m);
    formula.innerHTML = `Centre pixel${cin === 3 ? ', red' : ''}: T = 1/2 + W / (2m) = 0.5 ${centre < 0 ? '−' : '+'} ${signed(Math.abs(centre))} / ${signed(2 * m)} = <strong>${value.toFixed(3)}</strong> → ${Math.round(value * 255)} of 255.` +
      (bank.rescale ? ` The model feeds this layer x′ = ${bank.rescale.scale}x ${bank.rescale.offset < 0 ? '−' : '+'} ${Math.abs(bank.rescale.offset)}, so a tile is the image patch whose x′ is W / m.` : '');
  }

  async function update(): Promise<void> {
    const model = modelSelect.value;
    const scale = scaleSelect.value as FilterScale;
    const result = await shell.run(() => compute(root.id, (tasks) => tasks.firstLayerFilters(model, scale)));
    if (!result) return;
    bank = result;
    root.dataset['model'] = model;
    root.dataset['scale'] = scale;
    root.dataset['layer'] = result.layer;
    drawTiles(result);
    choose(Math.min(chosen, result.count - 1));
  }

  for (const control of [modelSelect, scaleSelect]) control.addEventListener('change', () => void update());
  const restored = shell.restore();
  if (restored) {
    modelSelect.value = String(restored.params['model'] ?? 'objects-cnn');
    scaleSelect.value = String(restored.params['scale'] ?? 'filter');
    chosen = Number(restored.params['filter'] ?? 0) || 0;
  }
  shell.start('Loading the engine and the model…', update());
}
