import { getEngine } from '~/engine/client.ts';
import { whenVisible } from '~/components/ui/when-visible.ts';
import { WIDGETS } from './registry.ts';

/** Widgets that draw without the engine (the dataset gallery): reaching them does not download TensorFlow.js. */
const WITHOUT_ENGINE = new Set(['objects-gallery']);

/**
 * The one boot script of every widget on a page: when a widget nears the
 * viewport, its module and the engine download together, instead of the engine
 * waiting for the widget's first request.
 */
function boot(): void {
  for (const root of document.querySelectorAll<HTMLElement>('[data-widget]')) {
    const kind = root.dataset['widget']!;
    const load = WIDGETS[kind];
    if (!load) throw new Error(`boot: no widget of kind "${kind}" is registered in components/widgets/registry.ts`);
    whenVisible(root, () => {
      // A failure to start is shown by the widget, whose own request gets the same rejected promise.
      if (!WITHOUT_ENGINE.has(kind)) void getEngine().catch(() => undefined);
      load().then(
        (mount) => mount(root),
        (error: Error) => {
          const status = root.querySelector<HTMLElement>('[data-widget-status]')!;
          status.textContent = `This widget could not be loaded (${error.message}); reloading the page may help.`;
          status.dataset['kind'] = 'error';
        },
      );
    });
  }
}

boot();
