/**
 * Turning files (Markdown with front matter, or plain text) into workspace documents.
 * Rejects what is not text with a message a user can act on.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { parseMarkdownDocument, parsePlainTextDocument } from '../../common/markdown';
import { DocumentMeta, DocumentRecord } from '../../common/model';
import { ParallaxError, describeIssues } from '../../common/api';
import { MAX_SOURCE_BYTES, documentTooLarge, formatMegabytes } from '../../common/limits';
import { decodeText } from './text-decoding';

const KNOWN_FIELDS = new Set(['id', 'title', 'authors', 'author', 'venue', 'date', 'year', 'doi', 'url', 'kind']);

/** A slug usable as a document id. */
export function slugify(value: string): string {
  const slug = value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-._]+|[-._]+$/g, '')
    .slice(0, 120);
  return slug || 'document';
}

/** Refuses a source larger than Parallax opens, before anything is read. */
function checkSize(size: number, name: string): void {
  if (size > MAX_SOURCE_BYTES) {
    throw new ParallaxError(
      'too-large',
      `${name} is ${formatMegabytes(size)}; Parallax opens text files up to ${formatMegabytes(MAX_SOURCE_BYTES)}.`,
    );
  }
}

function asString(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return undefined;
}

function firstHeading(doc: ReturnType<typeof parseMarkdownDocument>['doc']): string | undefined {
  let found: string | undefined;
  doc.descendants((node) => {
    if (found) return false;
    if (node.type.name === 'heading') found = node.textContent.trim() || undefined;
    return !found;
  });
  return found;
}

/** Builds a workspace document from a file's text; the file name gives the fallbacks. */
export function documentFromText(text: string, fileName: string, now = new Date().toISOString()): DocumentRecord {
  const ext = extname(fileName).toLowerCase();
  const stem = basename(fileName, ext);
  let parsed;
  try {
    parsed = ext === '.txt' ? parsePlainTextDocument(text) : parseMarkdownDocument(text);
  } catch (err) {
    throw new ParallaxError('invalid-input', `${fileName}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const fm = parsed.frontMatter;
  const authorsRaw = fm.authors ?? fm.author;
  const authors = (Array.isArray(authorsRaw) ? authorsRaw : authorsRaw === undefined ? [] : [authorsRaw])
    .map(asString)
    .filter((a): a is string => !!a);
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fm)) if (!KNOWN_FIELDS.has(key)) extra[key] = value;
  const metaResult = DocumentMeta.safeParse({
    title: asString(fm.title) ?? firstHeading(parsed.doc) ?? stem,
    authors,
    venue: asString(fm.venue),
    date: asString(fm.date) ?? asString(fm.year),
    doi: asString(fm.doi),
    url: asString(fm.url),
    kind: asString(fm.kind),
    extra: JSON.parse(JSON.stringify(extra)) as Record<string, unknown>,
  });
  if (!metaResult.success) {
    throw new ParallaxError('invalid-input', `${fileName}: front matter ${describeIssues(metaResult.error)}`);
  }
  const doc = parsed.doc.toJSON() as DocumentRecord['doc'];
  // The same limit as a save, so every document Parallax opens can be saved again.
  const tooLarge = documentTooLarge(doc);
  if (tooLarge)
    throw new ParallaxError('too-large', `${basename(fileName)}: ${tooLarge}. Split it into several files.`);
  return {
    id: slugify(asString(fm.id) ?? stem),
    meta: metaResult.data,
    doc,
    revision: 0,
    source: basename(fileName),
    createdAt: now,
    updatedAt: now,
  };
}

/** Reads one .md or .txt file into a workspace document. */
export async function readDocumentFile(path: string): Promise<DocumentRecord> {
  const info = await stat(path).catch(() => {
    throw new ParallaxError('not-found', `No such file: ${path}`);
  });
  if (!info.isFile()) throw new ParallaxError('invalid-input', `${path} is not a file.`);
  checkSize(info.size, basename(path));
  return documentFromText(decodeText(await readFile(path), basename(path)).text, path);
}

/** Reads every .md file of a folder (README.md excepted), sorted by name. */
export async function readDocumentFolder(dir: string): Promise<DocumentRecord[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.md') && n.toLowerCase() !== 'readme.md').sort();
  return Promise.all(names.map((n) => readDocumentFile(join(dir, n))));
}
