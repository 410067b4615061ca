import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plainTextOf } from '../../common/plaintext';
import { schema } from '../../common/schema';
import { readDocumentFolder } from '../../main/services/sources';
import { samplesDir } from '../../main/services/paths';

const docs = await readDocumentFolder(samplesDir());
const byId = new Map(docs.map((d) => [d.id, d]));
const textOf = (id: string) => plainTextOf(schema.nodeFromJSON(byId.get(id)!.doc));

describe('samples', () => {
  it('are the four seed articles, with complete metadata', () => {
    expect([...byId.keys()].sort()).toEqual(['hornung-2022', 'nagy-nguyen-2023', 'oshea-2024', 'rinna-2016']);
    for (const d of docs) {
      expect(d.meta.title.length, d.id).toBeGreaterThan(10);
      expect(d.meta.authors.length, d.id).toBeGreaterThan(0);
      expect(d.meta.venue, d.id).toBeTruthy();
      expect(d.meta.date, d.id).toMatch(/^\d{4}/);
    }
    expect(byId.get('nagy-nguyen-2023')!.meta).toMatchObject({
      authors: ['Stephen R. Nagy', 'Hanh Nguyen'],
      date: '2023',
      doi: '10.12688/stomiedintrelat.17632.1',
    });
    expect(byId.get('rinna-2016')!.meta).toMatchObject({ date: '2016', doi: '10.22452/IJEAS.vol5no1.4' });
    expect(byId.get('hornung-2022')!.meta).toMatchObject({ venue: 'The Diplomat', date: '2022' });
    expect(byId.get('oshea-2024')!.meta.authors).toEqual(["Paul O'Shea"]);
  });

  it('contain no page chrome, landing-page lists or markdown escapes', () => {
    const chrome = [
      'Like this article',
      'Click here',
      'Read more',
      'Full Text',
      'Talk to us',
      'Schedule a call',
      'Download PDF file',
      'Views 67',
      'Related Articles',
      'Published version (Free)',
      'Baltic States Cyber Security',
      '\\$',
    ];
    for (const d of docs) {
      const { text } = textOf(d.id);
      for (const s of chrome) expect(text, `${d.id} contains "${s}"`).not.toContain(s);
    }
    expect(textOf('nagy-nguyen-2023').text).toContain('US$300 million');
  });

  it('keep the 72 notes of the case study apart from the running text, each linked from the body', () => {
    const pt = textOf('nagy-nguyen-2023');
    const notes = pt.blocks.filter((b) => b.kind === 'note');
    expect(notes.map((n) => n.label)).toEqual(Array.from({ length: 72 }, (_, i) => String(i + 1)));
    const body = pt.blocks.filter((b) => b.kind !== 'note');
    expect(Math.max(...body.map((b) => b.end))).toBeLessThan(Math.min(...notes.map((n) => n.start)));
    // No body paragraph starts with a note's citation.
    for (const b of body) expect(pt.text.slice(b.start, b.end)).not.toMatch(/^[¹²³⁴⁵⁶⁷⁸⁹⁰]/);
    const refs: string[] = [];
    schema.nodeFromJSON(byId.get('nagy-nguyen-2023')!.doc).descendants((n) => {
      if (n.type.name === 'footnote_ref') refs.push(n.attrs.label);
    });
    expect(refs).toHaveLength(72);
    expect(new Set(refs).size).toBe(72);
  });

  it('join the paragraphs that notes cut in two', () => {
    const { text } = textOf('nagy-nguyen-2023');
    expect(text).toContain(
      'joint exercises and air patrols. Indeed, Russia and China intensified their naval and aerial operations',
    );
    expect(text).toContain('concerning the situation in Ukraine. At a press conference');
    expect(text).toContain('the second largest exporter of semiconductor devices');
    expect(text).toContain("Japan's Ministry of Defense, and the ruling Liberal Democratic Party");
  });

  it('keep the interview questions as headings', () => {
    for (const id of ['hornung-2022', 'oshea-2024']) {
      const pt = textOf(id);
      const headings = pt.blocks.filter((b) => b.kind === 'heading').map((b) => pt.text.slice(b.start, b.end));
      expect(headings.length, id).toBeGreaterThanOrEqual(5);
      for (const h of headings) expect(h, id).toMatch(/[?.]$/);
    }
  });

  it('are all in samples/ with a README saying how they were made', () => {
    const names = readdirSync(samplesDir());
    expect(names).toContain('README.md');
    expect(readFileSync(join(samplesDir(), 'README.md'), 'utf8')).toMatch(/page chrome/i);
  });
});
