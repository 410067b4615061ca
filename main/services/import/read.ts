/**
 * One entry for every file an analyst brings in: picks the importer by extension,
 * checks size, emptiness and that the bytes are what the name says, and returns the
 * document with the metadata found in the file.
 */
import { extname } from 'node:path';
import { documentFromText } from '../sources';
import { storableDocument } from '../storable-document';
import { decodeText } from '../text-decoding';
import { schema } from '../../../common/schema';
import { plainTextOf } from '../../../common/plaintext';
import { importDocx } from './docx';
import { importHtml } from './html';
import { importPdf } from './pdf';
import { IMPORT_FORMATS, MAX_IMPORT_BYTES, refuse, type ImportFormat, type ImportedDocument } from './types';

const EXTENSIONS: Record<string, ImportFormat> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.docx': 'docx',
  '.pdf': 'pdf',
};

/** The import format of a file name, or undefined when Parallax does not import it. */
export function formatOf(name: string): ImportFormat | undefined {
  return EXTENSIONS[extname(name).toLowerCase()];
}

const startsWith = (bytes: Uint8Array, magic: string): boolean =>
  bytes.length >= magic.length && [...magic].every((c, i) => bytes[i] === c.charCodeAt(0));

/** What a file really is, from its first bytes, when it is not text. */
function binaryKind(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, '%PDF')) return 'a PDF';
  if (startsWith(bytes, 'PK\u0003\u0004')) return 'a zip archive (e.g. a Word document)';
  if (startsWith(bytes, '\u0089PNG') || startsWith(bytes, '\u00ff\u00d8\u00ff') || startsWith(bytes, 'GIF8'))
    return 'an image';
  if (startsWith(bytes, '\u00d0\u00cf\u0011\u00e0')) return 'an old Word (.doc) or Office file';
  return undefined;
}

/** Reads the bytes of a file named `name` into a document; throws a clear error for anything it cannot import. */
export async function readImport(bytes: Uint8Array, name: string): Promise<ImportedDocument> {
  const format = formatOf(name);
  if (!format) {
    const ext = extname(name) || 'without an extension';
    throw refuse(
      name,
      `cannot be imported: Parallax imports ${IMPORT_FORMATS.map((f) => `.${f}`).join(', ')} files, and this one is ${ext.startsWith('.') ? `a ${ext} file` : ext}.`,
    );
  }
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw refuse(
      name,
      `is ${(bytes.length / 1048576).toFixed(1)} MB; Parallax imports files up to ${MAX_IMPORT_BYTES / 1048576} MB.`,
    );
  }
  if (bytes.length === 0) throw refuse(name, 'is empty: there is no text to import.');
  let imported: ImportedDocument;
  if (format === 'pdf') {
    if (!binaryKind(bytes.subarray(0, 8))?.startsWith('a PDF'))
      throw refuse(name, 'is not a PDF (it does not start with %PDF).');
    imported = await importPdf(bytes, name);
  } else if (format === 'docx') {
    if (!startsWith(bytes, 'PK\u0003\u0004'))
      throw refuse(name, 'is not a Word document (.docx): it is not a zip file.');
    imported = await importDocx(bytes, name);
  } else {
    const kind = binaryKind(bytes);
    if (kind) throw refuse(name, `is not a text file: it is ${kind} renamed to ${extname(name)}.`);
    const text = decodeText(bytes, name).text;
    if (format === 'html') imported = importHtml(text);
    else {
      const record = documentFromText(text, name);
      const fm = record.meta;
      imported = {
        format,
        doc: schema.nodeFromJSON(record.doc),
        meta: { ...fm, extra: Object.keys(fm.extra).length ? fm.extra : undefined },
        warnings: [],
      };
      // The file name is only a fallback title: the dialog should not present it as found.
      if (fm.title === name.replace(/\.[^.]+$/, '')) delete imported.meta.title;
    }
  }
  if (plainTextOf(imported.doc).text.trim() === '') throw refuse(name, 'has no text to import (it is empty).');
  // The limits of a save, so what is imported can be saved and exported again.
  const storable = storableDocument(imported.doc, name);
  if (storable.removed) {
    const n = storable.removed;
    imported = {
      ...imported,
      doc: storable.doc,
      warnings: [
        ...imported.warnings,
        `${n} control character${n === 1 ? '' : 's'} that no export format can hold ${n === 1 ? 'was' : 'were'} removed.`,
      ],
    };
  }
  return imported;
}
