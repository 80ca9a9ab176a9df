import { prepareEngine } from '~/engine/client.ts';
import { loadPlotWhenIdle } from '~/components/ui/plot.ts';
import { whenVisible } from '~/components/ui/when-visible.ts';
import { errorText } from '~/i18n/error-text.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-boot.ts';
import { PLOT_WIDGETS } from './plot-widgets.ts';
import { WIDGETS } from './registry.ts';
import { WIDGET_MODELS } from './widget-models.ts';

const t = strings(pageLang());

/**
 * The one boot script of every widget on a page: when a widget nears the
 * viewport, its module, the engine and the widget's models download together,
 * instead of the engine waiting for the widget's first request. A page with
 * a widget that draws with Observable Plot loads Plot when it is first idle.
 * A mounted widget says so (`data-mounted`): its controls listen from then on.
 * A page that adds widgets later (an assignment) calls it again; each widget boots once.
 */
export function bootWidgets(): void {
  const roots = [...document.querySelectorAll<HTMLElement>('[data-widget]:not([data-booted])')];
  if (roots.some((root) => PLOT_WIDGETS.has(root.dataset['widget']!))) loadPlotWhenIdle();
  for (const root of roots) {
    root.dataset['booted'] = 'true';
    const kind = root.dataset['widget']!;
    const load = WIDGETS[kind];
    if (!load) throw new Error(`boot: no widget of kind "${kind}" is registered in components/widgets/registry.ts`);
    whenVisible(root, () => {
      prepareEngine(WIDGET_MODELS[kind] ?? []);
      load().then(
        (mount) => {
          mount(root);
          root.dataset['mounted'] = 'true';
        },
        (error: Error) => {
          const status = root.querySelector<HTMLElement>('[data-widget-status]')!;
          status.textContent = t('loadFailed', { message: errorText(error) });
          status.dataset['kind'] = 'error';
        },
      );
    });
  }
}

bootWidgets();
