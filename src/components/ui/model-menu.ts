import { compute } from '~/engine/client.ts';
import { labModelLabel, parseLabRunName } from '~/engine/shared/lab-policies.ts';
import { RUN_MODEL_PREFIX, shippedModelLabel, type ModelEntry } from '~/engine/shared/models.ts';
import { chooseModel, DEFAULT_MODEL } from '~/engine/shared/widget-params/model.ts';
import type { WidgetShell } from './widget-shell.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/kit.ts';

const lang = pageLang();
const t = strings(lang);

/**
 * A model's words in the menu, in this edition: a shipped model's label, or a saved run's. The engine names a run
 * in English when it saves it; other editions name it again from the settings its name encodes.
 */
function menuLabel(m: ModelEntry): string {
  if (m.origin === 'shipped') return shippedModelLabel(m.id, lang) ?? m.label;
  if (m.origin !== 'run') return m.label;
  return t('model.savedRun', { label: savedRunLabel(m), id: m.id });
}

/** A saved run's label in this edition: the engine's (English) one, or one named again from its run's settings. */
export function savedRunLabel(m: ModelEntry): string {
  const settings = lang === 'en' ? null : parseLabRunName(m.id.slice(RUN_MODEL_PREFIX.length));
  return settings ? labModelLabel(settings, lang) : m.label;
}

/**
 * An explanation widget's model menu (ModelPicker.astro): the shipped Glassbox
 * Objects models, then the runs the training lab saved in this browser, as the
 * engine's `listModels` names them. It lists them again whenever the menu gains
 * focus or the page becomes visible, so a run saved in another tab appears,
 * and a run deleted there gives way to the course model with a notice.
 */
export class ModelMenu {
  private ids: string[] = [];
  /** The menu as last built, to rebuild it only when the list changed. */
  private listed = '';

  constructor(
    private readonly select: HTMLSelectElement,
    private readonly shell: WidgetShell,
    /** Called with the model's id when it changes, by the reader or because the chosen run is gone. */
    private readonly changed: (model: string) => void,
  ) {
    select.addEventListener('change', () => changed(this.value));
    select.addEventListener('focus', () => void this.refresh());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') void this.refresh();
    });
  }

  /** The chosen model's id. */
  get value(): string {
    return this.select.value || DEFAULT_MODEL;
  }

  /** Lists the models and chooses `wanted` (a restored id) if it is offered, else the course model with a notice. */
  async start(wanted: string | undefined): Promise<string> {
    await this.list();
    const { model, notice } = chooseModel(wanted, this.ids, lang);
    if (notice) this.shell.notice(notice);
    this.select.value = model;
    return model;
  }

  private async refresh(): Promise<void> {
    const shown = this.value;
    try {
      await this.list();
    } catch (error) {
      this.shell.fail(error);
      return;
    }
    const { model, notice } = chooseModel(shown, this.ids, lang);
    this.select.value = model;
    if (!notice) return;
    this.shell.notice(notice);
    this.changed(model);
  }

  /** Rebuilds the options when the list changed (an open menu is left alone otherwise). */
  private async list(): Promise<void> {
    const models = await compute(`${this.shell.id}/models`, (tasks) => tasks.listModels());
    const objects = models.filter((m) => m.dataset === 'objects' && m.origin !== 'page');
    const listed = objects.map((m) => `${m.id} ${m.label}`).join('\n');
    if (listed === this.listed) return;
    this.listed = listed;
    this.ids = objects.map((m) => m.id);
    const shown = this.select.value;
    this.select.replaceChildren(
      group(
        t('model.shipped'),
        objects.filter((m) => m.origin === 'shipped'),
      ),
      group(
        t('model.runs'),
        objects.filter((m) => m.origin === 'run'),
        t('model.noRuns'),
      ),
    );
    if (this.ids.includes(shown)) this.select.value = shown;
  }
}

function group(label: string, models: ModelEntry[], empty?: string): HTMLOptGroupElement {
  const element = document.createElement('optgroup');
  element.label = label;
  element.append(...models.map((m) => new Option(menuLabel(m), m.id)));
  if (!models.length && empty) element.append(Object.assign(new Option(empty, ''), { disabled: true }));
  return element;
}
