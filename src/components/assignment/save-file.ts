/**
 * Saves what the page made (a hand-in, a SCORM package) as a file the reader
 * downloads: nothing leaves the browser any other way.
 */
export function saveFile(name: string, file: Blob): void {
  const anchor = document.createElement('a');
  anchor.href = URL.createObjectURL(file);
  anchor.download = name;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(anchor.href), 1000);
}

/** A file-name stem from free text ("Week 3: CAM" -> "week-3-cam"), or `fallback` when nothing is left. */
export function fileStem(text: string, fallback = ''): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || fallback;
}
