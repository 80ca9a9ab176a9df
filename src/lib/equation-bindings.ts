/** Where an equation id is computed: the engine function or class whose TSDoc carries `@equation <id>`. */
export interface EquationBinding {
  id: string;
  fn: string;
  kind: 'function' | 'class';
  file: string;
}

const TAG = /@equation\s+([a-z0-9-]+)[\s\S]*?\*\/\s*export\s+(async\s+function|function|class)\s+(\w+)/g;

/**
 * Reads the `@equation` tags of engine sources (path -> text) and returns one
 * binding per id. An id bound twice is an error: each displayed equation has
 * exactly one function that computes it.
 */
export function equationBindings(sources: Record<string, string>): Map<string, EquationBinding> {
  const bindings = new Map<string, EquationBinding>();
  for (const [file, text] of Object.entries(sources)) {
    for (const [, id, keyword, fn] of text.matchAll(TAG)) {
      const previous = bindings.get(id!);
      if (previous) {
        throw new Error(`equationBindings: "${id}" is bound twice, by ${previous.fn} in ${previous.file} and ${fn} in ${file}`);
      }
      bindings.set(id!, { id: id!, fn: fn!, kind: keyword === 'class' ? 'class' : 'function', file });
    }
  }
  return bindings;
}
