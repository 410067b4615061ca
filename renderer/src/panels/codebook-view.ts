/**
 * The codebook tab: tags as a tree with colour and how often each is used. Add a tag;
 * edit one to rename, recolour, describe or nest it; merge it into another; delete it,
 * choosing what happens to the annotations that use it. Every change can be undone.
 */
import type { CallInput, CallName } from '../../../common/api';
import type { Tag } from '../../../common/model';
import { h } from '../dom';
import type { AnnotationModel } from './annotation-model';

export interface CodebookHost {
  /** Runs a codebook call, reloads the model and reports errors; resolves to success. */
  mutate<K extends CallName>(name: K, input: CallInput<K>): Promise<boolean>;
  /** Lists the annotations of a tag. */
  showTag(id: string): void;
}

export class CodebookView {
  readonly element: HTMLElement;
  private readonly tree: HTMLElement;
  private readonly newName: HTMLInputElement;
  private readonly newParent: HTMLSelectElement;
  private editing?: string;

  constructor(
    private readonly model: AnnotationModel,
    private readonly host: CodebookHost,
  ) {
    this.newName = h('input', {
      type: 'text',
      placeholder: 'New tag name',
      'aria-label': 'New tag name',
      maxlength: '120',
    });
    this.newParent = h('select', { 'aria-label': 'Parent of the new tag' });
    const add = h('button', { type: 'submit', class: 'primary' }, 'Add');
    const form = h('form', { class: 'codebook-new' }, this.newName, this.newParent, add);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.addTag();
    });
    this.tree = h('ul', { class: 'codebook-tree' });
    this.element = h('section', { class: 'codebook', hidden: true }, form, this.tree);
  }

  private parentOptions(select: HTMLSelectElement, value: string | null, exclude?: Set<string>): void {
    select.replaceChildren(
      h('option', { value: '' }, 'Top level'),
      ...this.model
        .tree()
        .filter(({ tag }) => !exclude?.has(tag.id))
        .map(({ tag, depth }) => h('option', { value: tag.id }, `${'\u00a0\u00a0'.repeat(depth)}${tag.name}`)),
    );
    select.value = value ?? '';
  }

  render(): void {
    this.parentOptions(this.newParent, this.newParent.value || null);
    this.tree.replaceChildren(
      ...this.model.tree().map(({ tag, depth }) => this.row(tag, depth)),
      ...(this.model.tags.length ? [] : [h('li', { class: 'muted' }, 'No tags yet: add one above.')]),
    );
  }

  private async addTag(): Promise<void> {
    const name = this.newName.value.trim();
    if (!name) {
      this.newName.focus();
      return;
    }
    if (await this.host.mutate('createTag', { name, parentId: this.newParent.value || null })) {
      this.newName.value = '';
      this.newName.focus();
    }
  }

  private row(tag: Tag, depth: number): HTMLLIElement {
    const uses = this.model.usage[tag.id] ?? 0;
    const colour = h('input', {
      type: 'color',
      value: tag.color,
      'aria-label': `Colour of ${tag.name}`,
      class: 'tag-colour',
    });
    colour.addEventListener('change', () => void this.host.mutate('updateTag', { id: tag.id, color: colour.value }));
    const name = h(
      'button',
      { type: 'button', class: 'tag-name', title: tag.description || 'Show its annotations' },
      tag.name,
    );
    name.addEventListener('click', () => this.host.showTag(tag.id));
    const edit = h(
      'button',
      { type: 'button', class: 'tag-edit', 'aria-expanded': String(this.editing === tag.id) },
      'Edit',
    );
    edit.addEventListener('click', () => {
      this.editing = this.editing === tag.id ? undefined : tag.id;
      this.render();
    });
    const li = h(
      'li',
      { class: 'codebook-row', 'data-tag': tag.id, style: `--depth:${depth}` },
      h(
        'div',
        { class: 'codebook-line' },
        colour,
        name,
        h('span', { class: 'tag-uses', title: 'Annotations' }, String(uses)),
        edit,
      ),
    );
    if (this.editing === tag.id) li.append(this.editor(tag, uses));
    return li;
  }

  private editor(tag: Tag, uses: number): HTMLElement {
    const name = h('input', { type: 'text', value: tag.name, 'aria-label': 'Name', maxlength: '120' });
    const description = h('textarea', { rows: '2', 'aria-label': 'Description', placeholder: 'What this code means' });
    description.value = tag.description;
    const parent = h('select', { 'aria-label': 'Parent tag' });
    this.parentOptions(parent, tag.parentId, this.model.withDescendants(tag.id));
    const save = h('button', { type: 'submit', class: 'primary' }, 'Save');
    const form = h(
      'form',
      { class: 'tag-editor' },
      h('label', {}, 'Name ', name),
      h('label', {}, 'Inside ', parent),
      h('label', {}, 'Description ', description),
      h('div', { class: 'dialog-actions' }, save),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.host
        .mutate('updateTag', {
          id: tag.id,
          name: name.value,
          description: description.value,
          parentId: parent.value || null,
        })
        .then((ok) => {
          if (ok) this.editing = undefined;
          this.render();
        });
    });

    const others = this.model.tree().filter(({ tag: t }) => t.id !== tag.id);
    const target = h(
      'select',
      { 'aria-label': 'Tag to merge into' },
      ...others.map(({ tag: t, depth }) => h('option', { value: t.id }, `${'\u00a0\u00a0'.repeat(depth)}${t.name}`)),
    );
    const merge = h('button', { type: 'button' }, 'Merge');
    merge.addEventListener('click', () => {
      if (!target.value) return;
      this.editing = undefined;
      void this.host.mutate('mergeTags', { from: [tag.id], into: target.value });
    });

    const choice = h('select', { 'aria-label': 'What happens to its annotations', class: 'delete-choice' });
    choice.append(
      h('option', { value: 'untag' }, `Remove the tag from its ${uses} annotation${uses === 1 ? '' : 's'}`),
      h('option', { value: 'delete' }, `Delete its ${uses} annotation${uses === 1 ? '' : 's'}`),
      ...(others.length ? [h('option', { value: 'move' }, 'Move its annotations to the tag chosen above')] : []),
    );
    const remove = h('button', { type: 'button', class: 'danger' }, 'Delete tag');
    remove.addEventListener('click', () => {
      const annotations = (uses ? choice.value : 'untag') as 'untag' | 'delete' | 'move';
      this.editing = undefined;
      void this.host.mutate('deleteTag', {
        id: tag.id,
        annotations,
        ...(annotations === 'move' ? { moveTo: target.value } : {}),
      });
    });

    return h(
      'div',
      { class: 'tag-edit-panel' },
      form,
      others.length ? h('div', { class: 'tag-merge' }, 'Merge into ', target, merge) : undefined,
      h(
        'div',
        { class: 'tag-delete' },
        uses ? h('label', {}, `${uses} annotation${uses === 1 ? ' uses' : 's use'} this tag: `, choice) : undefined,
        remove,
      ),
    );
  }
}
