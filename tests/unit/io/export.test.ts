import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { unzipSync, strFromU8 } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { exportWorkspace } from '../../../main/services/export/service';
import { codePointCounter } from '../../../main/services/export/qdpx';
import { readImport } from '../../../main/services/import/read';
import { plainTextOf } from '../../../common/plaintext';
import { annotate, openFixture, tempDir, TEXT_A, TEXT_B, TRICKY_NOTE, type Fixture } from './helpers';

let f: Fixture | undefined;
afterEach(async () => {
  await f?.close();
  f = undefined;
});

async function exported(format: Parameters<typeof exportWorkspace>[1]): Promise<{ bytes: Buffer; path: string }> {
  const path = join(tempDir(), `out.${format}`);
  await exportWorkspace(f!.store, format, path);
  return { bytes: readFileSync(path), path };
}

describe('CSV export', () => {
  it('opens as UTF-8 with a BOM, one row per annotation and per link, and parses back to the same values', async () => {
    f = await openFixture();
    const made = await annotate(f);
    const { bytes } = await exported('csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes.toString('utf8'), { bom: true, columns: true }) as Record<string, string>[];
    const annotations = rows.filter((r) => r.kind === 'annotation');
    expect(annotations).toHaveLength(3);
    const tricky = annotations.find((r) => r.id === made.first.id)!;
    // The formula is neutralised with a leading apostrophe; everything else survives exactly.
    expect(tricky.note).toBe(`'${TRICKY_NOTE}`);
    expect(tricky.quote).toBe('deterrence toward Russia');
    expect(tricky.authors).toBe('Ann Lee');
    expect(tricky.tags).toBe('Timing');
    expect(annotations.find((r) => r.id === made.astral.id)!.tags).toBe('Timing; Timing > Delay');
    const link = rows.find((r) => r.kind === 'link')!;
    expect(link).toMatchObject({
      relation: 'conflict',
      document: 'doc-a',
      quote: 'Japan joined them quickly',
      partner_document: 'doc-b',
      partner_authors: 'Bo Kim; Cy Dee',
      partner_quote: 'Japan did not join the sanctions quickly',
      note: 'They disagree on speed, "really".',
    });
  });
});

describe('W3C Web Annotation export', () => {
  it('is an AnnotationCollection with quote and position selectors, tagging bodies, and links with several targets', async () => {
    f = await openFixture();
    const made = await annotate(f);
    const json = JSON.parse((await exported('json')).bytes.toString('utf8'));
    expect(json['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(json.type).toBe('AnnotationCollection');
    const items = json.first.items as {
      id: string;
      motivation: string;
      body: { purpose: string; value: string }[];
      target: unknown;
    }[];
    const first = items.find((i) => i.id.endsWith(made.first.id))!;
    expect(first.target).toMatchObject({
      source: 'urn:parallax:document:doc-a',
      selector: [
        { type: 'TextQuoteSelector', exact: 'deterrence toward Russia' },
        { type: 'TextPositionSelector', start: made.first.start, end: made.first.end },
      ],
    });
    expect(first.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ purpose: 'tagging', value: 'Timing' }),
        expect.objectContaining({ purpose: 'commenting', value: TRICKY_NOTE }),
      ]),
    );
    const link = items.find((i) => i.motivation === 'linking')!;
    expect(link.target).toHaveLength(2);
    expect(link.body[0]).toMatchObject({ purpose: 'classifying', value: 'conflict' });
  });

  it('imports back into an empty workspace with the same annotations and links', async () => {
    f = await openFixture();
    await annotate(f);
    const { path: jsonPath } = await exported('json');
    const before = {
      annotations: f.store.data.annotations,
      links: f.store.data.links,
      codebook: f.store.data.codebook,
    };
    await f.close();
    f = undefined;
    const target = join(tempDir(), 'restored.json');
    const out = spawnSync(process.execPath, [resolve('bin/parallax.js'), 'import', jsonPath, '--workspace', target], {
      encoding: 'utf8',
    });
    expect(out.status, out.stderr).toBe(0);
    f = await openFixture(target);
    const pick = (a: {
      doc: string;
      start: number;
      end: number;
      quote: { exact: string };
      tags: string[];
      note: string;
    }) => ({
      doc: a.doc,
      start: a.start,
      end: a.end,
      exact: a.quote.exact,
      tags: a.tags,
      note: a.note,
    });
    expect(f.store.data.annotations.map(pick)).toEqual(before.annotations.map(pick));
    expect(
      f.store.data.links.map((l) => ({
        relation: l.relation,
        note: l.note,
        tags: l.tags,
        ends: l.ends.map((e) => [e.doc, e.start, e.end]),
      })),
    ).toEqual(
      before.links.map((l) => ({
        relation: l.relation,
        note: l.note,
        tags: l.tags,
        ends: l.ends.map((e) => [e.doc, e.start, e.end]),
      })),
    );
    expect(f.store.data.codebook).toEqual(before.codebook);
    expect(f.store.data.documents.map((d) => d.id)).toEqual(['doc-a', 'doc-b']);
  });
});

