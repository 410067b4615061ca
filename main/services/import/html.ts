/**
 * .html import: metadata from <title> and <meta> (Highwire/Google Scholar `citation_*`,
 * Dublin Core, Open Graph, plain `author`), then the markup through sanitize-html (no
 * scripts, styles, event handlers, javascript: URLs, images or other remote loads),
 * then into the shared schema.
 */
import sanitizeHtml from 'sanitize-html';
import { parseDocument, DomUtils } from 'htmlparser2';
import { htmlToDoc } from './html-to-doc';
import { partialDate, splitAuthors, type FoundMeta, type ImportedDocument } from './types';

/** Tags kept: text structure only. Everything else is unwrapped (its text kept) or dropped. */
const ALLOWED_TAGS = [
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
  'code',
  'hr',
  'br',
  'em',
  'i',
  'strong',
  'b',
  'a',
  'sup',
  'sub',
  'cite',
  'kbd',
  'samp',
  'div',
  'section',
  'article',
  'main',
  'aside',
  'figure',
  'figcaption',
  'table',
  'thead',
  'tbody',
  'tr',
  'td',
  'th',
  'caption',
  'dl',
  'dt',
  'dd',
  'span',
];

/** The sanitiser's settings: web and mail links only; ids kept so note links resolve. */
export const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: { a: ['href', 'title', 'id'], li: ['id'], ol: ['start'], '*': ['id'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  // Script and style contents are dropped with their tags, never shown as text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'head', 'title', 'svg', 'math'],
  disallowedTagsMode: 'discard',
};

/** Sanitises untrusted HTML to the tags Parallax keeps. */
export function sanitize(html: string): string {
  return sanitizeHtml(html, SANITIZE_OPTIONS);
}

function metaOf(html: string): FoundMeta {
  const dom = parseDocument(html);
  const metas = DomUtils.getElementsByTagName('meta', dom.children);
  const values = (...names: string[]): string[] =>
    metas
      .filter((m) => names.includes((m.attribs.name ?? m.attribs.property ?? '').toLowerCase()))
      .map((m) => (m.attribs.content ?? '').trim())
      .filter(Boolean);
  const first = (...names: string[]): string | undefined => values(...names)[0];
  const titleEl = DomUtils.getElementsByTagName('title', dom.children)[0];
  const citationAuthors = values('citation_author', 'dc.creator', 'dcterms.creator');
  const authors = citationAuthors.length ? citationAuthors : splitAuthors(first('author', 'article:author'));
  const meta: FoundMeta = {
    title:
      first('citation_title', 'dc.title', 'dcterms.title', 'og:title') ??
      (titleEl ? DomUtils.textContent(titleEl).replace(/\s+/g, ' ').trim() || undefined : undefined),
    authors: authors.length ? authors : undefined,
    venue: first('citation_journal_title', 'citation_conference_title', 'dc.publisher', 'og:site_name'),
    date: partialDate(
      first('citation_publication_date', 'citation_date', 'dc.date', 'dcterms.date', 'article:published_time', 'date'),
    ),
    doi: first('citation_doi', 'dc.identifier')?.replace(/^(doi:|https?:\/\/(dx\.)?doi\.org\/)/i, ''),
  };
  if (meta.doi && !/^10\./.test(meta.doi)) delete meta.doi;
  return meta;
}

/** Reads an HTML page into a document. */
export function importHtml(html: string): ImportedDocument {
  const meta = metaOf(html);
  const doc = htmlToDoc(sanitize(html));
  return { format: 'html', doc, meta, warnings: [] };
}
