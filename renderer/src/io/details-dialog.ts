/**
 * The short dialog for a document's details — title, authors, venue, date — shown when
 * a file is imported (prefilled with what the file gave, the rest marked to check) and
 * from Document Details… later. When the file is probably a document already in the
 * workspace, it offers to replace that one.
 */
import type { DocumentMeta } from '../../../common/model';
import { h } from '../dom';

export interface DetailsRequest {
  heading: string;
  /** A line under the heading (file name, size, what was found). */
  info?: string;
  warnings?: string[];
  meta: DocumentMeta;
  /** Fields the file gave; the others are highlighted for the analyst to check. */
  found?: string[];
  /** Documents this one may be again: offer to replace one of them. */
  matches?: { id: string; title: string }[];
  confirm: string;
}

export interface DetailsAnswer {
  meta: DocumentMeta;
  /** The document to replace, when the analyst chose to. */
  replace?: string;
}

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** Authors typed one per line or separated by semicolons. */
export function parseAuthors(text: string): string[] {
  return text
    .split(/\n|;/)
    .map((a) => a.trim())
    .filter(Boolean);
}

export class DetailsDialog {
  readonly element: HTMLDialogElement;
  private readonly heading = h('h2', {});
  private readonly info = h('p', { class: 'details-info' });
  private readonly warnings = h('ul', { class: 'details-warnings' });
  private readonly title = h('input', { type: 'text', name: 'title', required: true, maxlength: '500' });
  private readonly authors = h('textarea', {
    name: 'authors',
    rows: '2',
    placeholder: 'One per line, or separated by ;',
  });
  private readonly venue = h('input', { type: 'text', name: 'venue', maxlength: '500' });
  private readonly date = h('input', {
    type: 'text',
    name: 'date',
    placeholder: 'YYYY, YYYY-MM or YYYY-MM-DD',
    maxlength: '10',
  });
  private readonly replaceBox = h('fieldset', { class: 'details-replace' });
  private readonly error = h('p', { class: 'io-error', role: 'alert' });
  private readonly confirmButton = h('button', { type: 'submit', class: 'primary' }, 'Import');
  private request?: DetailsRequest;
  private resolve?: (answer: DetailsAnswer | undefined) => void;

  constructor() {
    const cancel = h('button', { type: 'button' }, 'Cancel');
    cancel.addEventListener('click', () => this.finish(undefined));
    const field = (label: string, input: HTMLElement) =>
      h('label', { class: 'details-field' }, h('span', {}, label), input);
    const form = h(
      'form',
      { method: 'dialog' },
      this.heading,
      this.info,
      this.warnings,
      this.replaceBox,
      field('Title', this.title),
      field('Authors', this.authors),
      field('Venue', this.venue),
      field('Date', this.date),
      this.error,
      h('div', { class: 'dialog-actions' }, cancel, this.confirmButton),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
    form.addEventListener('keydown', (event) => {
      if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
        event.preventDefault();
        this.submit();
      }
    });
    this.element = h('dialog', { class: 'io-dialog details-dialog', 'aria-label': 'Document details' }, form);
    this.element.addEventListener('cancel', (event) => {
      event.preventDefault();
      this.finish(undefined);
    });
  }

  /** Shows the dialog; resolves with the confirmed details, or undefined when cancelled. */
  ask(request: DetailsRequest): Promise<DetailsAnswer | undefined> {
    this.finish(undefined);
    this.request = request;
    this.heading.textContent = request.heading;
    this.info.textContent = request.info ?? '';
    this.warnings.replaceChildren(...(request.warnings ?? []).map((w) => h('li', {}, w)));
    const m = request.meta;
    this.title.value = m.title;
    this.authors.value = m.authors.join('\n');
    this.venue.value = m.venue ?? '';
    this.date.value = m.date ?? '';
    const found = new Set(request.found ?? ['title', 'authors', 'venue', 'date']);
    for (const [name, input] of [
      ['title', this.title],
      ['authors', this.authors],
      ['venue', this.venue],
      ['date', this.date],
    ] as const) {
      input.classList.toggle('to-check', !found.has(name));
      input.title = found.has(name) ? 'Read from the file' : 'Not found in the file: please check';
    }
    const matches = request.matches ?? [];
    this.replaceBox.hidden = matches.length === 0;
    this.replaceBox.replaceChildren(
      h('legend', {}, 'This looks like a document already in the workspace'),
      ...matches.map((match, i) =>
        h(
          'label',
          {},
          h('input', { type: 'radio', name: 'replace', value: match.id, checked: i === 0 }),
          ` Replace “${match.title}” (its annotations and links are found again in the new text)`,
        ),
      ),
      h('label', {}, h('input', { type: 'radio', name: 'replace', value: '' }), ' Add it as another document'),
    );
    this.confirmButton.textContent = request.confirm;
    this.error.textContent = '';
    if (!this.element.open) this.element.showModal();
    this.title.focus();
    this.title.select();
    return new Promise((resolve) => (this.resolve = resolve));
  }

  private submit(): void {
    if (!this.request) return;
    const title = this.title.value.trim();
    const date = this.date.value.trim();
    if (!title) {
      this.error.textContent = 'A document needs a title.';
      this.title.focus();
      return;
    }
    if (date && !DATE.test(date)) {
      this.error.textContent = 'Write the date as YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2023-04).';
      this.date.focus();
      return;
    }
    const meta: DocumentMeta = {
      ...this.request.meta,
      title,
      authors: parseAuthors(this.authors.value),
      venue: this.venue.value.trim() || undefined,
      date: date || undefined,
    };
    const chosen = this.replaceBox.querySelector<HTMLInputElement>('input[name="replace"]:checked');
    this.finish({ meta, replace: !this.replaceBox.hidden && chosen?.value ? chosen.value : undefined });
  }

  /** Shows an error from the service under the fields, keeping the dialog open. */
  showError(message: string): void {
    this.error.textContent = message;
  }

  private finish(answer: DetailsAnswer | undefined): void {
    const resolve = this.resolve;
    this.resolve = undefined;
    if (this.element.open) this.element.close();
    resolve?.(answer);
  }
}
