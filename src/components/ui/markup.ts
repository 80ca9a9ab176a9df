/**
 * The one way widget code writes HTML: a tagged template whose literal parts
 * are the code's own markup (<sub>, <strong>) and whose values, numbers and
 * strings alike, are escaped, so no state, label or file name can reach an
 * HTML sink. A value that is itself Markup (or a list of it) goes in as is.
 */
export class Markup {
  constructor(readonly html: string) {}
}

type Value = string | number | Markup | readonly Markup[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function piece(value: Value): string {
  if (value instanceof Markup) return value.html;
  if (Array.isArray(value)) return value.map(piece).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Value[]): Markup {
  return new Markup(strings.reduce((out, literal, i) => out + literal + (i < values.length ? piece(values[i]!) : ''), ''));
}

/** Replaces `element`'s content with the parts of `markup`, one after another. */
export function setMarkup(element: Element, ...markup: Markup[]): void {
  element.innerHTML = markup.map((m) => m.html).join('');
}
