// A file dropped anywhere on the page, or events pasted outside a text field, open the import dialog's preview.
import { useEffect } from 'react';
import { useStoreApi } from '../store/hooks.ts';

const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') === true;

/** Text fields keep their own paste. */
function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest('input, textarea, select') !== null;
}

export function useFileDrop(): void {
  const { store, dataset } = useStoreApi();
  useEffect(() => {
    const busy = () => store.getState().dataset.status === 'loading';
    const onDragOver = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      // Without this the browser would open the file in the tab instead of handing it to the page.
      event.preventDefault();
      if (event.dataTransfer !== null) event.dataTransfer.dropEffect = busy() ? 'none' : 'copy';
    };
    const onDrop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      const file = event.dataTransfer?.files[0];
      if (file !== undefined && !busy()) void dataset.preview(file, file.name);
    };
    const onPaste = (event: ClipboardEvent) => {
      if (isEditable(event.target) || busy() || event.clipboardData === null) return;
      const file = event.clipboardData.files[0];
      const text = event.clipboardData.getData('text/plain');
      if (file === undefined && text.trim() === '') return;
      event.preventDefault();
      void (file === undefined ? dataset.previewText(text) : dataset.preview(file, file.name));
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    window.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
      window.removeEventListener('paste', onPaste);
    };
  }, [store, dataset]);
}
