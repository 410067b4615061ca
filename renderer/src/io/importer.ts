/**
 * Bringing files into the workspace from the renderer: File → Import…, the Import
 * button and files dropped on the window. Each file is read, checked by the service
 * (which says what it found), its details confirmed in a short dialog, and then added
 * (or put in place of the document it replaces) and shown in a pane.
 */
import type { ImportResult } from '../../../common/api';
import type { DocumentSummary } from '../../../common/model';
import { call } from '../bridge';
import { h } from '../dom';
import { DetailsDialog } from './details-dialog';
import { IMPORT_ACCEPT, readAsBase64, sizeLabel, tooLargeToImport } from './read-file';

export interface ImporterHost {
  notify(message: string, kind?: 'info' | 'error', action?: { label: string; run: () => void }): void;
  /** A document was added or replaced: update lists and show it. */
  documentImported(result: ImportResult): void | Promise<void>;
  /** A document's details changed. */
  documentDetailsChanged(summary: DocumentSummary): void;
  /** An annotation export was merged: documents, annotations and links may all have changed. */
  workspaceChanged(): Promise<void>;
  documents(): DocumentSummary[];
}

/** What happened to the annotations and links of a replaced document. */
function replacedSummary({ moved, orphaned }: ImportResult): string {
  if (!moved && !orphaned) return 'every annotation and link is where it was.';
  const parts = [];
  if (moved)
    parts.push(
      `${moved} annotation${moved === 1 ? '' : 's'} or link end${moved === 1 ? '' : 's'} found at a new place`,
    );
  if (orphaned) parts.push(`${orphaned} not found, listed under Orphans to review`);
  return `${parts.join('; ')}.`;
}

export class Importer {
  readonly dialog = new DetailsDialog();
  /** "Importing sanctions.pdf…" while a file is read and checked. */
  readonly status = h('span', { class: 'io-status', role: 'status', 'aria-live': 'polite', hidden: true });
  readonly button: HTMLButtonElement;
  /** The hidden file input behind Import… (placed in the toolbar by its owner). */
  readonly input: HTMLInputElement;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly host: ImporterHost) {
    this.input = h('input', {
      type: 'file',
      multiple: true,
      accept: IMPORT_ACCEPT,
      hidden: true,
      'aria-label': 'Files to import',
    });
    this.input.addEventListener('change', () => {
      const files = [...(this.input.files ?? [])];
      this.input.value = '';
      this.importFiles(files);
    });
    this.button = h(
      'button',
      {
        type: 'button',
        class: 'import',
        title:
          'Import .txt, .md, .html, .docx or .pdf files, or a Parallax JSON export (Ctrl+O); or drop them on the window',
      },
      'Import…',
    );
    this.button.addEventListener('click', () => this.pick());
  }

  /**
   * Opens the system's file picker. A browser shows it only in answer to the analyst's own
   * click or key: a command that reaches the page any other way (a menu item sent over IPC,
   * a shortcut the browser keeps for itself) would be refused without a word. Then the
   * Import… button takes the focus and the notice says to press Enter, which opens it.
   */
  pick(): void {
    const activation = (navigator as Navigator & { userActivation?: { isActive: boolean } }).userActivation;
    if (activation && !activation.isActive) {
      this.button.focus();
      this.host.notify('Press Enter to choose the files to import (or drop them on the window).');
      return;
    }
    this.input.click();
  }

  /** Imports files one after another (each with its own details dialog). */
  importFiles(files: File[]): void {
    for (const file of files) this.queue = this.queue.then(() => this.importOne(file));
  }

  private busy(text: string | undefined): void {
    this.status.hidden = !text;
    this.status.replaceChildren(...(text ? [h('span', { class: 'io-spinner', 'aria-hidden': 'true' }), text] : []));
  }

  private async importOne(file: File): Promise<void> {
    const tooLarge = tooLargeToImport(file);
    if (tooLarge) {
      this.host.notify(tooLarge, 'error');
      return;
    }
    if (/\.json$/i.test(file.name)) {
      await this.importAnnotations(file);
      return;
    }
    let preview;
    try {
      this.busy(`Reading ${file.name}…`);
      preview = await call('prepareImport', { fileName: file.name, data: await readAsBase64(file) });
    } catch (err) {
      this.host.notify((err as Error).message, 'error');
      return;
    } finally {
      this.busy(undefined);
    }
    const found = preview.found.length ? `found ${preview.found.join(', ')}` : 'no details in the file';
    const { paragraphs, notes } = preview.stats;
    for (;;) {
      const answer = await this.dialog.ask({
        heading: `Import ${preview.fileName}`,
        info: `${preview.format.toUpperCase()}, ${sizeLabel(file.size)}: ${paragraphs} paragraph${paragraphs === 1 ? '' : 's'}${notes ? `, ${notes} note${notes === 1 ? '' : 's'}` : ''}; ${found}.`,
        warnings: preview.warnings,
        meta: preview.meta,
        found: preview.found,
        matches: preview.matches,
        confirm: preview.matches.length ? 'Import' : 'Import',
      });
      if (!answer) return;
      try {
        const result = await call('commitImport', {
          importId: preview.importId,
          meta: answer.meta,
          replace: answer.replace,
        });
        await this.host.documentImported(result);
        this.host.notify(
          result.replaced
            ? `Replaced “${result.document.meta.title}”: ${replacedSummary(result)}`
            : `Imported “${result.document.meta.title}”.`,
        );
        return;
      } catch (err) {
        this.host.notify((err as Error).message, 'error');
        if (/expired/.test((err as Error).message)) return;
      }
    }
  }

  /** A Parallax JSON export (W3C Web Annotations with its documents): merged into this workspace. */
  private async importAnnotations(file: File): Promise<void> {
    try {
      this.busy(`Reading ${file.name}…`);
      const r = await call('importAnnotations', { fileName: file.name, text: await file.text() });
      await this.host.workspaceChanged();
      const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
      this.host.notify(
        `Imported ${plural(r.annotations, 'annotation')}, ${plural(r.links, 'link')}, ${plural(r.tags, 'new tag')} and ${plural(r.documents, 'new document')} from ${file.name}${r.orphaned ? `; ${r.orphaned} passage${r.orphaned === 1 ? '' : 's'} not found, under Orphans` : ''}.`,
      );
    } catch (err) {
      this.host.notify((err as Error).message, 'error');
    } finally {
      this.busy(undefined);
    }
  }

  /** Document Details…: edit title, authors, venue and date of a document. */
  async editDetails(docId: string | undefined): Promise<void> {
    const doc = this.host.documents().find((d) => d.id === docId);
    if (!doc) return;
    const answer = await this.dialog.ask({ heading: 'Document details', meta: doc.meta, confirm: 'Save' });
    if (!answer) return;
    try {
      this.host.documentDetailsChanged(await call('updateDocumentMeta', { id: doc.id, meta: answer.meta }));
    } catch (err) {
      this.host.notify(`The details were not saved: ${(err as Error).message}`, 'error');
    }
  }
}
