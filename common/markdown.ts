/**
 * Reading documents from Markdown (with optional YAML front matter) or plain text
 * into ProseMirror documents of the shared schema.
 *
 * Footnotes use the common `[^label]` syntax: references become `footnote_ref` atoms
 * in the body and definitions are gathered into one `notes` block at the end.
 */
import MarkdownIt from 'markdown-it';
import footnotePlugin from 'markdown-it-footnote';
import { MarkdownParser } from 'prosemirror-markdown';
import type { Node } from 'prosemirror-model';
import { parse as parseYaml } from 'yaml';
import { schema } from './schema';

const tokenizer = MarkdownIt('commonmark', { html: false }).disable('image').use(footnotePlugin);

const parser = new MarkdownParser(schema, tokenizer, {
  blockquote: { block: 'blockquote' },
  paragraph: { block: 'paragraph' },
  list_item: { block: 'list_item' },
  bullet_list: { block: 'bullet_list' },
  ordered_list: {
    block: 'ordered_list',
    getAttrs: (tok) => ({ order: Number(tok.attrGet('start') ?? 1) || 1 }),
  },
  heading: { block: 'heading', getAttrs: (tok) => ({ level: Number(tok.tag.slice(1)) }) },
  code_block: { block: 'code_block', noCloseToken: true },
  fence: { block: 'code_block', noCloseToken: true },
  hr: { node: 'horizontal_rule' },
  hardbreak: { node: 'hard_break' },
  em: { mark: 'em' },
  strong: { mark: 'strong' },
  link: {
    mark: 'link',
    getAttrs: (tok) => ({ href: tok.attrGet('href') ?? '', title: tok.attrGet('title') || null }),
  },
  code_inline: { mark: 'code', noCloseToken: true },
  footnote_ref: {
    node: 'footnote_ref',
    getAttrs: (tok) => ({ label: String(tok.meta?.label ?? Number(tok.meta?.id ?? 0) + 1) }),
  },
  footnote_block: { block: 'notes' },
  footnote: {
    block: 'footnote',
    getAttrs: (tok) => ({ label: String(tok.meta?.label ?? Number(tok.meta?.id ?? 0) + 1) }),
  },
  footnote_anchor: { ignore: true, noCloseToken: true },
});

/** Front matter fields Parallax understands; anything else is kept as extra metadata. */
export interface FrontMatter {
  [key: string]: unknown;
}

/** A document read from source text, before it enters a workspace. */
export interface ParsedSource {
  frontMatter: FrontMatter;
  doc: Node;
}

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Splits YAML front matter from the body. A malformed header is an error, not body text. */
export function splitFrontMatter(source: string): { frontMatter: FrontMatter; body: string } {
  const text = source.replace(/^\uFEFF/, '');
  const match = FRONT_MATTER.exec(text);
  if (!match) return { frontMatter: {}, body: text };
  const data: unknown = parseYaml(match[1]);
  if (data !== null && (typeof data !== 'object' || Array.isArray(data))) {
    throw new Error('front matter must be a YAML mapping of fields');
  }
  return { frontMatter: (data ?? {}) as FrontMatter, body: text.slice(match[0].length) };
}

/** Parses Markdown (with optional front matter) into a document of the shared schema. */
export function parseMarkdownDocument(source: string): ParsedSource {
  const { frontMatter, body } = splitFrontMatter(source);
  const doc = parser.parse(body.trim() === '' ? ' ' : body);
  doc.check();
  return { frontMatter, doc };
}

/** Reads plain text: blank lines separate paragraphs, single newlines are folded to spaces. */
export function parsePlainTextDocument(source: string): ParsedSource {
  const paragraphs = source
    .replace(/^\uFEFF/, '')
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.replace(/\s*\r?\n\s*/g, ' ').trim())
    .filter((p) => p.length > 0);
  const content = (paragraphs.length ? paragraphs : ['']).map((p) =>
    schema.nodes.paragraph.create(null, p ? schema.text(p) : null),
  );
  const doc = schema.nodes.doc.create(null, content);
  doc.check();
  return { frontMatter: {}, doc };
}
