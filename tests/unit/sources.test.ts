import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plainTextOf } from '../../common/plaintext';
import { schema } from '../../common/schema';
import { MAX_SOURCE_BYTES, decodeText, documentFromText, readDocumentFile } from '../../main/services/sources';

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

  it('refuses binary data, undecodable bytes, oversized files and broken front matter with clear messages', async () => {
    expect(() => decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), 'doc.docx')).toThrow(
      /not a text file/,
    );
    expect(() => decodeText(new Uint8Array(200).fill(0xff), 'latin.txt')).toThrow(/not UTF-8/);
    expect(() => decodeText(new Uint8Array(MAX_SOURCE_BYTES + 1), 'big.txt')).toThrow(/MB/);
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
