/**
 * .pdf import with pdf.js (legacy build, for Node): the text layer of every page,
 * laid out again by `layoutPages`, and title, authors and date from the PDF's info.
 * An encrypted PDF, a damaged one and one without a text layer (scanned pages) are
 * refused with what to do about it.
 */
import type { Node } from 'prosemirror-model';
import { schema } from '../../../common/schema';
import { layoutPages, type PageText, type Part } from './pdf-layout';
import { partialDate, refuse, splitAuthors, type FoundMeta, type ImportedDocument } from './types';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;
const loadPdfJs = (): Promise<PdfJs> => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

/** Titles that are only an authoring program's file name ("Microsoft Word - draft.docx"). */
const FILE_NAME_TITLE = /^(microsoft word - .*|.*\.(docx?|odt|rtf|tex|pdf|indd))$/i;

function inlineOf(parts: Part[]): Node[] {
  const out: Node[] = [];
  parts.forEach((p, i) => {
    if (typeof p === 'object') out.push(schema.nodes.footnote_ref.create({ label: p.ref }));
    else {
      const text = (i === 0 ? p.trimStart() : p).replace(/\s+/g, ' ');
      const trimmed = i === parts.length - 1 ? text.trimEnd() : text;
      if (trimmed) out.push(schema.text(trimmed));
    }
  });
  return out;
}

function metaOf(info: Record<string, unknown>): FoundMeta {
  const str = (key: string): string | undefined => {
    const v = info[key];
    return typeof v === 'string' && v.trim() ? v.trim() : undefined;
  };
  const title = str('Title');
  const authors = splitAuthors(str('Author'));
  const keywords = str('Keywords');
  const subject = str('Subject');
  const extra: Record<string, unknown> = {};
  if (keywords) extra.keywords = keywords;
  if (subject) extra.subject = subject;
  return {
    title: title && !FILE_NAME_TITLE.test(title) ? title : undefined,
    authors: authors.length ? authors : undefined,
    date: partialDate(str('CreationDate')),
    extra: Object.keys(extra).length ? extra : undefined,
  };
}

/** Reads a PDF's text layer into a document. */
export async function importPdf(bytes: Uint8Array, name: string): Promise<ImportedDocument> {
  const { getDocument } = await loadPdfJs();
  let pdf;
  try {
    pdf = await getDocument({
      data: new Uint8Array(bytes), // pdf.js takes ownership of the buffer
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
      verbosity: 0,
    }).promise;
  } catch (err) {
    const kind = (err as Error).name;
    if (kind === 'PasswordException') {
      throw refuse(name, 'is password-protected (encrypted): remove the password in a PDF reader and import it again.');
    }
    throw refuse(name, `is not a readable PDF (the file is damaged or not a PDF: ${(err as Error).message}).`);
  }
  try {
    const pages: PageText[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const items = content.items.flatMap((item) =>
        'str' in item
          ? [
              {
                str: item.str,
                x: item.transform[4] as number,
                y: item.transform[5] as number,
                width: item.width,
                size: Math.hypot(item.transform[2] as number, item.transform[3] as number) || item.height || 10,
              },
            ]
          : [],
      );
      pages.push({ items, height: page.view[3] - page.view[1] });
      page.cleanup();
    }
    const characters = pages.reduce((sum, p) => sum + p.items.reduce((s, i) => s + i.str.trim().length, 0), 0);
    if (characters < Math.max(1, pages.length * 5)) {
      throw refuse(name, 'has no text layer (its pages are images) — run OCR on it first, then import the result.');
    }
    const layout = layoutPages(pages);
    const blocks = layout.blocks
      .map((b) => {
        const content = inlineOf(b.parts);
        if (!content.length) return undefined;
        return b.kind === 'heading'
          ? schema.nodes.heading.create({ level: b.level ?? 2 }, content)
          : schema.nodes.paragraph.create(null, content);
      })
      .filter((b): b is Node => !!b);
    const notes = layout.notes
      .filter((n) => n.text.trim())
      .map((n) =>
        schema.nodes.footnote.create(
          { label: n.label },
          schema.nodes.paragraph.create(null, schema.text(n.text.trim())),
        ),
      );
    const content = blocks.length ? blocks : [schema.nodes.paragraph.create()];
    if (notes.length) content.push(schema.nodes.notes.create(null, notes));
    const doc = schema.nodes.doc.create(null, content);
    doc.check();
    const { info } = await pdf.getMetadata().catch(() => ({ info: {} }));
    const warnings: string[] = [];
    const { headers, pageNumbers } = layout.removed;
    if (headers || pageNumbers) {
      warnings.push(
        `Removed ${headers} running header/footer line${headers === 1 ? '' : 's'} and ${pageNumbers} page number${pageNumbers === 1 ? '' : 's'}.`,
      );
    }
    return { format: 'pdf', doc, meta: metaOf(info as Record<string, unknown>), warnings };
  } finally {
    await pdf.destroy();
  }
}
