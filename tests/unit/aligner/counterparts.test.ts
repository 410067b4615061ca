import { describe, expect, it } from 'vitest';
import { Counterparts } from '../../../common/model';
import { alignInputOf } from '../../../main/services/aligner/align';
import { DEFAULT_CONCEPTS } from '../../../main/services/aligner/concepts';
import { CounterpartIndex } from '../../../main/services/aligner/counterparts';
import { documentFromText } from '../../../main/services/sources';

// Made-up texts: three authors on harbour dredging and ferry fares.
const doc = (name: string, date: string, body: string) =>
  alignInputOf(documentFromText(`---\ntitle: ${name}\ndate: ${date}\n---\n\n${body}\n`, `${name}.md`));

const a = doc(
  'a',
  '2020',
  'The harbour dredging programme will deepen the channel for container vessels. ' +
    'Ferry fares across the bay should stay low for commuters. ' +
    'The lighthouse keepers have asked for new radios.',
);
const b = doc(
  'b',
  '2021',
  'Commuters worry about orchards and weather. ' +
    'Ferry fares across the bay must remain low, the council said. ' +
    'Dredging the harbour channel lets larger container vessels dock. ' +
    'Dredging will take two long winters of work. The channel must be marked with new buoys.',
);
const c = doc(
  'c',
  '2021',
  'Nobody in the valley mentions the sea. ' +
    'Container vessels need a deeper harbour channel, so the dredging goes ahead.',
);
const index = new CounterpartIndex([a, b, c], DEFAULT_CONCEPTS);
const at = (text: string, phrase: string) => text.indexOf(phrase);

