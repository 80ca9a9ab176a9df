import { compute } from '~/engine/client.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import type { MapView } from '~/engine/tasks/index.ts';
import { ImagePicker, type PickedImage } from '~/components/ui/image-picker.ts';
import { KernelEditor } from '~/components/ui/kernel-editor.ts';
import { plain } from '~/components/ui/format.ts';
import { KERNELS, asRows } from '~/components/ui/kernels.ts';
import { MapFigure } from '~/components/ui/map-view.ts';
import { attachProbe } from '~/components/ui/probe.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { IMAGE_SIDE } from '~/engine/shared/image-side.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-conv.ts';

const KIND = 'conv-explorer';
const t = strings(pageLang());

/** The convolution explorer: image and kernel in, feature map out, and the sum behind any output pixel. */
export function mountConvExplorer(root: HTMLElement): void {
  const stride = root.querySelector<HTMLSelectElement>('[data-stride]')!;
  const padding = root.querySelector<HTMLSelectElement>('[data-padding]')!;
  const bias = root.querySelector<HTMLInputElement>('[data-bias]')!;
  const input = new MapFigure(root.querySelector('[data-map="input"]')!);
  const output = new MapFigure(root.querySelector('[data-map="output"]')!);
  let image: PickedImage | undefined;
  const state = (): WidgetState => ({
    widget: KIND,
    image: image?.ref ?? { kind: 'photo', id: 'camera' },
    params: { weights: kernel.weights(), stride: Number(stride.value), padding: Number(padding.value), bias: bias.valueAsNumber || 0 },
    seed: 0,
  });
  const shell = new WidgetShell(root, KIND, state);
  const kernel = new KernelEditor(root.querySelector('[data-kernel-editor]')!, () => void update());
  const probe = attachProbe(output, (i, j) => explain(root, input, output, state(), i, j));

  async function update(): Promise<void> {
    if (!image) return;
    const { params } = state();
    const pixels = image.pixels;
    const result = await shell.run(() =>
      compute(root.id, (tasks) =>
        tasks.featureMap(pixels, asRows(params['weights'] as number[]), {
          stride: params['stride'] as number,
          padding: params['padding'] as number,
          bias: params['bias'] as number,
        }),
      ),
    );
    if (!result) return;
    input.draw(result.input);
    output.draw(result.output);
    explain(root, input, output, state(), ...clampTo(probe.at(), result.output));
  }

  for (const control of [stride, padding, bias]) control.addEventListener('input', () => void update());
  const picker = new ImagePicker(root.querySelector('[data-image-picker]')!, IMAGE_SIDE, (picked) => {
    image = picked;
    void update();
  });

  const restored = shell.restore();
  if (restored) {
    kernel.set((restored.params['weights'] as number[] | undefined) ?? [...KERNELS['vertical-edge'].weights]);
    stride.value = String(restored.params['stride'] ?? 1);
    padding.value = String(restored.params['padding'] ?? 1);
    bias.value = String(restored.params['bias'] ?? 0);
  }
  shell.start(t('loadingEngine'), picker.select(restored?.image ?? { kind: 'photo', id: 'camera' }));
}

function clampTo([i, j]: [number, number], view: MapView): [number, number] {
  return [Math.min(i, view.height - 1), Math.min(j, view.width - 1)];
}

/** Writes out Y[i, j] = b + sum K[u, v] X[s i + u - p, s j + v - p] with the numbers of this pixel. */
function explain(root: HTMLElement, input: MapFigure, output: MapFigure, state: WidgetState, i: number, j: number): void {
  const x = input.current;
  if (!x || !output.current) return;
  const { weights, stride: s, padding: p, bias: b } = state.params as { weights: number[]; stride: number; padding: number; bias: number };
  const top = s * i - p;
  const left = s * j - p;
  input.mark(top, left, 3);
  output.mark(i, j, 1);
  const terms: string[] = [];
  let padded = false;
  const rows = [0, 1, 2].map((u) => {
    const row = document.createElement('tr');
    for (const v of [0, 1, 2]) {
      const r = top + u;
      const c = left + v;
      const inside = r >= 0 && r < x.height && c >= 0 && c < x.width;
      const xv = inside ? input.value(r, c) : 0;
      const k = weights[u * 3 + v]!;
      const cell = document.createElement('td');
      cell.dataset['k'] = String(k);
      cell.dataset['x'] = String(xv);
      if (!inside) {
        cell.className = 'pad';
        padded = true;
      }
      cell.textContent = `${plain(k)} × ${xv} = ${plain(k * xv)}`;
      row.append(cell);
      terms.push(`(${plain(k)})(${xv})`);
    }
    return row;
  });
  const table = root.querySelector<HTMLTableElement>('[data-products]')!;
  table.tBodies[0]!.replaceChildren(...rows);
  table.hidden = false;
  const y = output.value(i, j);
  root.querySelector('[data-where]')!.textContent = t(padded ? 'readsPadded' : 'reads', { i, j, top, bottom: top + 2, left, right: left + 2 });
  const sum = root.querySelector<HTMLElement>('[data-sum]')!;
  sum.dataset['y'] = String(y);
  sum.dataset['b'] = String(b);
  sum.replaceChildren();
  sum.append(`Y[${i}, ${j}] = ${plain(b)} + ${terms.join(' + ')} = `);
  const strong = document.createElement('strong');
  strong.textContent = plain(Number(y.toFixed(4)));
  sum.append(strong);
}
