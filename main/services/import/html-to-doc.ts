/**
 * Sanitised HTML (from an .html file or from mammoth's rendering of a .docx) to a
 * document of the shared schema: headings, paragraphs, lists, quotes, code, emphasis
 * and web links; footnotes (an `<a href="#fn1">` pointing at a list item of a notes
 * list, as pandoc, mammoth and most CMSs write them) become note markers and notes.
 */
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import type { Mark, Node } from 'prosemirror-model';
import { schema } from '../../../common/schema';

/** Ids of notes as HTML exporters write them: fn1, footnote-1, endnote_2, note3, fn:1… */
const NOTE_ID = /^(?:fn|footnote|endnote|note|en)[-_:]?(?:\d+|[a-z]+\d*)$/i;
/** Back-links from a note to its marker ("↩", "↑", "^"), dropped from the note's text. */
const BACK_LINK = /^#?(?:fnref|footnote-ref|endnote-ref|noteref|ref)[-_:]?/i;

const BLOCK_TAGS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'pre',
  'hr',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'nav',
  'figure',
  'figcaption',
  'table',
  'thead',
  'tbody',
  'tr',
  'td',
  'th',
  'dl',
  'dt',
  'dd',
  'body',
  'html',
  'caption',
  'address',
  'details',
  'summary',
]);

interface Context {
  /** Note ids (without '#') to their labels, in order of first reference. */
  labels: Map<string, string>;
  /** The list items holding the notes, by id. */
  noteItems: Map<string, Element>;
  /** Ids of the markers that point at notes: a link to one of them is a note's back-link. */
  markerIds: Set<string>;
}

const isElement = (n: ChildNode): n is Element => n.type === 'tag' || n.type === 'script' || n.type === 'style';

function textContent(node: ChildNode): string {
  if (node.type === 'text') return node.data;
  if (isElement(node)) return node.children.map(textContent).join('');
  return '';
}

function collectNotes(root: ChildNode[], ctx: Context): void {
  const visit = (nodes: ChildNode[], each: (n: Element) => void): void => {
    for (const n of nodes) {
      if (!isElement(n)) continue;
      each(n);
      visit(n.children, each);
    }
  };
  visit(root, (n) => {
    if (n.name === 'li' && n.attribs.id && NOTE_ID.test(n.attribs.id)) ctx.noteItems.set(n.attribs.id, n);
  });
  visit(root, (n) => {
    const href = n.attribs.href ?? '';
    if (n.name === 'a' && n.attribs.id && href.startsWith('#') && ctx.noteItems.has(href.slice(1))) {
      ctx.markerIds.add(n.attribs.id);
    }
  });
}

function safeHref(href: string | undefined): string | undefined {
  if (!href) return undefined;
  return /^(https?:|mailto:)/i.test(href.trim()) ? href.trim() : undefined;
}

/** Builds blocks from a list of HTML nodes, gathering loose inline content into paragraphs. */
class BlockBuilder {
  readonly blocks: Node[] = [];
  private inline: Node[] = [];

  constructor(private readonly ctx: Context) {}

  private flush(): void {
    const content = trimInline(this.inline);
    this.inline = [];
    if (content.length) this.blocks.push(schema.nodes.paragraph.create(null, content));
  }

  add(nodes: ChildNode[]): this {
    for (const n of nodes) this.addOne(n);
    this.flush();
    return this;
  }

  private addOne(n: ChildNode): void {
    if (n.type === 'text') {
      this.inline.push(...inlineOf([n], [], this.ctx));
      return;
    }
    if (!isElement(n) || n.type !== 'tag') return;
    if (n.attribs.id && this.ctx.noteItems.has(n.attribs.id)) return; // gathered into the notes
    if (!BLOCK_TAGS.has(n.name)) {
      this.inline.push(...inlineOf([n], [], this.ctx));
      return;
    }
    this.flush();
    const heading = /^h([1-6])$/.exec(n.name);
    if (heading) {
      const content = trimInline(inlineOf(n.children, [], this.ctx));
      if (content.length) this.blocks.push(schema.nodes.heading.create({ level: Number(heading[1]) }, content));
    } else if (n.name === 'p' || n.name === 'dt' || n.name === 'figcaption' || n.name === 'caption') {
      this.inline.push(...inlineOf(n.children, [], this.ctx));
      this.flush();
    } else if (n.name === 'ul' || n.name === 'ol') {
      const items = n.children
        .filter((c): c is Element => isElement(c) && c.name === 'li' && !this.ctx.noteItems.has(c.attribs.id ?? ''))
        .map((li) => listItem(new BlockBuilder(this.ctx).add(li.children).blocks))
        .filter((li): li is Node => !!li);
      if (items.length === 0) return;
      if (n.name === 'ul') this.blocks.push(schema.nodes.bullet_list.create(null, items));
      else this.blocks.push(schema.nodes.ordered_list.create({ order: Number(n.attribs.start ?? 1) || 1 }, items));
    } else if (n.name === 'blockquote') {
      const inner = new BlockBuilder(this.ctx).add(n.children).blocks;
      if (inner.length) this.blocks.push(schema.nodes.blockquote.create(null, inner));
    } else if (n.name === 'pre') {
      const text = textContent(n).replace(/\r\n?/g, '\n').replace(/\n+$/, '');
      if (text) this.blocks.push(schema.nodes.code_block.create(null, schema.text(text)));
    } else if (n.name === 'hr') {
      this.blocks.push(schema.nodes.horizontal_rule.create());
    } else if (n.name === 'tr') {
      // A table row reads as one paragraph, cells separated by " | ".
      const cells = n.children.filter(isElement).map((c) => trimInline(inlineOf(c.children, [], this.ctx)));
      const content: Node[] = [];
      cells.filter((c) => c.length).forEach((c, i) => content.push(...(i ? [schema.text(' | ')] : []), ...c));
      if (content.length) this.blocks.push(schema.nodes.paragraph.create(null, content));
    } else {
      this.blocks.push(...new BlockBuilder(this.ctx).add(n.children).blocks);
    }
  }
}

