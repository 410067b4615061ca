import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plainTextOf } from '../../../common/plaintext';
import { importHtml } from '../../../main/services/import/html';
import { readImport } from '../../../main/services/import/read';

const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, '..', '..', 'fixtures', 'import', name)));
const textOf = (doc: Parameters<typeof plainTextOf>[0]) => plainTextOf(doc).text;

describe('HTML import', () => {
  const page = `<!doctype html><html><head>
    <title>Page title</title>
    <meta name="citation_title" content="Allies and Rivals">
    <meta name="citation_author" content="Lee, Ann"><meta name="citation_author" content="Bo Kim">
    <meta name="citation_journal_title" content="Asian Survey">
    <meta name="citation_publication_date" content="2021/05/03">
    <script>alert('x')</script><style>p { color: red }</style>
    <link rel="stylesheet" href="https://evil.example/x.css">
  </head><body>
    <nav><a href="javascript:alert(1)">Home</a></nav>
    <h1>Allies and Rivals</h1>
    <p onclick="steal()">Tokyo <em>and</em> <strong>Moscow</strong> differ.<sup><a href="#fn1" id="r1">1</a></sup>
      <img src="https://tracker.example/pixel.gif"> See <a href="https://example.org/a" onmouseover="x()">the source</a>.</p>
    <blockquote><p>A quoted line.</p></blockquote>
    <ul><li>First point</li><li>Second <a href="javascript:evil()">point</a></li></ul>
    <iframe src="https://evil.example"></iframe>
    <section class="footnotes"><ol><li id="fn1"><p>The note text. <a href="#r1">↩</a></p></li></ol></section>
  </body></html>`;

  it('keeps structure, emphasis and web links, and drops scripts, handlers, javascript: URLs and remote loads', () => {
    const { doc } = importHtml(page);
    const json = JSON.stringify(doc.toJSON());
    expect(json).not.toMatch(/alert|steal|javascript|evil|tracker|color: red|onclick/);
    const types = new Set<string>();
    doc.descendants((n) => void types.add(n.type.name));
    expect([...types]).toEqual(
      expect.arrayContaining([
        'heading',
        'paragraph',
        'blockquote',
        'bullet_list',
        'list_item',
        'notes',
        'footnote',
        'footnote_ref',
      ]),
    );
    expect(json).toContain('"href":"https://example.org/a"');
    expect(json).toContain('"type":"em"');
    expect(textOf(doc)).toContain('Tokyo and Moscow differ. See the source.');
    expect(textOf(doc)).toMatch(/The note text\.$/);
    expect(textOf(doc)).not.toContain('↩');
  });

  it('reads title, authors, venue and date from <meta>', () => {
    expect(importHtml(page).meta).toMatchObject({
      title: 'Allies and Rivals',
      authors: ['Lee, Ann', 'Bo Kim'],
      venue: 'Asian Survey',
      date: '2021-05-03',
    });
    expect(importHtml('<title>Only a title</title><p>x</p>').meta.title).toBe('Only a title');
  });
});

describe('Word import', () => {
  it('keeps headings, lists, emphasis, links and footnotes as notes; reads core properties', async () => {
    const { doc, meta } = await readImport(fixture('deterrence.docx'), 'deterrence.docx');
    expect(meta).toMatchObject({ title: 'Deterrence after Ukraine', authors: ['Aiko Tanaka', 'Ben Okafor'] });
    const text = textOf(doc);
    expect(text).toContain('Japan must strengthen deterrence now, the ministry argues.');
    expect(text).toMatch(/Defence White Paper, 2023, p\. 12\.$/);
    const kinds = plainTextOf(doc).blocks.map((b) => b.kind);
    expect(kinds).toEqual(['heading', 'paragraph', 'heading', 'list', 'list', 'paragraph', 'note']);
    expect(JSON.stringify(doc.toJSON())).toContain('"href":"https://example.org/report"');
  });
});

describe('PDF import', () => {
  it('rebuilds paragraphs, removes running headers and page numbers, joins hyphenated words, separates footnotes', async () => {
    const { doc, meta, warnings } = await readImport(fixture('sanctions.pdf'), 'sanctions.pdf');
    expect(meta).toMatchObject({
      title: 'Sanctions and their Limits',
      authors: ['Maria Lopez', 'John Smith'],
      date: '2024-03-05',
    });
    const pt = plainTextOf(doc);
    const blocks = pt.blocks.map((b) => [b.kind, pt.text.slice(b.start, b.end)]);
    expect(blocks).toEqual([
      ['heading', 'Sanctions and their Limits'],
      [
        'paragraph',
        'Sanctions rarely change a government’s course on their own. They work best together with diplomacy and a credible threat of further measures, as the case of the energy embargo shows in some detail.',
      ],
      [
        'paragraph',
        'A second paragraph starts here with an indented first line and continues on the next line until it ends with a full stop.',
      ],
      [
        'paragraph',
        'On the second page the argument turns to enforcement, which is where most sanction regimes fail in practice.',
      ],
      ['note', 'See the annex for the figures.'],
    ]);
    expect(pt.text).not.toContain('Journal of Test Studies');
    expect(JSON.stringify(doc.toJSON())).toContain('"type":"footnote_ref","attrs":{"label":"1"}');
    expect(warnings.join(' ')).toMatch(/running header/);
  });
});

describe('text import', () => {
  it('reads Markdown front matter and plain text', async () => {
    const md = new TextEncoder().encode(
      '---\ntitle: A Brief\nauthors: [Ann Lee]\ndate: 2020-02\n---\n\n# A Brief\n\nBody text.',
    );
    const imported = await readImport(md, 'brief.md');
    expect(imported.meta).toMatchObject({ title: 'A Brief', authors: ['Ann Lee'], date: '2020-02' });
    const txt = await readImport(new TextEncoder().encode('One line\ncontinued.\n\nSecond paragraph.'), 'notes.txt');
    expect(textOf(txt.doc)).toBe('One line continued.\n\nSecond paragraph.');
    expect(txt.meta.title).toBeUndefined();
  });

  it('reads UTF-16 with a byte-order mark and Windows-1252 as the same text', async () => {
    const text = 'Café “déjà vu” — 5 €.';
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...new Uint8Array(new Uint16Array([...text].map((c) => c.charCodeAt(0))).buffer),
    ]);
    const cp1252 = new Uint8Array(
      [...'Caf', 0xe9, ' ', 0x93, 'd', 0xe9, 'j', 0xe0, ' vu', 0x94, ' ', 0x97, ' 5 ', 0x80, '.'].flatMap((c) =>
        typeof c === 'number' ? [c] : [...c].map((ch) => ch.charCodeAt(0)),
      ),
    );
    for (const bytes of [utf16, cp1252]) {
      expect(textOf((await readImport(bytes, 'note.txt')).doc)).toBe(text);
    }
    const html = new Uint8Array([
      0xff,
      0xfe,
      ...new Uint8Array(new Uint16Array([...'<p>Café</p>'].map((c) => c.charCodeAt(0))).buffer),
    ]);
    expect(textOf((await readImport(html, 'page.html')).doc)).toBe('Café');
  });
});
