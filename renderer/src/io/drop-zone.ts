/**
 * Dropping files on the window imports them: while files are dragged over it, an
 * overlay says what will happen; text dragged within the page is left alone.
 */
import { h } from '../dom';

const hasFiles = (event: DragEvent): boolean => !!event.dataTransfer && [...event.dataTransfer.types].includes('Files');

/** Listens on the whole window (a file dropped on the toolbar must not open in the browser instead). */
export function bindDropZone(target: Window, onFiles: (files: File[]) => void): HTMLElement {
  const overlay = h(
    'div',
    { class: 'drop-overlay', hidden: true, 'aria-hidden': 'true' },
    h('div', {}, h('strong', {}, 'Drop to import'), h('span', {}, '.txt, .md, .html, .docx or .pdf')),
  );
  let depth = 0;
  const hide = () => {
    depth = 0;
    overlay.hidden = true;
  };
  target.addEventListener('dragenter', (event: DragEvent) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    depth++;
    overlay.hidden = false;
  });
  target.addEventListener('dragover', (event: DragEvent) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer!.dropEffect = 'copy';
  });
  target.addEventListener('dragleave', (event: DragEvent) => {
    if (!hasFiles(event)) return;
    depth = Math.max(0, depth - 1);
    if (depth === 0) overlay.hidden = true;
  });
  target.addEventListener('drop', (event: DragEvent) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    hide();
    const files = [...(event.dataTransfer?.files ?? [])];
    if (files.length) onFiles(files);
  });
  return overlay;
}