/** A list item needs a paragraph first; other blocks may follow. */
function listItem(blocks: Node[]): Node | undefined {
  if (blocks.length === 0) return undefined;
  const content = blocks[0].type === schema.nodes.paragraph ? blocks : [schema.nodes.paragraph.create(), ...blocks];
  return schema.nodes.list_item.create(null, content);
}

function inlineOf(nodes: ChildNode[], marks: readonly Mark[], ctx: Context): Node[] {
  const out: Node[] = [];
  for (const n of nodes) {
    if (n.type === 'text') {
      const text = n.data.replace(/\s+/g, ' ');
      if (text) out.push(schema.text(text, marks));
      continue;
    }
    if (!isElement(n) || n.type !== 'tag') continue;
    const name = n.name;
    if (name === 'br') {
      out.push(schema.nodes.hard_break.create());
      continue;
    }
    if (name === 'a') {
      const href = n.attribs.href ?? '';
      const target = href.startsWith('#') ? href.slice(1) : '';
      if (target && ctx.noteItems.has(target)) {
        if (!ctx.labels.has(target)) ctx.labels.set(target, String(ctx.labels.size + 1));
        out.push(schema.nodes.footnote_ref.create({ label: ctx.labels.get(target) }));
        continue;
      }
      if (BACK_LINK.test(href) || (target && ctx.markerIds.has(target))) continue;
      const web = safeHref(href);
      const linkMarks = web
        ? schema.marks.link.create({ href: web, title: n.attribs.title ?? null }).addToSet(marks)
        : marks;
      out.push(...inlineOf(n.children, linkMarks, ctx));
      continue;
    }
    if (name === 'sup' && n.children.length === 1 && isElement(n.children[0]) && n.children[0].name === 'a') {
      const href = n.children[0].attribs.href ?? '';
      if (href.startsWith('#') && ctx.noteItems.has(href.slice(1))) {
        out.push(...inlineOf(n.children, marks, ctx));
        continue;
      }
    }
    let inner = marks;
    if (name === 'em' || name === 'i' || name === 'cite') inner = schema.marks.em.create().addToSet(marks);
    else if (name === 'strong' || name === 'b') inner = schema.marks.strong.create().addToSet(marks);
    else if (name === 'code' || name === 'kbd' || name === 'samp') inner = schema.marks.code.create().addToSet(marks);
    out.push(...inlineOf(n.children, inner, ctx));
  }
  return out;
}

/** Collapses spaces at the edges of a paragraph and around line breaks. */
function trimInline(nodes: Node[]): Node[] {
  const out: Node[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (node.isText && last?.isText && last.sameMarkup(node)) {
      out[out.length - 1] = schema.text(last.text! + node.text!, last.marks);
    } else out.push(node);
  }
  const edit = (i: number, fn: (t: string) => string): void => {
    const n = out[i];
    if (!n?.isText) return;
    const text = fn(n.text!);
    if (text) out[i] = schema.text(text, n.marks);
    else out.splice(i, 1);
  };
  edit(0, (t) => t.replace(/^\s+/, ''));
  edit(out.length - 1, (t) => t.replace(/\s+$/, ''));
  for (let i = 0; i < out.length; i++) {
    if (out[i].type === schema.nodes.hard_break) {
      edit(i + 1, (t) => t.replace(/^\s+/, ''));
      edit(i - 1, (t) => t.replace(/\s+$/, ''));
    }
  }
  for (let i = 1; i < out.length; i++) {
    if (out[i - 1].isText && out[i].isText && /\s$/.test(out[i - 1].text!) && /^\s/.test(out[i].text!)) {
      edit(i, (t) => t.replace(/^\s+/, ''));
    }
  }
  return out;
}

/** Converts sanitised HTML to a document; throws when it holds no text. */
export function htmlToDoc(html: string): Node {
  const dom = parseDocument(html, { decodeEntities: true });
  const ctx: Context = { labels: new Map(), noteItems: new Map(), markerIds: new Set() };
  collectNotes(dom.children, ctx);
  const body = new BlockBuilder(ctx).add(dom.children).blocks;
  // Notes in the order they are referred to, then any never referred to.
  const ordered = [...ctx.labels.keys(), ...[...ctx.noteItems.keys()].filter((id) => !ctx.labels.has(id))];
  const notes: Node[] = [];
  for (const id of ordered) {
    const label = ctx.labels.get(id) ?? String(ctx.labels.size + notes.length + 1);
    const blocks = new BlockBuilder(ctx).add(ctx.noteItems.get(id)!.children).blocks;
    const paragraphs = blocks.filter((b) => b.type === schema.nodes.paragraph);
    if (paragraphs.length) notes.push(schema.nodes.footnote.create({ label }, paragraphs));
  }
  const content = body.length ? body : [schema.nodes.paragraph.create()];
  if (notes.length) content.push(schema.nodes.notes.create(null, notes));
  const doc = schema.nodes.doc.create(null, content);
  doc.check();
  return doc;
}
