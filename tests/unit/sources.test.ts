import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plainTextOf } from '../../common/plaintext';
import { schema } from '../../common/schema';
import { documentFromText, readDocumentFile } from '../../main/services/sources';

const dir = mkdtempSync(join(tmpdir(), 'parallax-sources-'));

describe('reading source files', () => {
  it('reads Markdown with front matter', () => {
    const d = documentFromText('---\ntitle: On Things\nauthors: [A. Writer]\ndate: 2020\n---\n\nBody text.', 'x.md');
    expect(d).toMatchObject({ id: 'x', meta: { title: 'On Things', authors: ['A. Writer'], date: '2020' } });
  });

  it('reads Markdown without front matter, titled by its first heading', () => {
    const d = documentFromText('# A Title\n\nSome text.', 'Some File.md');
    expect(d).toMatchObject({ id: 'some-file', meta: { title: 'A Title', authors: [] } });
  });

  it('reads plain text as paragraphs, without interpreting Markdown', () => {
    const d = documentFromText('First line\ncontinues.\n\n# Not a heading *nor emphasis*', 'notes.txt');
    const pt = plainTextOf(schema.nodeFromJSON(d.doc));
    expect(pt.text).toBe('First line continues.\n\n# Not a heading *nor emphasis*');
    expect(d.meta.title).toBe('notes');
  });

  it('refuses binary files, missing files and broken front matter with clear messages', async () => {
    expect(() => documentFromText('---\ntitle: [unclosed\n---\ntext', 'bad.md')).toThrow(/bad\.md/);
    expect(() => documentFromText('---\ndate: last year\n---\ntext', 'bad-date.md')).toThrow(/date/);
    const png = join(dir, 'image.md');
    writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    await expect(readDocumentFile(png)).rejects.toThrow(/not a text file/);
    await expect(readDocumentFile(join(dir, 'missing.md'))).rejects.toThrow(/No such file/);
  });

  it('reads an empty file as an empty document', () => {
    const d = documentFromText('', 'empty.md');
    expect(plainTextOf(schema.nodeFromJSON(d.doc)).text).toBe('');
  });
});

describe('reading source files in other encodings', () => {
  it('opens a UTF-16 file with a byte-order mark as text, not as binary', async () => {
    const path = join(dir, 'utf16.txt');
    writeFileSync(
      path,
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Première ligne.\n\nDeuxième.', 'utf16le')]),
    );
    const d = await readDocumentFile(path);
    expect(plainTextOf(schema.nodeFromJSON(d.doc)).text).toBe('Première ligne.\n\nDeuxième.');
  });

  it('opens a Windows-1252 file with its curly quotes instead of replacement characters', async () => {
    const path = join(dir, 'latin.txt');
    // Mostly ASCII with a few Windows-1252 bytes: once read as UTF-8 with silent U+FFFD.
    const prose = 'Plain prose in ASCII for the most part. '.repeat(20);
    writeFileSync(
      path,
      Buffer.concat([
        Buffer.from(prose),
        Buffer.from([0x93, 0x43, 0x61, 0x66, 0xe9, 0x94, 0x20, 0x96, 0x20, 0x35, 0x80]),
      ]),
    );
    const d = await readDocumentFile(path);
    expect(plainTextOf(schema.nodeFromJSON(d.doc)).text).toBe(`${prose}“Café” – 5€`);
  });
});
