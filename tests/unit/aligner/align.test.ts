import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Evidence } from '../../../common/model';
import { alignDocuments, alignInputOf } from '../../../main/services/aligner/align';
import { ConceptMatcher, DEFAULT_CONCEPTS } from '../../../main/services/aligner/concepts';
import { tokenize } from '../../../main/services/aligner/normalise';
import { samplesDir } from '../../../main/services/paths';
import { documentFromText, readDocumentFolder } from '../../../main/services/sources';

const matcher = new ConceptMatcher(DEFAULT_CONCEPTS);

describe('concepts', () => {
  it('treat capitals, leaders and alternative names as the same thing', () => {
    const ids = (text: string) => matcher.match(tokenize(text)).map((h) => h.concept);
    expect(ids('Beijing and the Kremlin')).toEqual(['china', 'russia']);
    expect(ids('the Northern Territories, or Southern Kurils')).toEqual(['kuril-islands', 'kuril-islands']);
    expect(ids('a free and open Indo-Pacific (FOIP)')).toEqual(['foip', 'foip']);
    expect(ids('The Kishida administration and Washington')).toEqual(['japan', 'united-states']);
    // Acronyms match only as written: "us" the pronoun is not the United States.
    expect(ids('a threat to us all, said the US')).toEqual(['united-states']);
  });
});

describe('alignDocuments on the samples', () => {
  it('returns passages whose text is the exact slice, sorted by score, across documents', async () => {
    const records = await readDocumentFolder(samplesDir());
    const inputs = records.map(alignInputOf);
    const out = alignDocuments(inputs, { top: 50 });
    expect(out.documents.map((d) => d.id).sort()).toEqual([
      'hornung-2022',
      'nagy-nguyen-2023',
      'oshea-2024',
      'rinna-2016',
    ]);
    expect(out.alignments.length).toBeGreaterThan(10);
    const text = new Map(inputs.map((d) => [d.id, d.text]));
    let last = Infinity;
    for (const al of out.alignments) {
      expect(al.a.doc).not.toBe(al.b.doc);
      expect(text.get(al.a.doc)!.slice(al.a.start, al.a.end)).toBe(al.a.text);
      expect(text.get(al.b.doc)!.slice(al.b.start, al.b.end)).toBe(al.b.text);
      expect(['agree', 'conflict', 'related']).toContain(al.relation);
      expect(al.score).toBeLessThanOrEqual(last);
      last = al.score;
      for (const e of al.evidence) {
        if (e.a) expect(e.a[0] >= al.a.start && e.a[1] <= al.a.end).toBe(true);
        if (e.b) expect(e.b[0] >= al.b.start && e.b[1] <= al.b.end).toBe(true);
      }
    }
    // Notes are left out by default: no passage starts inside the case study's notes.
    const notesStart = text.get('nagy-nguyen-2023')!.indexOf('M. Bogusz, J. Jakobowski');
    for (const al of out.alignments)
      for (const s of [al.a, al.b]) if (s.doc === 'nagy-nguyen-2023') expect(s.start).toBeLessThan(notesStart);
  });
});

describe('one point across three or more documents', () => {
  it('names the other texts that take up the point of a pair', () => {
    const doc = (name: string, author: string, date: string, point: string) =>
      alignInputOf(
        documentFromText(
          `---\ntitle: ${name}\nauthors: [${author}]\ndate: "${date}"\n---\n\n` +
            'Fishing quotas in the Barents Sea were renegotiated after long talks between the coastal states. ' +
            `${point}\n\nRail freight across the steppe doubled as new customs rules took effect at the border.`,
          `${name}.md`,
        ),
      );
    const docs = [
      doc(
        'one',
        'Ann Aalto',
        '2019',
        'Helsinki expanded its icebreaker fleet to keep Arctic shipping lanes open all winter.',
      ),
      doc(
        'two',
        'Bo Berg',
        '2021',
        'Finland enlarged its icebreaker fleet so Arctic shipping lanes stay open through winter.',
      ),
      doc(
        'three',
        'Cy Cole',
        '2023',
        'The icebreaker fleet of Finland grew to keep the Arctic shipping lanes open in winter.',
      ),
    ];
    const out = alignDocuments(docs, { minScore: 0.05 });
    const icebreakers = out.alignments.filter((al) => /icebreaker/.test(al.a.text) && /icebreaker/.test(al.b.text));
    expect(icebreakers).toHaveLength(3);
    for (const al of icebreakers) {
      const cluster = al.evidence.find((e) => e.kind === 'cluster');
      expect(cluster?.note).toMatch(/one more text: (Aalto 2019|Berg 2021|Cole 2023)/);
      const third = ['one', 'two', 'three'].find((id) => id !== al.a.doc && id !== al.b.doc)!;
      expect(cluster?.note).toContain(out.documents.find((d) => d.id === third)!.authors[0].split(' ')[1]);
    }
  });
});

