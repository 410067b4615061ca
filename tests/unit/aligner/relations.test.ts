import { describe, expect, it } from 'vitest';
import { ConceptMatcher, DEFAULT_CONCEPTS } from '../../../main/services/aligner/concepts';
import { DEGREE_PAIRS, generalAntonyms, NEGATORS } from '../../../main/services/aligner/cues';
import { tokenize } from '../../../main/services/aligner/normalise';
import { termsOf } from '../../../main/services/aligner/passages';
import { relate } from '../../../main/services/aligner/relate';

// Made-up sentences, each pinning one rule; none is taken from a labelled pair.
const matcher = new ConceptMatcher(DEFAULT_CONCEPTS);
const side = (text: string, year?: number) => {
  const tokens = tokenize(text);
  return { tokens, ...termsOf(tokens, matcher), year };
};
const kinds = (r: { evidence: { kind: string }[] }) => r.evidence.map((e) => e.kind);

describe('conflict only on strong, checkable evidence', () => {
  it('the same predicate negated on the same subject is a conflict, with the negator marked', () => {
    const a = 'The harbour board will renew the ferry licence for the island route.';
    const b = 'The harbour board will not renew the ferry licence for the island route.';
    const r = relate(side(a), side(b));
    expect(r.relation).toBe('conflict');
    const neg = r.evidence.find((e) => e.kind === 'negation')!;
    expect(b.slice(...neg.b!)).toBe('not');
    expect(neg.a).toBeNull();
  });

  it('two ways of saying "not" are no conflict ("no hope of X" / "makes X impossible")', () => {
    const r = relate(
      side('There is no hope of a fishing agreement with the islanders this season.'),
      side('The quarrel makes a fishing agreement with the islanders impossible this season.'),
    );
    expect(r.relation).not.toBe('conflict');
  });

  it('"did not hesitate to" affirms, and "not only … but also" negates nothing', () => {
    const litotes = relate(
      side('The council did not hesitate to close the harbour to trawlers in winter.'),
      side('The council was quick to close the harbour to trawlers in winter.'),
    );
    expect(kinds(litotes)).not.toContain('negation');
    const notOnly = relate(
      side('The council funds the harbour not only through fares but also through a levy.'),
      side('The council funds the harbour through fares and a levy.'),
    );
    expect(kinds(notOnly)).not.toContain('negation');
  });

  it('a negation in a question asks rather than denies, on either side', () => {
    const asked = relate(
      side('Will the harbour board not renew the ferry licence for the island route?'),
      side('The harbour board will renew the ferry licence for the island route.'),
    );
    expect(asked.relation).toBe('related');
    expect(kinds(asked)).not.toContain('negation');
    const answeredByQuestion = relate(
      side('The harbour board will not renew the ferry licence for the island route.'),
      side('Will the harbour board renew the ferry licence for the island route?'),
    );
    expect(answeredByQuestion.relation).toBe('related');
  });

  it('"no more than", "not less … than", "no doubt" and "do not object" restrict, compare or affirm: no negation', () => {
    for (const [a, b] of [
      [
        'The harbour board grants no more than two ferry licences a year.',
        'The harbour board grants two ferry licences a year.',
      ],
      [
        'The ferry licence is not less costly than the bridge toll.',
        'The ferry licence is costly, like the bridge toll.',
      ],
      ['The harbour board has no doubt renewed the ferry licence.', 'The harbour board renewed the ferry licence.'],
      [
        'The harbour board does not object to the ferry licence.',
        'The harbour board objects to the ferry licence fee.',
      ],
    ])
      expect(kinds(relate(side(a), side(b)))).not.toContain('negation');
  });

  it('only the predicate a negator denies counts: a shared word further on is not denied', () => {
    const r = relate(
      side('The harbour board did not hear about the ferry licence for the island route.'),
      side('The harbour board renewed the ferry licence for the island route.'),
    );
    expect(kinds(r)).not.toContain('negation');
    expect(r.relation).toBe('related');
  });

  it('an adverb between a negator and its predicate is read past: the predicate is what is denied', () => {
    // "not fundamentally changed" denies "changed", not "fundamentally": a shared adverb is no denial.
    const adverbOnly = relate(
      side('The harbour board has not fundamentally altered the ferry licence for the island route.', 2020),
      side('The harbour board fundamentally reformed the ferry licence for the island route.', 2022),
    );
    expect(kinds(adverbOnly)).not.toContain('negation');
    expect(kinds(adverbOnly)).not.toContain('change');
    // The predicate itself shared: denied past the adverb, on the same subject.
    const predicate = relate(
      side('The harbour board will not necessarily renew the ferry licence for the island route.'),
      side('The harbour board will renew the ferry licence for the island route.'),
    );
    expect(kinds(predicate)).toContain('negation');
  });

  it('a verb that means "not" leaves nothing asserted to deny ("seems to preclude", "prevents")', () => {
    const r = relate(
      side('The harbour board cannot renew the ferry licence for the island route.'),
      side('The new rule seems to preclude any power of the harbour board to renew the ferry licence.'),
    );
    expect(r.relation).not.toBe('conflict');
    // The verb itself as the predicate is denied like any other: "does not ban" against "bans".
    const ban = relate(
      side('The harbour board will not ban trawlers from the island harbour.'),
      side('The harbour board will ban trawlers from the island harbour.'),
    );
    expect(ban.relation).toBe('conflict');
  });

  it('a predicate the other side also denies or asks about somewhere is no contradiction', () => {
    const r = relate(
      side('The harbour board will not renew the ferry licence for the island route.'),
      side(
        'The harbour board renewed the ferry licence last year; it will not renew the ferry licence for the island route again.',
      ),
    );
    expect(r.relation).not.toBe('conflict');
  });

  it('a denied constituent ("no ferry licence") is a difference to check, not a conflict', () => {
    const r = relate(
      side('The island route has no ferry licence from the harbour board this year.'),
      side('The ferry licence from the harbour board for the island route runs this year.'),
    );
    expect(kinds(r)).toContain('negation');
    expect(r.relation).toBe('related');
  });

  it('the words of a concept\'s name are no contrast ("Northern Territories" / "southern coast")', () => {
    const r = relate(
      side('Tokyo raised the Northern Territories with Moscow during the fishery talks.'),
      side('Tokyo raised the southern coast with Moscow during the fishery talks.'),
    );
    expect(kinds(r)).not.toContain('antonym');
  });

  it('differing quantities of the same thing at the same time conflict; at different times they do not', () => {
    const same = relate(
      side('In 2021 the ferry company carried 40% of island freight.'),
      side('In 2021 the ferry company carried 15% of island freight.'),
    );
    expect(same.relation).toBe('conflict');
    expect(same.evidence.find((e) => e.kind === 'number')?.note).toBe('40% / 15%');
    const times = relate(
      side('The ferry company carried 40% of island freight in 2015.'),
      side('The ferry company carried 15% of island freight in 2021.'),
    );
    expect(times.relation).not.toBe('conflict');
    // Still shown as a difference to check.
    expect(kinds(times)).toContain('number');
  });

  it('a difference between texts written in different years is a change over time, not a conflict', () => {
    const r = relate(
      side('The ferry company carries 40% of island freight.', 2022),
      side('The ferry company carries 15% of island freight.', 2024),
    );
    expect(r.relation).toBe('related');
    expect(r.evidence[0]).toMatchObject({ kind: 'change', note: 'may have changed over time (2022 → 2024)' });
    expect(kinds(r)).toContain('number');
  });

  it('words calling the other claim wrong make a conflict when aimed at what both discuss', () => {
    const r = relate(
      side('The claim that ferry fares to the island will double is mistaken.'),
      side('Ferry fares to the island will double next spring.'),
    );
    expect(r.relation).toBe('conflict');
    expect(kinds(r)).toContain('marker');
  });

  it('antonyms and contrasts of degree are differences to check, never a conflict on their own', () => {
    const r = relate(
      side('The new harbour wall is strong enough for winter storms on the island.'),
      side('The new harbour wall is weak against winter storms on the island.'),
    );
    expect(r.relation).toBe('related');
    expect(r.evidence.find((e) => e.kind === 'antonym')?.note).toBe('strong / weak (WordNet antonyms)');
    // Less sure than of a plain "related": there is a difference to check.
    expect(r.score).toBeLessThan(0.5);
  });

  it('passages that share too little are related at most', () => {
    expect(relate(side('The economy did not grow.'), side('Tokyo sent helmets to Ukraine.')).relation).toBe('related');
  });

  it('paraphrase through concepts and spelling, with nothing differing, is related with its shared content, never "agree"', () => {
    const r = relate(
      side('Tokyo imposed sanctions on Moscow and sent defence equipment to Kyiv.'),
      side('Japan imposed sanctions on Russia and sent defense equipment to Ukraine.'),
    );
    expect(r.relation).toBe('related');
    expect(r.overlap).toBeGreaterThan(0.5);
    const shared = r.evidence.filter((e) => e.kind === 'shared').map((e) => e.note);
    expect(shared.join(' ')).toContain('sanctions');
    expect(shared.join(' ')).toContain('Japan imposed sanctions on Russia');
  });

  it('words shared evidence as each side writes it, covering every word of a concept', () => {
    const a = 'Tokyo wants the Northern Territories returned before a peace treaty.';
    const b = 'Japan insists Russia return the Southern Kurils before a peace treaty is signed.';
    const r = relate(side(a), side(b));
    const islands = r.evidence.find((e) => e.note === 'Northern Territories / Southern Kurils')!;
    expect(a.slice(...islands.a!)).toBe('Northern Territories');
    expect(b.slice(...islands.b!)).toBe('Southern Kurils');
  });
});

