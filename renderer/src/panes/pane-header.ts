/**
 * A pane's header: which document it shows (a picker), Edit, the save status, reload,
 * move and close buttons, and the document's title, authors, venue and year.
 */
import { yearOf, type DocumentMeta, type DocumentSummary } from '../../../common/model';
import { h } from '../dom';
import { pickerLabel } from '../labels';

export type SaveStatus = 'read-only' | 'editing' | 'unsaved' | 'saving' | 'saved' | 'failed';

const STATUS_TEXT: Record<SaveStatus, string> = {
  'read-only': 'Read-only',
  editing: 'Editing',
  unsaved: 'Unsaved changes',
  saving: 'Saving…',
  saved: 'Saved',
  failed: 'Not saved',
};

/** What the header's controls do. */
export interface PaneHeaderActions {
  choose(docId: string): void;
  toggleEdit(): void;
  reload(): void;
  move(direction: -1 | 1): void;
  close(): void;
}

/** A small symbol button of the pane header. */
function iconButton(name: string, symbol: string, label: string, title: string, run: () => void): HTMLButtonElement {
  const button = h('button', { class: `${name} icon`, type: 'button', title, 'aria-label': label }, symbol);
  button.addEventListener('click', run);
  return button;
}

export class PaneHeader {
  readonly element: HTMLElement;
  private readonly picker: HTMLSelectElement;
  private readonly editButton: HTMLButtonElement;
  private readonly status: HTMLElement;
  private readonly leftButton: HTMLButtonElement;
  private readonly rightButton: HTMLButtonElement;
  private readonly closeButton: HTMLButtonElement;
  private readonly title: HTMLElement;
  private readonly meta: HTMLElement;

  constructor(actions: PaneHeaderActions) {
    this.picker = h('select', { class: 'pane-doc', 'aria-label': 'Document shown in this pane' });
    this.picker.addEventListener('change', () => actions.choose(this.picker.value));
    this.editButton = h(
      'button',
      { class: 'pane-edit', type: 'button', 'aria-pressed': 'false', title: 'Edit this text (Ctrl+E)' },
      'Edit',
    );
    this.editButton.addEventListener('click', () => actions.toggleEdit());
    this.leftButton = iconButton('pane-left', '◀', 'Move pane left', 'Move pane left (Ctrl+Alt+←)', () =>
      actions.move(-1),
    );
    this.rightButton = iconButton('pane-right', '▶', 'Move pane right', 'Move pane right (Ctrl+Alt+→)', () =>
      actions.move(1),
    );
    const reloadButton = iconButton(
      'pane-reload',
      '⟳',
      'Reload from file',
      'Reload the text from its file (after it was edited elsewhere); annotations are found again',
      () => actions.reload(),
    );
    this.closeButton = iconButton('pane-close', '✕', 'Close pane', 'Close pane (Ctrl+Alt+W)', () => actions.close());
    this.title = h('h2', { class: 'pane-title' });
    this.meta = h('p', { class: 'pane-meta' });
    this.status = h('span', { class: 'pane-status', role: 'status' });
    this.element = h(
      'header',
      { class: 'pane-header' },
      h(
        'div',
        { class: 'pane-controls' },
        this.picker,
        this.editButton,
        this.status,
        h('span', { class: 'spacer' }),
        reloadButton,
        this.leftButton,
        this.rightButton,
        this.closeButton,
      ),
      this.title,
      this.meta,
    );
  }

  /** The picker's documents and which move/close buttons apply at this place in the row. */
  refresh(docs: DocumentSummary[], docId: string, index: number, count: number): void {
    this.picker.replaceChildren(
      ...docs.map((d) => h('option', { value: d.id, selected: d.id === docId }, pickerLabel(d))),
    );
    this.picker.value = docId;
    this.leftButton.disabled = index === 0;
    this.rightButton.disabled = index === count - 1;
    this.closeButton.disabled = count <= 1;
  }

  showMeta(meta: DocumentMeta): void {
    this.title.textContent = meta.title;
    this.title.title = meta.title;
    const year = yearOf(meta.date);
    const authors = meta.authors.join(', ') || 'Unknown author';
    // A narrow pane leaves the venue out (styles/compare.css); the tooltip keeps it.
    this.meta.replaceChildren(
      h('span', { class: 'pane-authors' }, authors),
      ...(meta.venue
        ? [h('span', { class: 'pane-sep pane-venue-sep' }, ' · '), h('span', { class: 'pane-venue' }, meta.venue)]
        : []),
      ...(year ? [h('span', { class: 'pane-sep' }, ' · '), h('span', { class: 'pane-year' }, year)] : []),
    );
    this.meta.title = [authors, meta.venue, meta.date].filter(Boolean).join(' · ');
  }

  showEditing(on: boolean): void {
    this.editButton.setAttribute('aria-pressed', String(on));
    this.editButton.textContent = on ? 'Done' : 'Edit';
    this.editButton.title = on ? 'Stop editing (Ctrl+E)' : 'Edit this text (Ctrl+E)';
  }

  setStatus(status: SaveStatus): void {
    if (this.status.dataset.status === status) return;
    this.status.textContent = STATUS_TEXT[status];
    this.status.dataset.status = status;
  }
}
