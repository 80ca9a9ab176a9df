import { z } from '~/engine/shared/zod.ts';
import { widgetStateSchema } from '~/engine/shared/state.ts';

/**
 * An assignment, as a TA builds it and a link carries it: which exercises, in
 * which order, with which widget settings, and whether solutions are withheld.
 * Every object is strict (an unknown key is refused), every string and list is
 * capped, and a widget's fixed state is further checked by the widget's own
 * rules (validateWidgetState), which clamp or replace values it does not offer.
 */
const slug = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), z.maxLength(60));
const name = z.string().check(z.regex(/^[A-Za-z0-9_-]+$/), z.maxLength(60));

export const widgetSettingsSchema = z.strictObject({
  /** The lesson the widget is in, and its id there. */
  lesson: slug,
  id: name,
  /** Keys of the widget's controls (widget-controls.ts) that the learner sees but cannot change. */
  lock: z.array(name).check(z.maxLength(20)),
  /** Keys of controls that are not shown at all. */
  hide: z.array(name).check(z.maxLength(20)),
  /** The state the widget starts from (image, class, model, seed, knobs); its own default when absent. */
  state: z.optional(widgetStateSchema),
});

export const assignmentSchema = z.strictObject({
  v: z.literal(1),
  title: z.string().check(z.minLength(1), z.maxLength(120)),
  /** Free text: "Friday 6 pm", "before the next peer session". */
  due: z.string().check(z.maxLength(120)),
  /** Withheld: no "Show solution", and no solution after three attempts or a right answer. */
  solutions: z.enum(['shown', 'withheld']),
  items: z.array(z.strictObject({ lesson: slug, exercise: name })).check(z.minLength(1), z.maxLength(40)),
  widgets: z.array(widgetSettingsSchema).check(z.maxLength(20)),
});

/** The builder's draft: an assignment that may not have a title or any exercise yet. */
export const draftSchema = z.extend(assignmentSchema, {
  title: z.string().check(z.maxLength(120)),
  items: z.array(z.strictObject({ lesson: slug, exercise: name })).check(z.maxLength(40)),
});

export type Assignment = z.infer<typeof assignmentSchema>;
export type Draft = z.infer<typeof draftSchema>;
export type WidgetSettings = z.infer<typeof widgetSettingsSchema>;
export type AssignmentItem = Assignment['items'][number];
