import type { ImageRef } from '~/engine/shared/state.ts';
import { show } from '~/engine/shared/widget-params/fields.ts';
import { centreSquare, decodeDataUrl, decodeFile, decodeUrl, toDataUrl } from './image-source.ts';
import { WIDGET_NOTICE } from './widget-shell.ts';
import { errorText } from '~/i18n/error-text.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/kit.ts';

const lang = pageLang();
const t = strings(lang);

export interface PickedImage {
  ref: ImageRef;
  pixels: ImageData;
}

/**
 * Drives an ImagePicker: bundled photos, a file input and drag and drop. Every
 * choice becomes side x side pixels and is handed to `onPick`; a bad file shows
 * a message in the picker and leaves the current image in place.
 */
export class ImagePicker {
  private readonly error: HTMLElement;
  private readonly uploadChoice: HTMLInputElement;
  /** The reader's last own image, so re-selecting its thumbnail brings it back. */
  private lastUpload: ImageRef | undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly side: number,
    private readonly onPick: (image: PickedImage) => void,
  ) {
    this.error = root.querySelector('[data-image-error]')!;
    this.uploadChoice = root.querySelector('[data-upload-choice]')!;
    for (const radio of this.photoRadios()) {
      radio.addEventListener('change', () => void this.select({ kind: 'photo', id: radio.value }));
    }
    this.uploadChoice.addEventListener('change', () => void this.restoreUpload());
    const file = root.querySelector<HTMLInputElement>('[data-file]')!;
    file.addEventListener('change', () => {
      if (file.files?.[0]) void this.useFile(file.files[0]);
      file.value = '';
    });
    root.addEventListener('dragover', (event) => {
      event.preventDefault();
      root.classList.add('dragging');
    });
    root.addEventListener('dragleave', () => root.classList.remove('dragging'));
    root.addEventListener('drop', (event) => {
      event.preventDefault();
      root.classList.remove('dragging');
      const dropped = event.dataTransfer?.files[0];
      if (dropped) void this.useFile(dropped);
    });
  }

  /**
   * Shows and emits the image a state refers to. A saved own image that no
   * longer decodes gives way to the photo `fallback` (by default the first),
   * with a notice to the widget.
   */
  async select(ref: ImageRef, fallback?: ImageRef): Promise<void> {
    this.error.textContent = '';
    if (ref.kind === 'upload' && ref.dataUrl) {
      let bitmap: ImageBitmap;
      try {
        bitmap = await decodeDataUrl(ref.dataUrl);
      } catch {
        const photo = fallback?.kind === 'photo' ? fallback : { kind: 'photo' as const, id: this.photoRadios()[0]!.value };
        const detail = t('image.fallback', { ref: show(ref, lang), photo: show(photo, lang) });
        this.root.dispatchEvent(new CustomEvent(WIDGET_NOTICE, { bubbles: true, detail }));
        return this.select(photo);
      }
      this.lastUpload = ref;
      return this.emit(ref, bitmap);
    }
    const radio = this.photoRadios().find((r) => ref.kind === 'photo' && r.value === ref.id) ?? this.photoRadios()[0]!;
    radio.checked = true;
    await this.emit({ kind: 'photo', id: radio.value }, await decodeUrl(radio.dataset['src']!));
  }

  private async useFile(file: File): Promise<void> {
    this.error.textContent = '';
    try {
      const bitmap = await decodeFile(file);
      const pixels = centreSquare(bitmap, this.side);
      bitmap.close();
      const ref: ImageRef = { kind: 'upload', name: file.name, dataUrl: toDataUrl(pixels) };
      this.lastUpload = ref;
      this.showUpload(pixels);
      this.onPick({ ref, pixels });
    } catch (error) {
      this.error.textContent = errorText(error);
    }
  }

  private async restoreUpload(): Promise<void> {
    if (this.lastUpload) await this.select(this.lastUpload);
  }

  private async emit(ref: ImageRef, bitmap: ImageBitmap): Promise<void> {
    const pixels = centreSquare(bitmap, this.side);
    bitmap.close();
    if (ref.kind === 'upload') this.showUpload(pixels);
    this.onPick({ ref, pixels });
  }

  private showUpload(pixels: ImageData): void {
    this.uploadChoice.disabled = false;
    this.uploadChoice.checked = true;
    const thumb = this.root.querySelector<HTMLCanvasElement>('[data-upload-thumb]')!;
    thumb.width = pixels.width;
    thumb.height = pixels.height;
    thumb.getContext('2d')!.putImageData(pixels, 0, 0);
  }

  private photoRadios(): HTMLInputElement[] {
    return [...this.root.querySelectorAll<HTMLInputElement>('input[type=radio][data-src]')];
  }
}