describe('curated word lists', () => {
  it('hold no pair fitted to a labelled passage: the removed pairs stay removed', () => {
    // Pairs an earlier hand-made list took from labelled passages; none is an antonym in
    // WordNet or a member of a Horn scale, so none may come back.
    const fitted = [
      ['minimal', 'openly'],
      ['mixture', 'essentially'],
      ['laggard', 'leader'],
      ['hesitate', 'immediately'],
      ['collapse', 'continue'],
    ];
    const degree = new Set(DEGREE_PAIRS.map((p) => p.join(' ')));
    for (const [x, y] of fitted) {
      expect(generalAntonyms().get(x)?.has(y) ?? false).toBe(false);
      expect(degree.has(`${x} ${y}`) || degree.has(`${y} ${x}`)).toBe(false);
    }
  });

  it('keep WordNet antonyms and Horn scales as the only sources of contrast pairs', () => {
    expect(generalAntonyms().size).toBeGreaterThan(4000);
    // Every degree pair is [weaker, stronger] of a quantity or frequency scale.
    expect(DEGREE_PAIRS).toContainEqual(['some', 'all']);
    expect(NEGATORS.has('not')).toBe(true);
  });
});

describe('word lists say where they come from', () => {
  it('every group of starting concepts names its source, and no concept is listed twice', async () => {
    const { CONCEPT_SOURCES, DEFAULT_CONCEPTS } = await import('../../../main/services/aligner/concepts');
    for (const group of CONCEPT_SOURCES) {
      expect(group.source.length).toBeGreaterThan(40);
      expect(group.concepts.length).toBeGreaterThan(0);
    }
    const ids = DEFAULT_CONCEPTS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(DEFAULT_CONCEPTS.every((c) => c.forms.length > 0 && c.label)).toBe(true);
  });
});
