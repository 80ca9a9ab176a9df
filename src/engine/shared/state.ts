import { z } from './zod.ts';
import { GlassboxError } from './errors.ts';
import { decodeBase64UrlJson, encodeBase64UrlJson } from './base64url-json.ts';

/**
 * Every widget's state is one plain object of this shape, so a permalink, an
 * assignment or a shared study session can restore any widget exactly.
 */
const imageRef = z.discriminatedUnion('kind', [
  /** One of the book's bundled photos, by id. */
  z.object({ kind: z.literal('photo'), id: z.string().check(z.minLength(1)) }),
  /** The reader's own image: kept in this browser only (a small data URL), never uploaded. */
  z.object({ kind: z.literal('upload'), name: z.string(), dataUrl: z.optional(z.string().check(z.startsWith('data:image/'))) }),
  /** An image of one of the course's datasets, by index. */
  z.object({ kind: z.literal('dataset'), dataset: z.string(), index: z.int().check(z.nonnegative()) }),
]);

const param = z.union([z.number(), z.string(), z.boolean(), z.array(z.number())]);

export const widgetStateSchema = z.object({
  /** The widget kind, e.g. "conv-explorer". */
  widget: z.string().check(z.minLength(1)),
  /** The image the widget computes on, if it takes one. */
  image: z.optional(imageRef),
  /** The model the widget computes with: a shipped id (SHIPPED_MODELS), a model trained in the page (`page:...`) or a saved run (`run:...`); the widget's own default when absent. */
  model: z.optional(z.string().check(z.minLength(1))),
  /** Target class index, for widgets that explain a class. */
  class: z.optional(z.int().check(z.nonnegative())),
  /** Model layer name, for widgets that probe a layer. */
  layer: z.optional(z.string()),
  /** The widget's own knobs (kernel weights, stride, patch size...). */
  params: z.record(z.string(), param),
  /** Seed of every random choice the widget makes. */
  seed: z.int(),
});

export type WidgetState = z.infer<typeof widgetStateSchema>;
export type ImageRef = z.infer<typeof imageRef>;

/** Validates a state for a widget kind; throws a GlassboxError naming the first problem. */
export function parseWidgetState(value: unknown, widget: string): WidgetState {
  const result = widgetStateSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.join('.') || 'state';
    throw new GlassboxError('bad-state', `parseWidgetState: ${where}: ${issue?.message}`, { where });
  }
  if (result.data.widget !== widget) {
    throw new GlassboxError('bad-state', `parseWidgetState(widget): expected "${widget}", got "${result.data.widget}"`, { where: 'widget' });
  }
  return result.data;
}

/** The state as it may leave this browser (a link, a peer session): a reader's own image goes by name, without its pixels. */
export function shareableState(state: WidgetState): WidgetState {
  return state.image?.kind === 'upload' ? { ...state, image: { kind: 'upload', name: state.image.name } } : state;
}

/** Base64url JSON, short enough for a URL parameter. Uploaded pixels stay out of links. */
export function encodeState(state: WidgetState): string {
  return encodeBase64UrlJson(shareableState(state));
}

export function decodeState(text: string, widget: string): WidgetState {
  let value: unknown;
  try {
    value = decodeBase64UrlJson(text);
  } catch (error) {
    throw new GlassboxError('bad-state', 'decodeState: the link does not hold a widget state', { where: 'state' }, undefined, { cause: error });
  }
  return parseWidgetState(value, widget);
}