/** Where the REFI-QDA schema is on this machine (reference material, not in the repository). */
function findSchema(): string | undefined {
  const candidates = [
    process.env.PARALLAX_REFI_QDA_XSD,
    resolve('../shared/data/refi-qda/Project-mrt2019.xsd'),
    resolve('../../shared/data/refi-qda/Project-mrt2019.xsd'),
  ];
  return candidates.find((c): c is string => !!c && existsSync(c));
}
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;

describe('REFI-QDA export', () => {
  it('holds project.qde and each document as UTF-8 text without BOM, offsets in code points', async () => {
    f = await openFixture();
    const made = await annotate(f);
    const files = unzipSync(new Uint8Array((await exported('qdpx')).bytes));
    const qde = strFromU8(files['project.qde']);
    const sources = Object.keys(files).filter((n) => n.startsWith('Sources/'));
    expect(sources).toHaveLength(2);
    const textA = TEXT_A.join('\n\n');
    const sourceA = sources.map((n) => strFromU8(files[n])).find((t) => t.startsWith('Japan has'))!;
    expect(sourceA).toBe(textA);
    expect(files[sources[0]][0]).not.toBe(0xef);
    // "🇯🇵" is four UTF-16 units but two code points: positions after it shift by two.
    const sel = new RegExp(
      `<PlainTextSelection guid="[^"]+" name="followed the invasion" startPosition="(\\d+)" endPosition="(\\d+)"`,
    ).exec(qde)!;
    const cpStart = Number(sel[1]);
    expect(cpStart).toBe(made.astral.start - 2);
    expect([...textA].slice(cpStart, Number(sel[2])).join('')).toBe('followed the invasion');
    expect(qde).toContain('<Link ');
    expect(qde).toMatch(/<Code guid="[^"]+" name="conflict" isCodable="true"/);
    // The link's two passages are coded with the relation code.
    const conflictGuid = /<Code guid="([^"]+)" name="conflict"/.exec(qde)![1];
    expect(qde.split(`<CodeRef targetGUID="${conflictGuid}"/>`).length - 1).toBe(2);
    expect(qde).toContain(TRICKY_NOTE.replace(/"/g, '&quot;').replace(/</g, '&lt;'));
    void TEXT_B;
  });

  it.skipIf(!hasXmllint || !findSchema())('validates against the REFI-QDA project schema (xmllint)', async () => {
    f = await openFixture();
    await annotate(f);
    const files = unzipSync(new Uint8Array((await exported('qdpx')).bytes));
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    const qde = join(dir, 'project.qde');
    writeFileSync(qde, files['project.qde']);
    const result = spawnSync('xmllint', ['--noout', '--schema', findSchema()!, qde], { encoding: 'utf8' });
    expect(result.stderr).toContain('validates');
    expect(result.status).toBe(0);
  });

  it('counts code points across surrogate pairs', () => {
    const cp = codePointCounter('a😀b𝄞c');
    expect([0, 1, 3, 4, 6, 7].map(cp)).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe('reports', () => {
  it('HTML: standalone, no scripts, the codebook, contradictions and every annotation with authors and notes', async () => {
    f = await openFixture();
    await annotate(f);
    const html = (await exported('html')).bytes.toString('utf8');
    expect(html).not.toMatch(/<script|src=|https?:\/\/(?!www\.w3)/i);
    for (const heading of ['Codebook', 'Contradictions', 'Annotations by tag', 'Annotations by document']) {
      expect(html).toContain(`<h2>${heading}</h2>`);
    }
    expect(html).toContain('deterrence toward Russia');
    expect(html).toContain('Kim et al. 2023');
    expect(html).toContain('=cmd|&#39; /C calc&#39;!A0, &quot;quoted&quot;');
  });

  it('Markdown and Word carry the same sections', async () => {
    f = await openFixture();
    await annotate(f);
    const md = (await exported('md')).bytes.toString('utf8');
    expect(md).toMatch(/^## Contradictions$/m);
    expect(md).toContain('> hesitated for weeks 𝄞 before acting');
    // The Word report reads back (mammoth, through Parallax's own .docx import) with its headings and quotes.
    const word = await readImport(new Uint8Array((await exported('docx')).bytes), 'report.docx');
    const pt = plainTextOf(word.doc);
    const headings = pt.blocks.filter((b) => b.kind === 'heading').map((b) => pt.text.slice(b.start, b.end));
    expect(headings).toEqual(expect.arrayContaining(['Codebook', 'Contradictions', 'Annotations by tag']));
    expect(pt.text).toContain('Japan did not join the sanctions quickly');
    expect(pt.text).toContain('hesitated for weeks 𝄞 before acting');
    expect(pt.text).toContain(TRICKY_NOTE.split('\n')[0]);
    expect(word.meta.title).toBe('Test workspace');
    expect(pt.text.startsWith('Test workspace')).toBe(true);
  });
});

describe('writing', () => {
  it('replaces an existing file whole and leaves no temporary files', async () => {
    f = await openFixture();
    await annotate(f);
    const dir = tempDir();
    const path = join(dir, 'report.md');
    writeFileSync(path, 'old');
    await exportWorkspace(f.store, 'md', path);
    expect(readFileSync(path, 'utf8')).toMatch(/^# Test workspace/);
    expect(readdirSync(dir)).toEqual(['report.md']);
    void execFileSync;
  });
});
