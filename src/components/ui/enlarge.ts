/**
 * Small maps and thumbnails that open large: `enlargeable(canvas)` wraps a
 * drawn canvas in a button; pressing it shows a copy of the canvas, scaled up
 * with its pixels kept square, in one dialog the page shares, with the
 * canvas's own label as the caption. Esc, the Close button or a click beside
 * the picture closes it, and focus goes back to the thumbnail.
 */
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/kit.ts';

const DIALOG_ID = 'enlarged-image';
const t = strings(pageLang());

export function enlargeable(canvas: HTMLCanvasElement): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'enlarge';
  button.title = t('enlarge.button');
  button.append(canvas);
  button.addEventListener('click', () => show(canvas));
  return button;
}

function show(source: HTMLCanvasElement): void {
  const dialog = pageDialog();
  const copy = dialog.querySelector('canvas')!;
  copy.width = source.width;
  copy.height = source.height;
  copy.getContext('2d')!.drawImage(source, 0, 0);
  const label = source.getAttribute('aria-label') ?? t('enlarge.fallbackLabel');
  copy.setAttribute('aria-label', label);
  dialog.querySelector('figcaption')!.textContent = label;
  dialog.showModal();
}

/** The page's one dialog, made on first use. */
function pageDialog(): HTMLDialogElement {
  const found = document.getElementById(DIALOG_ID);
  if (found instanceof HTMLDialogElement) return found;
  const dialog = document.createElement('dialog');
  dialog.id = DIALOG_ID;
  dialog.className = 'enlarged';
  dialog.setAttribute('aria-label', t('enlarge.dialog'));
  const figure = document.createElement('figure');
  const canvas = document.createElement('canvas');
  canvas.setAttribute('role', 'img');
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'pill';
  close.textContent = t('enlarge.close');
  close.addEventListener('click', () => dialog.close());
  figure.append(canvas, document.createElement('figcaption'));
  dialog.append(figure, close);
  // A click on the backdrop lands on the dialog itself, outside its figure and button.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
  document.body.append(dialog);
  return dialog;
}
