import '~/i18n/zod-locale.ts';
import { readStored, writeStored } from '~/components/ui/stored.ts';
import { assignmentSchema, draftSchema, type Draft, type WidgetSettings } from './assignment.ts';
import { encodeAssignment, readAssignment } from './assignment-link.ts';
import { widgetSettingsForm } from './builder-widgets.ts';
import { exerciseContext, lessonPage } from './lesson-pages.ts';
import { fileStem, saveFile } from './save-file.ts';
import { scormPackage } from './scorm-package.ts';
import { localizedPath, pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/assignment.ts';

const t = strings(pageLang());

/**
 * The assignment builder: exercises picked from the lessons (the page lists
 * them, built from the MDX), ordered, each with the widgets of its section and
 * their settings; a title, a due text and whether solutions are withheld. The
 * draft is kept in this browser; the result is a link, and a SCORM package.
 */
const DRAFT = 'glassbox:assignment-draft';

const EMPTY: Draft = { v: 1, title: '', due: '', solutions: 'shown', items: [], widgets: [] };

export async function mountBuilder(root: HTMLElement): Promise<void> {
  const q = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  const status = q<HTMLElement>('[data-builder-status]');
  let draft = readStored(DRAFT, draftSchema) ?? EMPTY;
  const fromLink = await readAssignment(location.search);
  if ('assignment' in fromLink) draft = fromLink.assignment;
  const titles = new Map([...root.querySelectorAll<HTMLElement>('[data-pick]')].map((p) => [p.dataset['pick']!, p.dataset['label'] ?? '']));
  const picks = [...root.querySelectorAll<HTMLInputElement>('[data-pick] input[type="checkbox"]')];
  const title = q<HTMLInputElement>('[data-assignment-title]');
  const due = q<HTMLInputElement>('[data-assignment-due]');
  const withheld = q<HTMLInputElement>('[data-withhold]');
  title.value = draft.title;
  due.value = draft.due;
  withheld.checked = draft.solutions === 'withheld';

  // Where storage is full or disabled, the draft lives as long as the page.
  const save = () => writeStored(DRAFT, draft);

  async function output(): Promise<void> {
    const link = q<HTMLInputElement>('[data-link]');
    const open = q<HTMLAnchorElement>('[data-open]');
    const scorm = q<HTMLButtonElement>('[data-scorm]');
    const ready = { ...draft, title: draft.title.trim() || t('builder.defaultTitle') };
    const parsed = assignmentSchema.safeParse(ready);
    if (!parsed.success) {
      link.value = '';
      open.removeAttribute('href');
      scorm.disabled = true;
      status.textContent = draft.items.length === 0 ? t('builder.pickOne') : t('builder.notYet', { problem: String(parsed.error.issues[0]?.message) });
      return;
    }
    const query = await encodeAssignment(parsed.data);
    // The assignment in the builder's edition: learners who chose the other edition are taken to it (Base.astro).
    open.href = `${localizedPath('/assignment/', pageLang())}?${query}`;
    link.value = `${location.origin}${open.getAttribute('href')}`;
    scorm.disabled = false;
    status.textContent =
      draft.items.length === 1
        ? t('builder.oneExercise', { length: link.value.length })
        : t('builder.exercises', { n: draft.items.length, length: link.value.length });
  }

  function setWidget(next: WidgetSettings): void {
    draft = { ...draft, widgets: [...draft.widgets.filter((w) => !(w.lesson === next.lesson && w.id === next.id)), next] };
    save();
    void output();
  }

  async function render(): Promise<void> {
    for (const pick of picks) pick.checked = draft.items.some((i) => `${i.lesson}/${i.exercise}` === pick.value);
    const list = q<HTMLOListElement>('[data-selected]');
    const rows = draft.items.map((item, index) => {
      const row = document.createElement('li');
      row.dataset['item'] = `${item.lesson}/${item.exercise}`;
      const label = document.createElement('p');
      label.className = 'label';
      label.textContent = titles.get(`${item.lesson}/${item.exercise}`) ?? `${item.lesson} › ${item.exercise}`;
      const buttons = document.createElement('p');
      buttons.className = 'move';
      const button = (text: string, disabled: boolean, act: () => void) => {
        const b = Object.assign(document.createElement('button'), { type: 'button', className: 'form-button', textContent: text, disabled });
        b.setAttribute('aria-label', `${text}: ${label.textContent}`);
        b.addEventListener('click', act);
        buttons.append(b);
      };
      const move = (to: number) => () => {
        const items = [...draft.items];
        const [moved] = items.splice(index, 1);
        items.splice(to, 0, moved!);
        update({ items });
      };
      button(t('builder.up'), index === 0, move(index - 1));
      button(t('builder.down'), index === draft.items.length - 1, move(index + 1));
      button(t('builder.remove'), false, () => update({ items: draft.items.filter((_, k) => k !== index) }));
      row.append(label, buttons);
      return row;
    });
    list.replaceChildren(...rows);
    await output();
    // The widgets each exercise's section uses, each once, under the first exercise that needs it.
    const shown = new Set<string>();
    for (const [index, item] of draft.items.entries()) {
      const context = exerciseContext(await lessonPage(item.lesson), item.exercise);
      for (const widget of context?.widgets ?? []) {
        if (shown.has(widget.id)) continue;
        shown.add(widget.id);
        rows[index]!.append(
          widgetSettingsForm(
            widget,
            item.lesson,
            draft.widgets.find((w) => w.lesson === item.lesson && w.id === widget.id),
            setWidget,
          ),
        );
      }
    }
  }

  function update(change: Partial<Draft>): void {
    draft = { ...draft, ...change };
    // Settings of widgets no chosen exercise uses are dropped with it.
    const lessons = new Set(draft.items.map((i) => i.lesson));
    draft.widgets = draft.widgets.filter((w) => lessons.has(w.lesson));
    save();
    void render();
  }

  for (const pick of picks) {
    pick.addEventListener('change', () => {
      const [lesson = '', exercise = ''] = pick.value.split('/');
      update({ items: pick.checked ? [...draft.items, { lesson, exercise }] : draft.items.filter((i) => !(i.lesson === lesson && i.exercise === exercise)) });
    });
  }
  title.addEventListener('input', () => update({ title: title.value.slice(0, 120) }));
  due.addEventListener('input', () => update({ due: due.value.slice(0, 120) }));
  withheld.addEventListener('change', () => update({ solutions: withheld.checked ? 'withheld' : 'shown' }));
  q('[data-copy]').addEventListener('click', async () => {
    const link = q<HTMLInputElement>('[data-link]').value;
    try {
      await navigator.clipboard.writeText(link);
      status.textContent = t('builder.copied');
    } catch {
      q<HTMLInputElement>('[data-link]').select();
      status.textContent = t('builder.copyByHand');
    }
  });
  q('[data-scorm]').addEventListener('click', async () => {
    const parsed = assignmentSchema.parse({ ...draft, title: draft.title.trim() || t('builder.defaultTitle') });
    // The package opens the assignment in the builder's edition, and its launch page speaks that edition's language.
    const bytes = scormPackage(parsed, location.origin, await encodeAssignment(parsed), pageLang());
    const name = `${fileStem(parsed.title, 'assignment')}-scorm12.zip`;
    saveFile(name, new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
    status.textContent = t('builder.savedScorm', { name });
  });
  q('[data-clear]').addEventListener('click', () => update({ ...EMPTY }));
  await render();
  root.dataset['state'] = 'ready';
}