describe('evidence notes', () => {
  it('stay within what a saved suggestion may hold when many texts quote one long clause', () => {
    // A made-up clause of some 1,300 characters, quoted whole by every text.
    const goods = ['grain', 'timber', 'salt', 'iron', 'wool', 'linen', 'tobacco', 'indigo', 'rice', 'hemp'];
    const ports = ['Boston', 'Salem', 'Newport', 'Baltimore', 'Norfolk', 'Charleston', 'Savannah', 'Albany'];
    const clause = ports
      .flatMap((port) => goods.map((good) => `${good} landed at ${port}`))
      .slice(0, 60)
      .join(', ');
    expect(clause.length).toBeGreaterThan(1000);
    const docs = Array.from({ length: 12 }, (_, i) =>
      alignInputOf(
        documentFromText(
          `---\ntitle: Letter ${i}\nauthors: [Writer ${i}]\n---\n\nThe duties shall fall on ${clause}.\n\nWriter ${i} closes with thanks.`,
          `letter-${i}.md`,
        ),
      ),
    );
    const out = alignDocuments(docs, { minScore: 0.05 });
    expect(out.alignments.length).toBeGreaterThan(0);
    const notes = out.alignments.flatMap((al) => al.evidence);
    for (const e of notes) expect(Evidence.safeParse(e).success, e.note.slice(0, 80)).toBe(true);
    const shared = notes.find((e) => e.kind === 'shared' && e.note.includes('…'));
    // Its beginning and end; the evidence's ranges still mark the whole run.
    expect(shared?.note).toMatch(/^duties shall fall on grain landed at Boston .* … .*hemp landed at Charleston$/);
    expect(shared!.note.length).toBeLessThanOrEqual(203);
    expect(shared!.a![1] - shared!.a![0]).toBeGreaterThan(1000);
    expect(notes.find((e) => e.kind === 'cluster')?.note).toMatch(/10 more texts: .* and 5 more$/);
  });
});

describe('parallax align --json', () => {
  it('prints one JSON object on stdout and nothing else', () => {
    const stdout = execFileSync(process.execPath, ['bin/parallax.js', 'align', '--json', '--top', '5'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const parsed = JSON.parse(stdout);
    expect(parsed.alignments).toHaveLength(5);
    expect(Object.keys(parsed.alignments[0]).sort()).toEqual([
      'a',
      'b',
      'confidence',
      'evidence',
      'id',
      'relation',
      'score',
    ]);
  });

  it('adds every passage with its best matches in each other document with --counterparts K', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-cli-'));
    const files = ['one', 'two', 'three'].map((name, i) => {
      const file = join(dir, `${name}.md`);
      writeFileSync(
        file,
        `# ${name}\n\nThe harbour dredging programme will deepen the channel for container vessels (${i}). ` +
          `Ferry fares across the bay should stay low for the island commuters. ` +
          `The lighthouse keepers asked the council for new radios and a boat.\n`,
      );
      return file;
    });
    const stdout = execFileSync(
      process.execPath,
      ['bin/parallax.js', 'align', ...files, '--json', '--counterparts', '2'],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const { counterparts, documents } = JSON.parse(stdout) as {
      documents: { id: string }[];
      counterparts: {
        doc: string;
        text: string;
        matches: {
          doc: string;
          start: number;
          text: string;
          similarity: number;
          focus: { start: number; end: number };
        }[];
      }[];
    };
    expect(counterparts.map((c) => c.doc)).toEqual([
      'one',
      'one',
      'one',
      'two',
      'two',
      'two',
      'three',
      'three',
      'three',
    ]);
    // Each match is shown in its context; the sentence that matched is its focus.
    const ferry = counterparts[1].matches[0];
    expect(ferry.text).toContain('Ferry fares across the bay should stay low for the island commuters.');
    expect(ferry.text.slice(ferry.focus.start - ferry.start, ferry.focus.end - ferry.start)).toBe(
      'Ferry fares across the bay should stay low for the island commuters.',
    );
    for (const c of counterparts) {
      const others = documents.filter((d) => d.id !== c.doc);
      for (const o of others) {
        const mine = c.matches.filter((m) => m.doc === o.id);
        expect(mine.length).toBeLessThanOrEqual(2);
        expect(mine.map((m) => m.similarity)).toEqual([...mine.map((m) => m.similarity)].sort((x, y) => y - x));
      }
      expect(c.matches.every((m) => m.doc !== c.doc)).toBe(true);
    }
    expect(() =>
      execFileSync(process.execPath, ['bin/parallax.js', 'align', '--counterparts', '2'], { stdio: 'pipe' }),
    ).toThrow(/--counterparts needs --json/);
  });
});

describe('windows of sentences', () => {
  const doc = (id: string, text: string) => ({
    id,
    title: id,
    authors: [],
    text,
    blocks: [{ kind: 'paragraph' as const, start: 0, end: text.length }],
  });

  it('grow a pair into the next sentence when the point continues there, up to three sentences', () => {
    const a = doc(
      'a',
      'Tokyo imposed harsh sanctions on Moscow after the invasion. These sanctions froze the assets of Russian banks and oligarchs. Rice harvests were good that autumn in Niigata prefecture.',
    );
    const b = doc(
      'b',
      'Japan answered the invasion with sanctions on Russia that froze the assets of Russian banks and oligarchs. Cherry blossoms opened early in Kyoto gardens.',
    );
    const { alignments } = alignDocuments([a, b]);
    expect(alignments[0].a.text).toBe(
      'Tokyo imposed harsh sanctions on Moscow after the invasion. These sanctions froze the assets of Russian banks and oligarchs.',
    );
    expect(alignments[0].b.text).toMatch(/^Japan answered .* oligarchs\.$/);
    expect(alignments.filter((x) => x.a.start < alignments[0].a.end && x.b.start < alignments[0].b.end)).toHaveLength(
      1,
    );
  });
});
