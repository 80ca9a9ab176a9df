/**
 * An exercise's choices, answer and slips read from a lesson's MDX source
 * without running it. The build uses it to give a choice exercise the other
 * edition's option texts (Exercise.astro), so that a record kept under an
 * option's text, as records were before options were kept by position, still
 * restores in either edition; the tests use it to hold the two editions to the
 * same options in the same places.
 *
 * It reads the opening tag's attributes: JSX strings, and `{…}` expressions that
 * are plain literals (strings, numbers, arrays, objects). Any other expression
 * is read as `undefined`, never guessed at.
 */

export type Literal = string | number | boolean | Literal[] | { [key: string]: Literal };

/** A choice exercise as its source states it: texts, and the positions they stand for in `choices`. */
export interface ChoiceSource {
  choices: string[];
  multiple: boolean;
  /** The answer's texts and their positions (-1 for a text that is not one of the choices). */
  answer: string[];
  answerAt: number[];
  /** Each slip's choice texts and their positions. */
  slips: string[][];
  slipsAt: number[][];
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', 0: '\0' };

class LiteralReader {
  at = 0;
  constructor(private readonly text: string) {}

  private fail(what: string): never {
    throw new Error(`exercise-source: expected ${what} at ${this.at}, got ${JSON.stringify(this.text.slice(this.at, this.at + 20))}`);
  }

  /** Skips spaces and comments. */
  space(): void {
    for (;;) {
      const rest = /^(?:\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/)/.exec(this.text.slice(this.at, this.at + 4000));
      if (!rest) return;
      this.at += rest[0].length;
    }
  }

  peek(): string {
    return this.text[this.at] ?? '';
  }

  /** Whether `char` comes next (after spaces), without taking it. */
  ahead(char: string): boolean {
    this.space();
    return this.peek() === char;
  }

  eat(char: string): boolean {
    this.space();
    if (this.text[this.at] !== char) return false;
    this.at += 1;
    return true;
  }

  private string(): string {
    const quote = this.text[this.at++]!;
    let out = '';
    while (this.at < this.text.length) {
      const c = this.text[this.at++]!;
      if (c === quote) return out;
      if (quote === '`' && c === '$' && this.peek() === '{') this.fail('a template without ${…}');
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = this.text[this.at++] ?? '';
      if (e === 'u' || e === 'x') {
        const hex = e === 'x' ? /^[0-9a-fA-F]{2}/ : /^(?:[0-9a-fA-F]{4}|\{[0-9a-fA-F]+\})/;
        const match = hex.exec(this.text.slice(this.at)) ?? this.fail('an escape');
        this.at += match[0].length;
        out += String.fromCodePoint(parseInt(match[0].replace(/[{}]/g, ''), 16));
      } else if (e === '\n') continue;
      else out += ESCAPES[e] ?? e;
    }
    return this.fail(`a closing ${quote}`);
  }

  /** One literal value. */
  value(): Literal {
    this.space();
    const c = this.peek();
    if (c === "'" || c === '"' || c === '`') return this.string();
    if (c === '[') {
      this.at += 1;
      const items: Literal[] = [];
      while (!this.eat(']')) {
        items.push(this.value());
        if (!this.eat(',') && !this.ahead(']')) this.fail("',' or ']'");
      }
      return items;
    }
    if (c === '{') {
      this.at += 1;
      const object: Record<string, Literal> = {};
      while (!this.eat('}')) {
        this.space();
        const quoted = this.peek() === "'" || this.peek() === '"';
        const key = quoted ? this.string() : (/^[A-Za-z_$][\w$]*/.exec(this.text.slice(this.at))?.[0] ?? this.fail('a key'));
        if (!quoted) this.at += key.length;
        if (!this.eat(':')) this.fail("':'");
        object[key] = this.value();
        if (!this.eat(',') && !this.ahead('}')) this.fail("',' or '}'");
      }
      return object;
    }
    const word = /^(?:-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?|true|false)/i.exec(this.text.slice(this.at));
    if (!word) return this.fail('a literal');
    this.at += word[0].length;
    return word[0] === 'true' ? true : word[0] === 'false' ? false : Number(word[0]);
  }

  /** Skips a `{…}` expression that is not a literal: braces balanced, strings skipped whole. */
  skipExpression(): void {
    let depth = 0;
    while (this.at < this.text.length) {
      const c = this.peek();
      if (c === "'" || c === '"' || c === '`') {
        try {
          this.string();
        } catch {
          this.at += 1;
        }
        continue;
      }
      this.at += 1;
      if (c === '{') depth += 1;
      if (c === '}' && --depth === 0) return;
    }
  }
}

/** The attributes of every `<Exercise …>` tag, by id. An attribute whose value is not a literal is `undefined`. */
export function exerciseTags(mdx: string): Map<string, Record<string, Literal | undefined>> {
  const source = mdx.replace(/^```[\s\S]*?^```/gm, (block) => ' '.repeat(block.length));
  const tags = new Map<string, Record<string, Literal | undefined>>();
  for (const match of source.matchAll(/<Exercise\b/g)) {
    const reader = new LiteralReader(source);
    reader.at = match.index + match[0].length;
    const attributes: Record<string, Literal | undefined> = {};
    for (;;) {
      reader.space();
      const rest = source.slice(reader.at, reader.at + 200);
      if (rest.startsWith('>') || rest.startsWith('/>') || rest === '') break;
      const name = /^[A-Za-z_][\w-]*/.exec(rest)?.[0];
      if (!name) break;
      reader.at += name.length;
      if (!reader.eat('=')) {
        attributes[name] = true;
        continue;
      }
      reader.space();
      const quote = reader.peek();
      if (quote === '"' || quote === "'") {
        // A JSX attribute string has no escapes: it runs to the next quote of its kind.
        const end = source.indexOf(quote, reader.at + 1);
        attributes[name] = source.slice(reader.at + 1, end);
        reader.at = end + 1;
        continue;
      }
      const start = reader.at;
      try {
        reader.at += 1;
        attributes[name] = reader.value();
        if (!reader.eat('}')) throw new Error('not a lone literal');
      } catch {
        reader.at = start;
        reader.skipExpression();
        attributes[name] = undefined;
      }
    }
    const id = attributes['id'];
    if (typeof id === 'string' && !tags.has(id)) tags.set(id, attributes);
  }
  return tags;
}

const texts = (value: Literal | undefined): string[] =>
  typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** Every exercise with `choices`, by id, as its source states it. */
export function choiceExercises(mdx: string): Map<string, ChoiceSource> {
  const out = new Map<string, ChoiceSource>();
  for (const [id, attributes] of exerciseTags(mdx)) {
    const choices = attributes['choices'];
    if (!Array.isArray(choices)) continue;
    const list = texts(choices);
    const at = (chosen: string[]) => chosen.map((text) => list.indexOf(text));
    const answer = texts(attributes['answer']);
    const slips = (Array.isArray(attributes['slips']) ? attributes['slips'] : [])
      .map((slip) => (slip && typeof slip === 'object' && !Array.isArray(slip) ? texts(slip['choice']) : []))
      .filter((chosen) => chosen.length > 0);
    out.set(id, { choices: list, multiple: attributes['multiple'] === true, answer, answerAt: at(answer), slips, slipsAt: slips.map(at) });
  }
  return out;
}
