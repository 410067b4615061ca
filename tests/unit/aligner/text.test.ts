import { describe, expect, it } from 'vitest';
import { americanSpelling, lemma, tokenize } from '../../../main/services/aligner/normalise';
import { splitSentences } from '../../../main/services/aligner/sentences';
import { ConceptMatcher } from '../../../main/services/aligner/concepts';
import { sideOfText } from '../../../main/services/aligner/passages';

const sentences = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('sentences', () => {
  it('split at sentence ends and keep offsets', () => {
    const text = 'Japan responded. Tokyo sanctioned Moscow! Why? Because it had to.';
    expect(sentences(text)).toEqual(['Japan responded.', 'Tokyo sanctioned Moscow!', 'Why?', 'Because it had to.']);
  });

  it('do not split after abbreviations, initials, acronyms or decimals', () => {
    const text =
      'Stephen R. Nagy met Dr. Hornung in the U.S. capital. The U.S. House Speaker Nancy Pelosi visited, e.g. Taiwan. ' +
      'It is No. 319 in the series. Exports were worth US$9.57 billion. Japan spent 1.5 trillion yen.';
    expect(sentences(text)).toEqual([
      'Stephen R. Nagy met Dr. Hornung in the U.S. capital.',
      'The U.S. House Speaker Nancy Pelosi visited, e.g. Taiwan.',
      'It is No. 319 in the series.',
      'Exports were worth US$9.57 billion.',
      'Japan spent 1.5 trillion yen.',
    ]);
  });

  it('keep closing quotes with their sentence and need a capital to split', () => {
    const text =
      'Kishida said: “Ukraine today might be the East Asia of tomorrow.” Basically, Japan is seeking to deter China. the end';
    expect(sentences(text)).toEqual([
      'Kishida said: “Ukraine today might be the East Asia of tomorrow.”',
      'Basically, Japan is seeking to deter China. the end',
    ]);
  });

  it('split at blank lines and respect a range', () => {
    const text = 'Heading\n\nFirst one. Second one.';
    expect(sentences(text)).toEqual(['Heading', 'First one.', 'Second one.']);
    const spans = splitSentences(text, 9);
    expect(spans[0].start).toBe(9);
    expect(text.slice(spans[1].start, spans[1].end)).toBe('Second one.');
  });
});

describe('normalisation', () => {
  it('maps British to American spelling without breaking other words', () => {
    expect(americanSpelling('defence')).toBe('defense');
    expect(americanSpelling('favour')).toBe('favor');
    expect(americanSpelling('neighbourhood')).toBe('neighborhood');
    expect(americanSpelling('emphasised')).toBe('emphasized');
    expect(americanSpelling('stabilise')).toBe('stabilize');
    expect(americanSpelling('analyse')).toBe('analyze');
    for (const same of ['four', 'hour', 'your', 'rise', 'exercise', 'promise', 'otherwise', 'advise', 'compromise']) {
      expect(americanSpelling(same)).toBe(same);
    }
  });

  it('lemmatises so that inflected forms meet', () => {
    expect(lemma('territories')).toBe('territory');
    expect(lemma('deterring')).toBe(lemma('deter'));
    expect(lemma('collapsed')).toBe('collapse');
    expect(lemma('continues')).toBe('continue');
    expect(lemma('defences')).toBe('defense');
  });

  it('tokenises with offsets, folding possessives, quotes and dashes', () => {
    const text = 'Japan’s defence—and Russia-China ties; don’t';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.norm)).toEqual(['japan', 'defense', 'and', 'russia', 'china', 'tie', 'do', 'not']);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.surface);
  });

  it('reads numbers with their units and multipliers', () => {
    const tokens = tokenize(
      '2% of GDP, a 60 per cent rise, US$300 million, $5.5bn, 24,854 firms, US$9,57 billion in 1945',
    );
    const numbers = tokens.filter((t) => t.value !== undefined).map((t) => [t.value, t.unit ?? null]);
    expect(numbers).toEqual([
      [2, '%'],
      [60, '%'],
      [300e6, '$'],
      [5.5e9, '$'],
      [24854, null],
      [9.57e9, '$'],
      [1945, 'year'],
    ]);
  });
});

describe('index terms', () => {
  const terms = (text: string) => sideOfText(text, new ConceptMatcher([])).termOf.filter(Boolean);

  it('leave out the nouns of complex prepositions, and keep the same nouns used as nouns', () => {
    expect(terms('In addition to sanctions, Japan sent aid in terms of equipment.')).toEqual([
      'sanction',
      'japan',
      'send',
      'aid',
      'equipment',
    ]);
    expect(terms('The addition of two divisions changed the terms of the treaty.')).toEqual(
      expect.arrayContaining(['addition', 'division', 'term', 'treaty']),
    );
  });
});
