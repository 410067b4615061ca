import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../common/api';
import { alignInputOf } from '../../../main/services/aligner/align';
import { MAX_IMPORT_BYTES } from '../../../main/services/import/types';
import { annotate, openFixture, TEXT_A, type Fixture } from './helpers';

const fixture = (name: string) => readFileSync(join(__dirname, '..', '..', 'fixtures', 'import', name));
const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');

let f: Fixture | undefined;
afterEach(async () => {
  await f?.close();
  f = undefined;
});

describe('importing into a workspace', () => {
  it('says only what the file gave as found: a plain text names no authors', async () => {
    f = await openFixture();
    const preview = await f.call('prepareImport', {
      fileName: 'notes.txt',
      data: b64('Harbour notes\n\nThe ferry runs twice a day in summer.\n'),
    });
    expect(preview.found).not.toContain('authors');
    expect(preview.meta.authors).toEqual([]);
  });

  it('adds the document with the details as confirmed; the aligner reads it', async () => {
    f = await openFixture();
    const preview = await f.call('prepareImport', { fileName: 'sanctions.pdf', data: b64(fixture('sanctions.pdf')) });
    expect(preview).toMatchObject({ format: 'pdf', found: ['title', 'authors', 'date'], matches: [] });
    expect(preview.stats.notes).toBe(1);
    expect(f.store.data.documents).toHaveLength(2); // nothing changes before the commit
    const result = await f.call('commitImport', {
      importId: preview.importId,
      meta: { ...preview.meta, venue: 'Test Journal' },
    });
    expect(result.document).toMatchObject({
      id: 'sanctions',
      meta: { title: 'Sanctions and their Limits', venue: 'Test Journal' },
    });
    const record = f.store.data.documents.find((d) => d.id === 'sanctions')!;
    expect(alignInputOf(record).text).toContain('where most sanction regimes fail in practice');
    await f.store.flush();
    expect(readFileSync(f.path, 'utf8')).toContain('where most sanction regimes fail in practice');
    // Details stay editable later.
    await f.call('updateDocumentMeta', { id: 'sanctions', meta: { ...record.meta, title: 'Sanctions, revised' } });
    expect(f.store.data.documents.find((d) => d.id === 'sanctions')!.meta.title).toBe('Sanctions, revised');
  });

  it('offers to replace a document imported before, re-anchoring its annotations and links; the rest become orphans', async () => {
    f = await openFixture();
    const made = await annotate(f);
    // The analyst's new version of doc-a: the first paragraph rewritten, the second unchanged but moved down.
    const revised = `# Revised\n\nAn introduction that was not there before.\n\n${TEXT_A[1]}\n`;
    const preview = await f.call('prepareImport', { fileName: 'doc-a.md', data: b64(revised) });
    expect(preview.matches).toEqual([{ id: 'doc-a', title: 'Engagement and deterrence' }]);
    const result = await f.call('commitImport', { importId: preview.importId, meta: preview.meta, replace: 'doc-a' });
    expect(result).toMatchObject({ replaced: true, orphaned: 1 });
    expect(result.moved).toBeGreaterThanOrEqual(2);
    const byId = new Map(f.store.data.annotations.map((a) => [a.id, a]));
    expect(byId.get(made.first.id)!.orphan).toBe(true); // its text is gone: kept for review
    const astral = byId.get(made.astral.id)!;
    expect(astral.orphan).toBe(false);
    const text = f.store.data.documents.find((d) => d.id === 'doc-a')!;
    expect(astral.revision).toBe(text.revision);
    const end = f.store.data.links[0].ends[0];
    expect(end).toMatchObject({ orphan: false, quote: { exact: 'Japan joined them quickly' } });
    expect(f.store.data.documents).toHaveLength(2);
  });
});

describe('bad input is refused with a clear message and changes nothing', () => {
  const docx = fixture('deterrence.docx');
  const cases: [string, string | Uint8Array, RegExp][] = [
    [
      'slides.pptx',
      'x',
      /cannot be imported: Parallax imports \.txt, \.md, \.html, \.docx, \.pdf files, and this one is a \.pptx file/,
    ],
    ['report.txt', fixture('sanctions.pdf'), /not a text file: it is a PDF renamed to \.txt/],
    ['data.txt', new Uint8Array([1, 2, 0, 0, 200, 3, 0, 9]), /not a text file/],
    ['empty.txt', '', /is empty/],
    ['blank.md', '\n\n   \n', /no text to import/],
    ['encrypted.pdf', fixture('encrypted.pdf'), /password-protected .*remove the password/],
    ['scanned.pdf', fixture('scanned.pdf'), /no text layer .* run OCR on it first/],
    [
      'broken.pdf',
      '%PDF-1.7\n1 0 obj << /Type /Catalog >>\nthis is not a PDF at all',
      /(not a readable PDF|no text layer)/,
    ],
    ['broken.docx', docx.subarray(0, docx.length >> 1), /not a valid Word document/],
    ['notes.docx', zipSync({ 'notes.txt': new TextEncoder().encode('hello') }), /no word\/document\.xml/],
    ['fake.docx', 'plain text, not a zip', /not a zip file/],
  ];

  it.each(cases)('%s', async (fileName, content, message) => {
    f = await openFixture();
    await annotate(f);
    await f.store.flush();
    const before = readFileSync(f.path, 'utf8');
    const result = await dispatch(f.handlers, 'prepareImport', { fileName, data: b64(content) });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toMatch(message);
    expect(!result.ok && result.error.message.startsWith(fileName)).toBe(true);
    await f.store.flush();
    expect(readFileSync(f.path, 'utf8')).toBe(before);
  });

  it('a zip bomb disguised as a .docx is refused before it is inflated', async () => {
    f = await openFixture();
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(64 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(200_000);
    const result = await dispatch(f.handlers, 'prepareImport', { fileName: 'bomb.docx', data: b64(bomb) });
    expect(!result.ok && result.error.message).toMatch(/zip bomb/);
    expect(f.store.data.documents).toHaveLength(2);
  });

  it('a file over 50 MB is refused', async () => {
    f = await openFixture();
    const big = 'A'.repeat(Math.ceil(((MAX_IMPORT_BYTES + 1024) * 4) / 3 / 4) * 4);
    const result = await dispatch(f.handlers, 'prepareImport', { fileName: 'huge.txt', data: big });
    expect(result).toMatchObject({ ok: false, error: { code: 'too-large' } });
    expect(!result.ok && result.error.message).toMatch(/50 MB/);
  });

  it('an expired or unknown import cannot be committed, and bad details are refused', async () => {
    f = await openFixture();
    const missing = await dispatch(f.handlers, 'commitImport', {
      importId: 'nope',
      meta: { title: 'x', authors: [], extra: {} },
    });
    expect(!missing.ok && missing.error.message).toMatch(/expired/);
    const preview = await f.call('prepareImport', { fileName: 'a.txt', data: b64('Some text.') });
    const bad = await dispatch(f.handlers, 'commitImport', {
      importId: preview.importId,
      meta: { ...preview.meta, date: 'May 2020' },
    });
    expect(!bad.ok && bad.error.message).toMatch(/date/);
    expect(f.store.data.documents).toHaveLength(2);
  });
});
