/**
 * .docx import with mammoth (headings, lists, emphasis, links, footnotes and endnotes
 * as notes), after checking the zip itself: a damaged file or a zip bomb (entries that
 * inflate far beyond the file) is refused before anything is inflated. Title, authors
 * and date come from the document's core properties (docProps/core.xml).
 */
import { unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { htmlToDoc } from './html-to-doc';
import { sanitize } from './html';
import { partialDate, refuse, splitAuthors, type FoundMeta, type ImportedDocument } from './types';

/** Most a .docx may inflate to in total. */
export const MAX_DOCX_INFLATED_BYTES = 300 * 1024 * 1024;
/** Highest compression ratio of a large entry (text XML compresses about 10:1; bombs reach 1000:1). */
export const MAX_DOCX_RATIO = 200;

interface Entry {
  name: string;
  size: number;
  originalSize: number;
}

/** Lists a zip's entries from its directory without inflating them; refuses a damaged or bomb-like zip. */
function entriesOf(bytes: Uint8Array, name: string): Entry[] {
  const entries: Entry[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        entries.push({ name: file.name, size: file.size, originalSize: file.originalSize });
        return false;
      },
    });
  } catch {
    throw refuse(name, 'is not a valid Word document (the file is damaged or not a .docx).');
  }
  const total = entries.reduce((sum, e) => sum + e.originalSize, 0);
  const bomb = entries.find(
    (e) => e.originalSize > 10 * 1024 * 1024 && e.originalSize / Math.max(1, e.size) > MAX_DOCX_RATIO,
  );
  if (total > MAX_DOCX_INFLATED_BYTES || bomb) {
    throw refuse(
      name,
      `was refused: it would unpack to ${(total / 1048576).toFixed(0)} MB (a "zip bomb"), far more than a Word document holds.`,
    );
  }
  if (!entries.some((e) => e.name === 'word/document.xml')) {
    throw refuse(name, 'is not a Word document (.docx): it has no word/document.xml.');
  }
  return entries;
}

function xmlText(xml: string, tag: string): string | undefined {
  const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`).exec(xml);
  if (!m) return undefined;
  const text = m[1]
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
  return text || undefined;
}

function coreProperties(bytes: Uint8Array): FoundMeta {
  let xml = '';
  try {
    const files = unzipSync(bytes, { filter: (f) => f.name === 'docProps/core.xml' && f.originalSize < 1024 * 1024 });
    const core = files['docProps/core.xml'];
    if (core) xml = new TextDecoder().decode(core);
  } catch {
    return {};
  }
  if (!xml) return {};
  const authors = splitAuthors(xmlText(xml, 'dc:creator'));
  const keywords = xmlText(xml, 'cp:keywords');
  return {
    title: xmlText(xml, 'dc:title'),
    authors: authors.length ? authors : undefined,
    date: partialDate(xmlText(xml, 'dcterms:created')),
    extra: keywords ? { keywords } : undefined,
  };
}

/** Reads a .docx into a document. */
export async function importDocx(bytes: Uint8Array, name: string): Promise<ImportedDocument> {
  entriesOf(bytes, name);
  let result;
  try {
    result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  } catch (err) {
    throw refuse(name, `could not be read as a Word document (${(err as Error).message}).`);
  }
  const doc = htmlToDoc(sanitize(result.value));
  const warnings = result.messages
    .filter((m) => m.type === 'error')
    .slice(0, 3)
    .map((m) => m.message);
  return { format: 'docx', doc, meta: coreProperties(bytes), warnings };
}
