/**
 * Declarative binding of a widget's form controls to its state's params: one
 * line per control names its selector and type; reading the params for saving,
 * writing restored params back, and listening for changes come from that list,
 * so save and restore can never disagree about a field.
 */
type Field = HTMLInputElement | HTMLSelectElement;
type Kind = 'number' | 'text' | 'flag';
type ValueOf<K extends Kind> = K extends 'number' ? number : K extends 'flag' ? boolean : string;

export interface ControlSpec<K extends Kind = Kind> {
  selector: string;
  kind: K;
}

/** A select or input whose value is a number. */
export const num = (selector: string): ControlSpec<'number'> => ({ selector, kind: 'number' });
/** A select or input whose value is a string. */
export const text = (selector: string): ControlSpec<'text'> => ({ selector, kind: 'text' });
/** A checkbox. */
export const flag = (selector: string): ControlSpec<'flag'> => ({ selector, kind: 'flag' });

export type Params<S extends Record<string, ControlSpec>> = { [N in keyof S]: ValueOf<S[N]['kind']> };

export class Controls<S extends Record<string, ControlSpec>> {
  /** The elements, by param name. */
  readonly fields: { [N in keyof S]: Field };

  constructor(
    root: HTMLElement,
    private readonly specs: S,
  ) {
    const fields = {} as Record<string, Field>;
    for (const [name, spec] of Object.entries(specs)) {
      const field = root.querySelector<Field>(spec.selector);
      if (!field) throw new Error(`Controls: #${root.id} has no control ${spec.selector} for "${name}"`);
      fields[name] = field;
    }
    this.fields = fields as { [N in keyof S]: Field };
  }

  /** The params as the controls show them now. */
  values(): Params<S> {
    const out = {} as Record<string, unknown>;
    for (const [name, spec] of Object.entries(this.specs)) out[name] = read(this.fields[name]!, spec.kind);
    return out as Params<S>;
  }

  /** One param's value now. */
  value<N extends keyof S>(name: N): Params<S>[N] {
    return read(this.fields[name], this.specs[name]!.kind) as Params<S>[N];
  }

  /** Sets the controls from restored params (already checked by the widget's schema); absent fields keep the page's default. */
  restore(params: Record<string, unknown> | undefined): void {
    if (!params) return;
    for (const name of Object.keys(this.specs)) {
      const value = params[name];
      if (value === undefined) continue;
      const field = this.fields[name]!;
      if (field instanceof HTMLInputElement && field.type === 'checkbox') field.checked = Boolean(value);
      else field.value = String(value);
    }
  }

  /** Calls `listener` with the param's name whenever a control changes (sliders as they move). */
  onChange(listener: (name: keyof S) => void, names: (keyof S)[] = Object.keys(this.specs)): void {
    for (const name of names) {
      const field = this.fields[name];
      const event = field instanceof HTMLInputElement && field.type === 'range' ? 'input' : 'change';
      field.addEventListener(event, () => listener(name));
    }
  }
}

function read(field: Field, kind: Kind): number | string | boolean {
  if (kind === 'flag') return (field as HTMLInputElement).checked;
  return kind === 'number' ? Number(field.value) : field.value;
}
