import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectJSON } from '../../common/json-guard';
import { MAX_DOCUMENT_BYTES, MAX_REQUEST_BYTES, MAX_SOURCE_BYTES } from '../../common/limits';
import { plainTextOf } from '../../common/plaintext';
import { readImport } from '../../main/services/import/read';
import { startHost } from '../../main/host';
import { documentFromText, readDocumentFile } from '../../main/services/sources';
import { createWorkspaceService } from '../../main/services/app';
import { checkDocumentJSON } from '../../main/services/documents/records';
import { WorkspaceStore } from '../../main/services/store/workspace-store';

describe('the size limits', () => {
  it('form one chain: source < document < request', () => {
    expect(MAX_SOURCE_BYTES).toBeLessThan(MAX_DOCUMENT_BYTES);
    expect(MAX_DOCUMENT_BYTES).toBeLessThan(MAX_REQUEST_BYTES);
  });

  it('let a 10 MB source that opens be saved again after an edit, through the local host', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-limits-'));
    const paragraph = 'A long paragraph of an analyst’s source text, repeated to make a book-sized file. '.repeat(12);
    const source = join(dir, 'book.md');
    writeFileSync(source, `# A Book\n\n${`${paragraph}\n\n`.repeat(Math.ceil((10 * 1024 * 1024) / paragraph.length))}`);
    const record = await readDocumentFile(source);
    const store = await WorkspaceStore.open(join(dir, 'workspace.json'), {
      seed: async () => [record],
      writeDelayMs: 0,
    });
    const host = await startHost({
      handlers: createWorkspaceService({ store, mode: 'browser', version: 'test' }),
      staticDir: dir,
    });
    try {
      const doc = record.doc as { type: string; content: unknown[] };
      const edited = {
        ...doc,
        content: [...doc.content, { type: 'paragraph', content: [{ type: 'text', text: 'Added.' }] }],
      };
      const response = await fetch(`http://127.0.0.1:${host.port}/api/saveDocument`, {
        method: 'POST',
        headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ id: record.id, doc: edited, baseRevision: 0 }),
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ ok: true, value: { revision: 1 } });
    } finally {
      await host.close();
      await store.close();
    }
  }, 30_000);

  it('refuse a document over the limit with the same words on import and on save', () => {
    const text = 'x'.repeat(MAX_DOCUMENT_BYTES + 10);
    expect(() => documentFromText(text, 'huge.txt')).toThrow(/huge\.txt: .*Parallax keeps documents up to 32 MB/);
    const json = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
    expect(() => checkDocumentJSON(json)).toThrow(/Parallax keeps documents up to 32 MB/);
  });
});

describe('an imported document', () => {
  it('can be saved again: control codes no export can hold are removed, with a warning', async () => {
    const html =
      // Character references reach the text where raw control bytes would be refused as binary.
      '<html><body><p>Before&#1; the page&#12;break and a&#11;tab.</p><p>Second paragraph.</p></body></html>';
    const imported = await readImport(new TextEncoder().encode(html), 'page.html');
    const text = plainTextOf(imported.doc).text;
    expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(text).toContain('Before the page');
    expect(imported.warnings.join(' ')).toMatch(/control characters? that no export format can hold/);
    // What the pane would send back is accepted by the contract's checks.
    expect(inspectJSON({ doc: imported.doc.toJSON() })).toBeUndefined();
  });

  it('nested deeper than a save accepts is refused on import, naming the file', async () => {
    const html = `<html><body>${'<blockquote>'.repeat(150)}<p>Deep.</p>${'</blockquote>'.repeat(150)}</body></html>`;
    await expect(readImport(new TextEncoder().encode(html), 'deep.html')).rejects.toMatchObject({
      code: 'too-deep',
      message: /deep\.html: the document nests more than 100 levels/,
    });
  });
});
