import type { Lang } from './lang.ts';

/** Values put into a string's {placeholders}. */
export type Vars = Record<string, string | number>;

/** Looks up one string of a module in one edition and fills its {placeholders}. */
export type Translate<K extends string> = (key: K, vars?: Vars) => string;

/** A module's strings in every edition; the Korean table must have exactly the English table's keys. */
export interface Strings<K extends string> {
  readonly en: Readonly<Record<K, string>>;
  readonly ko: Readonly<Record<K, string>>;
  /** The lookup for one edition. */
  (lang: Lang): Translate<K>;
}

/**
 * Declares one area's UI strings in both editions. A missing Korean key is a type error; a placeholder used
 * but not given throws, naming the key, so a read-out never shows a raw {name}.
 */
export function defineStrings<K extends string>(en: Record<K, string>, ko: Record<NoInfer<K>, string>): Strings<K> {
  const lookup = (lang: Lang): Translate<K> => {
    const table = lang === 'ko' ? ko : en;
    return (key, vars) => fill(table[key], key, vars);
  };
  return Object.assign(lookup, { en, ko });
}

function fill(template: string, key: string, vars: Vars | undefined): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = vars?.[name];
    if (value === undefined) throw new Error(`strings: "${key}" needs {${name}}, got ${vars ? Object.keys(vars).join(', ') || 'none' : 'no values'}`);
    return String(value);
  });
}
