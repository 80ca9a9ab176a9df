import { signed } from '~/components/ui/format.ts';
import type { ActivationMaps } from '~/engine/tasks/index.ts';
import { MapFigure } from '~/components/ui/map-view.ts';
import { attachProbe } from '~/components/ui/probe.ts';
import { escapeHtml, Markup, setMarkup } from '~/components/ui/markup.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/widgets-activations.ts';
import { mapCanvas } from '../cam-parts.ts';
import { channelView } from './layer-menu.ts';

const t = strings(pageLang());

/**
 * A layer's channels as a grid of small maps, the chosen one enlarged, with
 * A^k(i, j) at the unit pointed at and its receptive field marked on the image.
 */
export class ChannelGrid {
  /** The channel k shown enlarged. */
  chosen = 0;
  private maps: ActivationMaps | undefined;
  /** Until the reader points somewhere, the read-out follows each chosen channel's peak. */
  private pointed = false;
  private readonly figure: MapFigure;
  private readonly probe: ReturnType<typeof attachProbe>;

  constructor(
    private readonly root: HTMLElement,
    private readonly scene: MapFigure,
  ) {
    this.figure = new MapFigure(root.querySelector('[data-map="channel"]')!);
    this.probe = attachProbe(this.figure, (i, j) => {
      this.pointed = true;
      this.read(i, j);
    });
  }

  /** Draws every channel of `maps` in `order` ("index", "max" or "mean"), then the chosen one enlarged. */
  show(maps: ActivationMaps, order: string): void {
    this.maps = maps;
    this.drawGrid(maps, order);
    this.choose(this.chosen);
  }

  /** Draws the shown maps again in another order. */
  reorder(order: string): void {
    if (this.maps) this.show(this.maps, order);
  }

  private choose(k: number): void {
    const maps = this.maps;
    if (!maps) return;
    this.chosen = Math.min(k, maps.channels - 1);
    for (const button of this.root.querySelectorAll<HTMLButtonElement>('[data-grid] button'))
      button.setAttribute('aria-pressed', String(button.dataset['channel'] === String(this.chosen)));
    this.figure.draw(channelView(maps, this.chosen));
    this.root.dataset['channel'] = String(this.chosen);
    if (this.pointed) {
      const [i, j] = this.probe.at();
      this.read(Math.min(i, maps.height - 1), Math.min(j, maps.width - 1));
      return;
    }
    const values = this.figure.current!.values;
    const peak = values.indexOf(Math.max(...values));
    this.read(Math.floor(peak / maps.width), peak % maps.width);
  }

  /** A^k(i, j) of the chosen channel, and the input rows and columns the unit sees. */
  private read(i: number, j: number): void {
    const maps = this.maps;
    if (!maps) return;
    const { field, height, width } = maps;
    this.figure.mark(i, j, 1);
    const top = field.start + i * field.jump;
    const left = field.start + j * field.jump;
    this.scene.mark(top, left, field.size);
    const value = this.figure.value(i, j);
    const line = this.root.querySelector<HTMLElement>('[data-value]')!;
    Object.assign(line.dataset, { k: String(this.chosen), i: String(i), j: String(j), value: String(value) });
    setMarkup(
      line,
      new Markup(t('gridValue', { k: this.chosen, i, j, value: signed(value, 4), layer: escapeHtml(maps.layer.name), h: height, w: width, c: maps.channels })),
    );
    const bottom = top + field.size - 1;
    const right = left + field.size - 1;
    const padding = top < 0 || left < 0 || bottom > 63 || right > 63 ? t('inPadding') : '';
    this.root.querySelector('[data-where]')!.textContent = t(field.jump > 1 ? 'gridSees' : 'gridSeesOne', {
      top,
      bottom,
      left,
      right,
      size: field.size,
      jump: field.jump,
      padding,
    });
  }

  private drawGrid(result: ActivationMaps, by: string): void {
    const order = Array.from({ length: result.channels }, (_, k) => k);
    const key = by === 'max' ? result.maxima : by === 'mean' ? result.means : undefined;
    if (key) order.sort((a, b) => key[b]! - key[a]!);
    const items = order.map((k) => {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset['channel'] = String(k);
      button.append(
        mapCanvas(channelView(result, k), t('channelPeak', { k, peak: signed(result.maxima[k]!) })),
        `k=${k}`,
        document.createElement('br'),
        signed(result.maxima[k]!, 2),
      );
      button.addEventListener('click', () => this.choose(k));
      item.append(button);
      return item;
    });
    this.root.querySelector('[data-grid]')!.replaceChildren(...items);
    const colours = t(result.signed ? 'coloursSigned' : 'coloursGray');
    const scale = result.scale === 'shared' ? t('sharedBound', { bound: signed(result.bounds[0]!, 2) }) : t('ownBound');
    this.root.querySelector('[data-grid-caption]')!.textContent = t('gridCaption', {
      n: result.channels,
      layer: result.layer.name,
      type: result.layer.className,
      h: result.height,
      w: result.width,
      colours,
      scale,
    });
  }
}
