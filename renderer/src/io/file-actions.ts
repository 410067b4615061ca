/**
 * The File commands of the window: Import… (button, Ctrl+O, files dropped anywhere on
 * the window), Export… (button, Ctrl+Shift+E) and Document Details… (Ctrl+I).
 */
import type { ImportResult } from '../../../common/api';
import type { DocumentSummary } from '../../../common/model';
import { h } from '../dom';
import type { Notices } from '../notices';
import { bindDropZone } from './drop-zone';
import { ExportDialog } from './export-dialog';
import { Importer } from './importer';

export interface FileActionsHost {
  documents(): DocumentSummary[];
  notify(message: string, kind?: 'info' | 'error', action?: { label: string; run: () => void }): void;
  /** Puts a new or replaced document on screen. */
  documentImported(result: ImportResult): Promise<void>;
  documentDetailsChanged(summary: DocumentSummary): void;
  /** The document of the active pane. */
  activeDocument(): string | undefined;
}

export class FileActions {
  readonly importer: Importer;
  readonly exporter: ExportDialog;
  /** The dialogs the window adds (the drop overlay goes into `overlayParent`). */
  readonly elements: HTMLElement[];
  readonly toolbar: HTMLElement;

  constructor(
    private readonly host: FileActionsHost,
    notices: Notices,
    overlayParent: HTMLElement,
  ) {
    this.importer = new Importer(host);
    this.exporter = new ExportDialog(notices);
    overlayParent.append(bindDropZone(window, (files) => this.importer.importFiles(files)));
    this.toolbar = h(
      'span',
      { class: 'file-actions' },
      this.importer.button,
      this.exporter.button,
      this.importer.status,
    );
    this.elements = [this.importer.dialog.element, this.exporter.element];
  }

  import(): void {
    this.importer.pick();
  }

  export(): void {
    this.exporter.open();
  }

  editDetails(): void {
    const doc = this.host.activeDocument();
    if (!doc) this.host.notify('Open a document in a pane first.');
    else void this.importer.editDetails(doc);
  }
}
