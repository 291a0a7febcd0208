// Saves a Blob as a file through a temporary link: the data never leaves the browser.
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started once click() returns; a moment later the URL can go.
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** "events.ndjson" → "events"; pasted text → "pasted". */
export function baseName(fileName: string | null): string {
  const name = (fileName ?? 'dataset').replace(/\.[^.]+$/, '').replace(/[^\w.-]+/g, '-');
  return name === '' ? 'dataset' : name;
}
