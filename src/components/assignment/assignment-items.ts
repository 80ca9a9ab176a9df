import { encodeState } from '~/engine/shared/state.ts';
import type { Assignment, WidgetSettings } from './assignment.ts';
import { adoptStyles, exerciseContext, lessonPage } from './lesson-pages.ts';
import { restrictControls } from './widget-controls.ts';
import { localizedPath, pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/assignment.ts';

const t = strings(pageLang());

/** One exercise of an assignment as placed on the page. */
export interface PlacedItem {
  lesson: string;
  exercise: string;
  kind: 'number' | 'text' | 'choice' | 'multiple' | 'reflection' | 'widget';
  /** Its lesson and section, as the reader sees them. */
  title: string;
  root: HTMLElement;
}

/** A copy of a part of a lesson page, made inert: no script it contains will ever run here. */
function adopt<T extends Element>(node: T): T {
  const copy = document.importNode(node, true);
  for (const script of copy.querySelectorAll('script')) script.remove();
  return copy;
}

/** A widget copied from its lesson with the assignment's settings: its fixed state, locked and hidden controls. */
function placeWidget(widget: HTMLElement, settings: WidgetSettings | undefined, notice: (text: string) => void): HTMLElement {
  const copy = adopt(widget);
  if (!settings) return copy;
  const kind = copy.dataset['widget'];
  if (settings.state && settings.state.widget === kind) copy.dataset['fixedState'] = encodeState(settings.state);
  else if (settings.state) notice(t('items.wrongWidget', { id: settings.id, state: settings.state.widget, kind: String(kind) }));
  const unknown = restrictControls(copy, settings.lock, settings.hide);
  if (unknown.length) notice(t('items.unknownControls', { id: settings.id, controls: unknown.map((k) => `“${k}”`).join(', ') }));
  return copy;
}

/**
 * Puts the assignment's exercises into `list` in order, each with its lesson
 * and section named, a link to read it in context, and the widgets its
 * section uses (each widget once, before the first exercise that needs it).
 * What the assignment names but the book does not have is skipped with a notice.
 */
export async function placeItems(
  assignment: Assignment,
  list: HTMLElement,
  lessons: ReadonlySet<string>,
  notice: (text: string) => void,
): Promise<PlacedItem[]> {
  const wanted = [...new Set(assignment.items.map((i) => i.lesson))].filter((slug) => lessons.has(slug));
  for (const slug of new Set(assignment.items.map((i) => i.lesson))) if (!lessons.has(slug)) notice(t('items.noLesson', { slug }));
  const pages = new Map<string, Document>();
  await Promise.all(wanted.map(async (slug) => pages.set(slug, await lessonPage(slug))));
  for (const page of pages.values()) adoptStyles(page);
  const placedWidgets = new Set<string>();
  const placed: PlacedItem[] = [];
  for (const item of assignment.items) {
    const page = pages.get(item.lesson);
    if (!page) continue;
    const context = exerciseContext(page, item.exercise);
    if (!context) {
      notice(t('items.noExercise', { lesson: item.lesson, exercise: item.exercise }));
      continue;
    }
    if (placed.some((p) => p.lesson === item.lesson && p.exercise === item.exercise)) continue;
    const block = document.createElement('li');
    block.className = 'assignment-item';
    const head = document.createElement('p');
    head.className = 'context';
    const link = document.createElement('a');
    link.href = `${localizedPath(`/lessons/${item.lesson}/`, pageLang())}${context.sectionId ? `#${context.sectionId}` : ''}`;
    link.textContent = context.section ? `${context.lessonTitle} › ${context.section}` : context.lessonTitle;
    head.append(t('items.from'), link);
    block.append(head);
    for (const widget of context.widgets) {
      if (placedWidgets.has(widget.id)) continue;
      placedWidgets.add(widget.id);
      block.append(
        placeWidget(
          widget,
          assignment.widgets.find((w) => w.lesson === item.lesson && w.id === widget.id),
          notice,
        ),
      );
    }
    const exercise = adopt(context.exercise);
    if (assignment.solutions === 'withheld') {
      for (const part of exercise.querySelectorAll('[data-reveal], [data-solution]')) part.remove();
      exercise.removeAttribute('data-sealed');
    }
    block.append(exercise);
    list.append(block);
    placed.push({
      lesson: item.lesson,
      exercise: item.exercise,
      kind: (exercise.dataset['kind'] ?? 'number') as PlacedItem['kind'],
      title: link.textContent,
      root: exercise,
    });
  }
  return placed;
}
