import { compute } from '~/engine/client.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import { ImagePicker, type PickedImage } from '~/components/ui/image-picker.ts';
import { Controls, num, text } from '~/components/ui/controls.ts';
import { plain } from '~/components/ui/format.ts';
import { KERNELS, asRows, isKernelName } from '~/components/ui/kernels.ts';
import { MapFigure } from '~/components/ui/map-view.ts';
import { attachProbe } from '~/components/ui/probe.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { IMAGE_SIDE } from '~/engine/shared/image-side.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-pooling.ts';

const KIND = 'relu-pool';
const t = strings(pageLang());

/** ReLU then max pooling of a feature map, with the window behind any pooled pixel. */
export function mountReluPool(root: HTMLElement): void {
  const controls = new Controls(root, { kernel: text('[data-kernel]'), size: num('[data-pool-size]'), stride: num('[data-pool-stride]') });
  const feature = new MapFigure(root.querySelector('[data-map="feature"]')!);
  const rectified = new MapFigure(root.querySelector('[data-map="rectified"]')!);
  const pooled = new MapFigure(root.querySelector('[data-map="pooled"]')!);
  let image: PickedImage | undefined;
  const state = (): WidgetState => ({ widget: KIND, image: image?.ref ?? { kind: 'photo', id: 'camera' }, params: controls.values(), seed: 0 });
  const shell = new WidgetShell(root, KIND, state);
  const probe = attachProbe(pooled, (i, j) => explain(i, j));

  async function update(): Promise<void> {
    const { kernel: name, size, stride } = controls.values();
    if (!image || !isKernelName(name)) return;
    const pixels = image.pixels;
    const kernel = asRows(KERNELS[name].weights);
    const result = await shell.run(() => compute(root.id, (tasks) => tasks.reluPool(pixels, kernel, { stride: 1, padding: 1 }, { size, stride })));
    if (!result) return;
    feature.draw(result.feature);
    rectified.draw(result.rectified);
    pooled.draw(result.pooled);
    const [i, j] = probe.at();
    explain(Math.min(i, result.pooled.height - 1), Math.min(j, result.pooled.width - 1));
  }

  function explain(i: number, j: number): void {
    if (!pooled.current || !rectified.current) return;
    const { size: k, stride: s } = controls.values();
    const top = s * i;
    const left = s * j;
    for (const figure of [feature, rectified]) figure.mark(top, left, k);
    pooled.mark(i, j, 1);
    const p = pooled.value(i, j);
    const table = root.querySelector<HTMLTableElement>('[data-window]')!;
    const values = drawWindow(table, { feature, rectified }, top, left, k, p);
    root.querySelector('[data-where]')!.textContent = t('pools', { i, j, top, bottom: top + k - 1, left, right: left + k - 1 });
    const sum = root.querySelector<HTMLElement>('[data-pool-sum]')!;
    sum.dataset['p'] = String(p);
    sum.textContent = `P[${i}, ${j}] = max(${values.map(plain).join(', ')}) = ${plain(p)}`;
  }

  controls.onChange(() => void update());
  const picker = new ImagePicker(root.querySelector('[data-image-picker]')!, IMAGE_SIDE, (picked) => {
    image = picked;
    void update();
  });
  const restored = shell.restore();
  controls.restore(restored?.params);
  const cat = { kind: 'photo', id: 'cat' } as const;
  shell.start(t('loadingEngine'), picker.select(restored?.image ?? cat, cat));
}

/** The k x k pooling window at (top, left): Y struck out where ReLU zeroed it, the maximum marked; returns ReLU(Y)'s values. */
function drawWindow(table: HTMLTableElement, maps: { feature: MapFigure; rectified: MapFigure }, top: number, left: number, k: number, p: number): number[] {
  const values: number[] = [];
  const rows = Array.from({ length: k }, (_, u) => {
    const row = document.createElement('tr');
    for (let v = 0; v < k; v++) {
      const y = maps.feature.value(top + u, left + v);
      const r = maps.rectified.value(top + u, left + v);
      values.push(r);
      const cell = document.createElement('td');
      cell.dataset['r'] = String(r);
      if (r === p) cell.className = 'max';
      if (y < 0) cell.append(Object.assign(document.createElement('del'), { textContent: plain(y) }), ' → 0');
      else cell.textContent = plain(r);
      row.append(cell);
    }
    return row;
  });
  table.tBodies[0]!.replaceChildren(...rows);
  table.hidden = false;
  return values;
}
