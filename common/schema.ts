/**
 * The one ProseMirror schema every pane, the services and the CLI share.
 *
 * Pure: prosemirror-model has no DOM dependency, so main (plain Node) uses the same
 * schema to validate saved documents and to compute plain text.
 */
import { Schema, type NodeSpec, type MarkSpec } from 'prosemirror-model';

const nodes: Record<string, NodeSpec> = {
  doc: { content: 'block+ notes?' },
  paragraph: {
    content: 'inline*',
    group: 'block',
    parseDOM: [{ tag: 'p' }],
    toDOM: () => ['p', 0],
  },
  heading: {
    attrs: { level: { default: 2, validate: 'number' } },
    content: 'inline*',
    group: 'block',
    defining: true,
    parseDOM: [1, 2, 3, 4, 5, 6].map((level) => ({ tag: `h${level}`, attrs: { level } })),
    toDOM: (node) => [`h${node.attrs.level}`, 0],
  },
  blockquote: {
    content: 'block+',
    group: 'block',
    defining: true,
    parseDOM: [{ tag: 'blockquote' }],
    toDOM: () => ['blockquote', 0],
  },
  code_block: {
    content: 'text*',
    marks: '',
    group: 'block',
    code: true,
    defining: true,
    parseDOM: [{ tag: 'pre', preserveWhitespace: 'full' }],
    toDOM: () => ['pre', ['code', 0]],
  },
  horizontal_rule: {
    group: 'block',
    parseDOM: [{ tag: 'hr' }],
    toDOM: () => ['hr'],
  },
  bullet_list: {
    content: 'list_item+',
    group: 'block',
    parseDOM: [{ tag: 'ul' }],
    toDOM: () => ['ul', 0],
  },
  ordered_list: {
    attrs: { order: { default: 1, validate: 'number' } },
    content: 'list_item+',
    group: 'block',
    parseDOM: [
      {
        tag: 'ol',
        getAttrs: (dom) => ({ order: Number(dom.getAttribute('start') ?? 1) }),
      },
    ],
    toDOM: (node) => (node.attrs.order === 1 ? ['ol', 0] : ['ol', { start: node.attrs.order }, 0]),
  },
  list_item: {
    content: 'paragraph block*',
    defining: true,
    parseDOM: [{ tag: 'li' }],
    toDOM: () => ['li', 0],
  },
  /** The article's numbered notes, kept after the body (never mixed into paragraphs). */
  notes: {
    content: 'footnote+',
    isolating: true,
    toDOM: () => ['section', { class: 'pm-notes', 'aria-label': 'Notes' }, ['ol', 0]],
    parseDOM: [{ tag: 'section.pm-notes' }],
  },
  footnote: {
    attrs: { label: { default: '', validate: 'string' } },
    content: 'paragraph+',
    isolating: true,
    toDOM: (node) => [
      'li',
      { class: 'pm-footnote', 'data-label': node.attrs.label, value: noteNumber(node.attrs.label) },
      0,
    ],
    parseDOM: [
      {
        tag: 'li.pm-footnote',
        getAttrs: (dom) => ({ label: dom.dataset.label ?? '' }),
      },
    ],
  },
  /** A superscript marker in the body that points at a note by its label. */
  footnote_ref: {
    attrs: { label: { default: '', validate: 'string' } },
    inline: true,
    group: 'inline',
    atom: true,
    selectable: false,
    toDOM: (node) => [
      'sup',
      { class: 'pm-fnref', 'data-label': node.attrs.label, title: `Note ${node.attrs.label}` },
      node.attrs.label,
    ],
    parseDOM: [
      {
        tag: 'sup.pm-fnref',
        getAttrs: (dom) => ({ label: dom.dataset.label ?? '' }),
      },
    ],
  },
  text: { group: 'inline' },
  hard_break: {
    inline: true,
    group: 'inline',
    selectable: false,
    parseDOM: [{ tag: 'br' }],
    toDOM: () => ['br'],
  },
};

const marks: Record<string, MarkSpec> = {
  em: {
    parseDOM: [{ tag: 'i' }, { tag: 'em' }, { style: 'font-style=italic' }],
    toDOM: () => ['em', 0],
  },
  strong: {
    parseDOM: [{ tag: 'strong' }, { tag: 'b' }],
    toDOM: () => ['strong', 0],
  },
  link: {
    attrs: { href: { validate: 'string' }, title: { default: null } },
    inclusive: false,
    parseDOM: [
      {
        tag: 'a[href]',
        getAttrs: (dom) => ({
          href: dom.getAttribute('href'),
          title: dom.getAttribute('title'),
        }),
      },
    ],
    toDOM: (mark) => [
      'a',
      { href: mark.attrs.href, title: mark.attrs.title ?? mark.attrs.href, rel: 'noopener noreferrer' },
      0,
    ],
  },
  code: {
    parseDOM: [{ tag: 'code' }],
    toDOM: () => ['code', 0],
  },
};

function noteNumber(label: string): number | undefined {
  return /^\d+$/.test(label) ? Number(label) : undefined;
}

/** The schema of every Parallax document. */
export const schema = new Schema({ nodes, marks });
