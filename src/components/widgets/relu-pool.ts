import { compute } from '~/engine/client.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import { ImagePicker, type PickedImage } from '~/components/ui/image-picker.ts';
import { KERNELS, asRows, formatNumber, isKernelName } from '~/components/ui/kernels.ts';
import { MapFigure } from '~/components/ui/map-view.ts';
import { attachProbe } from '~/components/ui/probe.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { IMAGE_SIDE } from '~/engine/shared/image-side.ts';

const KIND = 'relu-pool';

/** ReLU then max pooling of a feature map, with the window behind any pooled pixel. */
export function mountReluPool(root: HTMLElement): void {
  const kernelChoice = root.querySelector<HTMLSelectElement>('[data-kernel]')!;
  const size = root.querySelector<HTMLSelectElement>('[data-pool-size]')!;
  const stride = root.querySelector<HTMLSelectElement>('[data-pool-stride]')!;
  const feature = new MapFigure(root.querySelector('[data-map="feature"]')!);
  const rectified = new MapFigure(root.querySelector('[data-map="rectified"]')!);
  const pooled = new MapFigure(root.querySelector('[data-map="pooled"]')!);
  let image: PickedImage | undefined;
  const state = (): WidgetState => ({
    widget: KIND,
    image: image?.ref ?? { kind: 'photo', id: 'camera' },
    params: { kernel: kernelChoice.value, size: Number(size.value), stride: Number(stride.value) },
    seed: 0,
  });
  const shell = new WidgetShell(root, KIND, state);
  const probe = attachProbe(pooled, (i, j) => explain(i, j));

  async function update(): Promise<void> {
    if (!image || !isKernelName(kernelChoice.value)) return;
    const pixels = image.pixels;
    const kernel = asRows(KERNELS[kernelChoice.value].weights);
    const pool = { size: Number(size.value), stride: Number(stride.value) };
    const result = await shell.run(() => compute(root.id, (tasks) => tasks.reluPool(pixels, kernel, { stride: 1, padding: 1 }, pool)));
    if (!result) return;
    feature.draw(result.feature);
    rectified.draw(result.rectified);
    pooled.draw(result.pooled);
    const [i, j] = probe.at();
    explain(Math.min(i, result.pooled.height - 1), Math.min(j, result.pooled.width - 1));
  }

  function explain(i: number, j: number): void {
    if (!pooled.current || !rectified.current) return;
    const k = Number(size.value);
    const s = Number(stride.value);
    const top = s * i;
    const left = s * j;
    for (const figure of [feature, rectified]) figure.mark(top, left, k);
    pooled.mark(i, j, 1);
    const p = pooled.value(i, j);
    const values: number[] = [];
    const rows = Array.from({ length: k }, (_, u) => {
      const row = document.createElement('tr');
      for (let v = 0; v < k; v++) {
        const y = feature.value(top + u, left + v);
        const r = rectified.value(top + u, left + v);
        values.push(r);
        const cell = document.createElement('td');
        cell.dataset['r'] = String(r);
        if (r === p) cell.className = 'max';
        if (y < 0) cell.append(Object.assign(document.createElement('del'), { textContent: formatNumber(y) }), ' → 0');
        else cell.textContent = formatNumber(r);
        row.append(cell);
      }
      return row;
    });
    const table = root.querySelector<HTMLTableElement>('[data-window]')!;
    table.tBodies[0]!.replaceChildren(...rows);
    table.hidden = false;
    root.querySelector('[data-where]')!.textContent = `P[${i}, ${j}] pools rows ${top}–${top + k - 1} and columns ${left}–${left + k - 1} of ReLU(Y); negative values of Y (struck out) became 0.`;
    const sum = root.querySelector<HTMLElement>('[data-pool-sum]')!;
    sum.dataset['p'] = String(p);
    sum.textContent = `P[${i}, ${j}] = max(${values.map(formatNumber).join(', ')}) = ${formatNumber(p)}`;
  }

  for (const control of [kernelChoice, size, stride]) control.addEventListener('change', () => void update());
  const picker = new ImagePicker(root.querySelector('[data-image-picker]')!, IMAGE_SIDE, (picked) => {
    image = picked;
    void update();
  });
  const restored = shell.restore();
  if (restored) {
    kernelChoice.value = String(restored.params['kernel'] ?? 'vertical-edge');
    size.value = String(restored.params['size'] ?? 2);
    stride.value = String(restored.params['stride'] ?? 2);
  }
  const cat = { kind: 'photo', id: 'cat' } as const;
  shell.start('Loading the engine…', picker.select(restored?.image ?? cat, cat));
}
