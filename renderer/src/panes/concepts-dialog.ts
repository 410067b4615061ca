/**
 * The workspace's concept lexicon: names that mean the same thing for the question
 * at hand ("Japan: Tokyo; the Kishida administration"). One concept per line; the
 * defaults that ship with Parallax are listed for reference and always apply.
 */
import { call } from '../bridge';
import { h } from '../dom';
import type { Notices } from '../notices';
import { formatConcepts, parseConcepts } from './concepts-text';

export class ConceptsDialog {
  readonly element: HTMLDialogElement;
  private readonly text: HTMLTextAreaElement;
  private readonly error: HTMLElement;
  private readonly defaults: HTMLElement;

  constructor(private readonly notices: Notices) {
    this.text = h('textarea', {
      class: 'concepts-text',
      rows: '12',
      spellcheck: 'false',
      'aria-label': 'Concepts of this workspace, one per line',
      placeholder: 'Japan: Tokyo; the Kishida administration\nKuril Islands: Northern Territories; Southern Kurils',
    });
    this.error = h('p', { class: 'concepts-error', role: 'alert' });
    this.defaults = h('ul', { class: 'concepts-defaults' });
    const save = h('button', { type: 'submit', class: 'primary' }, 'Save');
    const cancel = h('button', { type: 'button' }, 'Cancel');
    cancel.addEventListener('click', () => this.element.close());
    const form = h(
      'form',
      { method: 'dialog' },
      h('h2', {}, 'Concepts'),
      h(
        'p',
        { class: 'concepts-help' },
        'Names that mean the same thing for your question. One concept per line: the name, a colon, then its other forms separated by semicolons. Align treats them as one term; run Align again after a change.',
      ),
      this.text,
      this.error,
      h('details', {}, h('summary', {}, 'Built-in concepts (always used)'), this.defaults),
      h('div', { class: 'dialog-actions' }, cancel, save),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.save();
    });
    this.text.addEventListener('keydown', (event) => {
      if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
        event.preventDefault();
        void this.save();
      }
    });
    this.element = h('dialog', { class: 'concepts-dialog', 'aria-label': 'Concepts' }, form);
  }

  async open(): Promise<void> {
    try {
      const { defaults, custom } = await call('getConcepts', {});
      this.text.value = formatConcepts(custom);
      this.defaults.replaceChildren(
        ...defaults.map((c) => h('li', {}, h('strong', {}, c.label), `: ${c.forms.join('; ')}`)),
      );
      this.error.textContent = '';
      if (!this.element.open) this.element.showModal();
      this.text.focus();
    } catch (err) {
      this.notices.show(`Concepts could not be loaded: ${(err as Error).message}`, 'error');
    }
  }

  private async save(): Promise<void> {
    const parsed = parseConcepts(this.text.value);
    if ('error' in parsed) {
      this.error.textContent = parsed.error;
      return;
    }
    try {
      const { custom } = await call('saveConcepts', { custom: parsed.concepts });
      this.element.close();
      this.notices.show(`${custom.length} concept${custom.length === 1 ? '' : 's'} saved. Run Align to use them.`);
    } catch (err) {
      this.error.textContent = (err as Error).message;
    }
  }
}
