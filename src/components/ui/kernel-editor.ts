import { KERNELS, isKernelName, presetOf } from './kernels.ts';

/** Drives a KernelEditor: a preset menu and nine weight inputs that stay in step. */
export class KernelEditor {
  private readonly preset: HTMLSelectElement;
  private readonly inputs: HTMLInputElement[];

  constructor(root: HTMLElement, onChange: (weights: number[]) => void) {
    this.preset = root.querySelector('[data-kernel-preset]')!;
    this.inputs = [...root.querySelectorAll<HTMLInputElement>('[data-kernel-weight]')];
    this.preset.addEventListener('change', () => {
      if (!isKernelName(this.preset.value)) return;
      this.set([...KERNELS[this.preset.value].weights]);
      onChange(this.weights());
    });
    for (const input of this.inputs) {
      input.addEventListener('input', () => {
        if (!Number.isFinite(input.valueAsNumber)) return;
        this.preset.value = presetOf(this.weights());
        onChange(this.weights());
      });
    }
  }

  /** The nine weights; an empty or invalid box counts as 0. */
  weights(): number[] {
    return this.inputs.map((input) => (Number.isFinite(input.valueAsNumber) ? input.valueAsNumber : 0));
  }

  set(weights: readonly number[]): void {
    this.inputs.forEach((input, i) => (input.value = String(Number((weights[i] ?? 0).toFixed(4)))));
    this.preset.value = presetOf(weights);
  }
}
