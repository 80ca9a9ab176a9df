import { compute } from '~/engine/client.ts';
import { OBJECTS_SPLITS } from '~/engine/shared/splits.ts';
import type { WidgetState } from '~/engine/shared/state.ts';
import { chooseLayer } from '~/engine/shared/widget-params/validate.ts';
import type { FieldTable } from '~/engine/tasks/index.ts';
import { Controls, num } from '~/components/ui/controls.ts';
import { WidgetShell } from '~/components/ui/widget-shell.ts';
import { fillLayers } from './layer-rows.ts';
import { PatchScanner } from './patch-scanner.ts';
import { PatchView } from './patch-view.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-patches.ts';

const KIND = 'top-patches';
const t = strings(pageLang());

/**
 * Scans held-out Glassbox Objects images through the model once per layer
 * (the engine's scanLayer session, with progress), then shows any channel's
 * top-k patches at once. The engine keeps the scanned set under the widget's
 * id; the widget holds only that id and what it shows.
 */
export function mountTopPatches(root: HTMLElement): void {
  const layer = root.querySelector<HTMLSelectElement>('[data-layer]')!;
  const controls = new Controls(root, { channel: num('[data-channel]'), k: num('[data-k]'), images: num('[data-images]') });
  const channel = controls.fields.channel as HTMLInputElement;
  let table: FieldTable | undefined;
  let chosenLayer = 'conv_3';
  const state = (): WidgetState => ({
    widget: KIND,
    params: { layer: chosenLayer, ...controls.values(), pick: view.picked },
    seed: OBJECTS_SPLITS.heldOut.seed,
  });
  const shell = new WidgetShell(root, KIND, state);
  const view = new PatchView(
    root,
    () => table,
    () => shell.store.save(state()),
  );
  const channels = () => table?.rows.find((row) => row.name === chosenLayer)?.channels ?? 1;
  /** Sets the channel box to `value` kept inside the layer's channels; returns the channel. */
  const setChannel = (value: number) => {
    const c = Math.min(channels() - 1, Math.max(0, value));
    channel.value = String(c);
    return c;
  };
  const ranking = (): [number, number] => [setChannel(Math.round(controls.value('channel'))), controls.value('k')];
  const scanner = new PatchScanner(
    shell,
    () => ({ layer: chosenLayer, count: controls.value('images') }),
    ranking,
    (top) => view.show(top),
  );

  function useLayer(): void {
    chosenLayer = layer.value;
    channel.max = String(channels() - 1);
  }
  layer.addEventListener('change', () => {
    useLayer();
    void scanner.scan();
  });
  controls.onChange((name) => void (name === 'images' ? scanner.scan() : scanner.rank()));
  const step = (delta: number) => {
    setChannel(controls.value('channel') + delta);
    void scanner.rank();
  };
  root.querySelector('[data-channel-prev]')!.addEventListener('click', () => step(-1));
  root.querySelector('[data-channel-next]')!.addEventListener('click', () => step(1));

  const restored = shell.restore();
  controls.restore(restored?.params);
  if (restored) {
    chosenLayer = String(restored.params['layer'] ?? chosenLayer);
    view.picked = Number(restored.params['pick'] ?? 0);
  }
  shell.start(
    t('loadingEngineModel'),
    compute(`${root.id}-table`, (tasks) => tasks.receptiveFieldTable()).then((fields) => {
      table = fields;
      const checked = chooseLayer(
        chosenLayer,
        fields.rows.map((row) => row.name),
        'conv_3',
        pageLang(),
      );
      if (checked.notice) shell.notice(checked.notice);
      fillLayers(layer, fields, checked.layer);
      useLayer();
      return scanner.scan();
    }),
  );
}