describe('counterparts of a passage', () => {
  it('find the passage about the same thing in every other document, best first, in the contract shape', () => {
    const cursor = at(a.text, 'dredging');
    const result = index.query({ doc: 'a', start: cursor, end: cursor, k: 2 });
    expect(() => Counterparts.parse(result)).not.toThrow();
    // The cursor stands for its whole sentence.
    expect(result.passage.text).toBe('The harbour dredging programme will deepen the channel for container vessels.');
    const inB = result.matches.filter((m) => m.doc === 'b');
    const inC = result.matches.filter((m) => m.doc === 'c');
    expect(inB[0].text).toContain('Dredging the harbour channel');
    expect(inC[0].text).toContain('deeper harbour channel');
    expect(result.matches.every((m) => m.doc !== 'a')).toBe(true);
    // Matches of one document are best first; documents come in workspace order.
    expect(inB.map((m) => m.similarity)).toEqual([...inB.map((m) => m.similarity)].sort((x, y) => y - x));
    expect(result.matches.map((m) => m.doc)).toEqual([...inB, ...inC].map((m) => m.doc));
    expect(result.state).toBe('lexical');
    for (const m of result.matches) {
      expect(b.text.slice(m.start, m.end) === m.text || c.text.slice(m.start, m.end) === m.text).toBe(true);
      expect(m.confidence).toBeGreaterThanOrEqual(0);
    }
  });

  it('keep similarity (how alike) apart from confidence (how sure of the relation)', () => {
    const start = at(a.text, 'Ferry');
    const result = index.query({ doc: 'a', start, end: start + 5, k: 1 });
    const m = result.matches.find((x) => x.doc === 'b')!;
    expect(m.text).toContain('Ferry fares across the bay must remain low');
    expect(m.similarity).toBeGreaterThan(0.3);
    expect(m.evidence.some((e) => e.kind === 'shared')).toBe(true);
    expect(typeof m.confidence).toBe('number');
  });

  it('read a match in its context: a point made over two sentences is found whole, the sentence that matched in focus', () => {
    const query = doc(
      'q',
      '2020',
      'Dredging the harbour channel for container vessels takes two long winters of work.',
    );
    const found = new CounterpartIndex([query, b], DEFAULT_CONCEPTS).query({ doc: 'q', start: 0, end: 0, k: 2 });
    const [best] = found.matches;
    expect(best.text).toContain(
      'Dredging the harbour channel lets larger container vessels dock. Dredging will take two long winters of work.',
    );
    const focus = b.text.slice(best.focus!.start, best.focus!.end);
    expect(best.start).toBeLessThanOrEqual(best.focus!.start);
    expect(best.focus!.end).toBeLessThanOrEqual(best.end);
    expect([
      'Dredging the harbour channel lets larger container vessels dock.',
      'Dredging will take two long winters of work.',
    ]).toContain(focus);
    // Other matches are other parts of the text: contexts never overlap.
    const all = index.query({ doc: 'a', start: 0, end: 0, k: 5 }).matches.filter((m) => m.doc === 'b');
    expect(all.length).toBeGreaterThan(1);
    for (const x of all) for (const y of all) if (x !== y) expect(x.start >= y.end || x.end <= y.start).toBe(true);
  });

  it('show a sentence a text repeats once, and every focus inside its own match, best first', () => {
    const repeats = doc(
      'r',
      '2022',
      'Dredging the harbour channel lets container vessels dock.\n\nThe council met on Tuesday about orchards.\n\n' +
        'Dredging the harbour channel lets container vessels dock.\n\nDredging the harbour takes two winters.\n\n' +
        'A harbour channel for container vessels needs buoys.',
    );
    const found = new CounterpartIndex([a, repeats], DEFAULT_CONCEPTS).query({ doc: 'a', start: 0, end: 0, k: 5 });
    const focusTexts = found.matches.map((m) => repeats.text.slice(m.focus!.start, m.focus!.end));
    expect(focusTexts.filter((t) => t === 'Dredging the harbour channel lets container vessels dock.')).toHaveLength(1);
    expect(found.matches.length).toBeGreaterThan(1);
    for (const m of found.matches) {
      expect(m.start).toBeLessThanOrEqual(m.focus!.start);
      expect(m.focus!.end).toBeLessThanOrEqual(m.end);
    }
    const similarities = found.matches.map((m) => m.similarity);
    expect(similarities).toEqual([...similarities].sort((x, y) => y - x));
  });

  it('cut a context back to what a better match left, keeping its focus', () => {
    const five = doc(
      'f',
      '2022',
      'Orchards want rain in spring. Dredging the harbour channel lets container vessels dock. ' +
        'Ferry fares across the bay stay low. Container vessels wait for the dredging of the harbour. Lighthouse radios are new.',
    );
    const found = new CounterpartIndex([a, five], DEFAULT_CONCEPTS).query({ doc: 'a', start: 0, end: 0, k: 3 });
    const [best, next] = found.matches;
    expect(next).toBeDefined();
    expect(next.start >= best.end || next.end <= best.start).toBe(true);
    expect(next.start).toBeLessThanOrEqual(next.focus!.start);
    expect(next.focus!.end).toBeLessThanOrEqual(next.end);
    expect(five.text.slice(next.focus!.start, next.focus!.end)).not.toBe('');
  });

  it('keep a context within its paragraph', () => {
    const two = alignInputOf(
      documentFromText(
        '---\ntitle: t\ndate: 2021\n---\n\nThe lighthouse keepers asked for new radios and batteries.\n\nDredging the harbour channel lets larger container vessels dock. Nothing else was decided.\n',
        't.md',
      ),
    );
    const m = new CounterpartIndex([a, two], DEFAULT_CONCEPTS).query({ doc: 'a', start: 0, end: 0, k: 1 }).matches[0];
    expect(m.text).toBe('Dredging the harbour channel lets larger container vessels dock. Nothing else was decided.');
  });

  it('say how many matches per document were asked for, and refuse ranges outside the text', () => {
    const result = index.query({ doc: 'a', start: 0, end: 0, k: 1 });
    expect(result.matches.filter((m) => m.doc === 'b').length).toBeLessThanOrEqual(1);
    expect(() => index.query({ doc: 'a', start: 0, end: a.text.length + 1 })).toThrow(/outside/);
    expect(() => index.query({ doc: 'zzz', start: 0, end: 0 })).toThrow(/no document/);
  });
});
