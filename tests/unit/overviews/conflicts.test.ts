import { describe, expect, it } from 'vitest';
import {
  conflictEntries,
  filterConflicts,
  groupConflicts,
  groupTopics,
  timeGap,
  TIME_GAP_YEARS,
} from '../../../common/overviews';
import { DOCS, link, suggestion } from './helpers';

describe('the time-gap rule', () => {
  it(`flags passages ${TIME_GAP_YEARS} or more years apart as a possible change over time`, () => {
    expect(timeGap([2016, 2024])?.text).toBe('2016 vs 2024: may be a change over time');
    expect(timeGap([2024, 2016, 2020])).toMatchObject({ from: 2016, to: 2024 });
    expect(timeGap([2022, 2022 + TIME_GAP_YEARS])).toBeDefined();
    expect(timeGap([2022, 2022 + TIME_GAP_YEARS - 1])).toBeUndefined();
  });
  it('ignores undated passages', () => {
    expect(timeGap([2016, undefined])).toBeUndefined();
    expect(timeGap([undefined, undefined])).toBeUndefined();
  });
});

describe('the contradictions list', () => {
  const older = link(
    'conflict',
    [
      ['rinna', 0, 10],
      ['nagy', 0, 10],
    ],
    { note: 'Cooperation or rivalry?', tags: ['deterrence'] },
  );
  const agree = link('agree', [
    ['hornung', 0, 10],
    ['nagy', 20, 30],
  ]);
  const later = link(
    'conflict',
    [
      ['hornung', 50, 60],
      ['nagy', 50, 60],
    ],
    { suggestion: 's-acc' },
  );
  const suggestions = [
    suggestion('s-low', 'conflict', ['rinna', 90, 99], ['hornung', 90, 99], { score: 0.3 }),
    suggestion('s-high', 'conflict', ['hornung', 3, 8], ['rinna', 200, 210], {
      score: 0.8,
      evidence: [{ kind: 'negation', a: null, b: null, note: 'not on one side' }],
    }),
    suggestion('s-acc', 'conflict', ['hornung', 50, 60], ['nagy', 50, 60], {
      status: 'accepted',
      score: 0.7,
      evidence: [{ kind: 'antonym', a: null, b: null, note: 'rise / fall' }],
    }),
    suggestion('s-dis', 'conflict', ['rinna', 300, 310], ['nagy', 300, 310], { status: 'dismissed' }),
    suggestion('s-agree', 'agree', ['rinna', 400, 410], ['nagy', 400, 410]),
  ];
  const links = [later, agree, older];
  const topics = groupTopics(links, []);
  const entries = conflictEntries({ docs: DOCS, links, suggestions, topics });

  it('lists reviewed conflicts first (by topic, then when made), then unreviewed suggestions by score', () => {
    expect(entries.map((e) => e.key)).toEqual([
      `link:${older.id}`,
      `link:${later.id}`,
      'suggestion:s-high',
      'suggestion:s-low',
    ]);
    expect(entries.map((e) => e.reviewed)).toEqual([true, true, false, false]);
  });

  it('gives each entry its authors, years, gap, note, tags, and the evidence of the suggestion it came from', () => {
    const [first, second, high] = entries;
    expect(first.passages.map((p) => [p.authorLabel, p.year])).toEqual([
      ['Rinna', 2016],
      ['Nagy & Nguyen', 2023],
    ]);
    expect(first.gap?.text).toBe('2016 vs 2023: may be a change over time');
    expect(first).toMatchObject({ note: 'Cooperation or rivalry?', tags: ['deterrence'] });
    expect(second.gap).toBeUndefined();
    expect(second.evidence).toEqual([{ kind: 'antonym', note: 'rise / fall' }]);
    expect(second.score).toBe(0.7);
    // The unreviewed suggestion touches the topic of the agreement (Hornung 0–10).
    expect(high.topic?.links.map((l) => l.id)).toEqual([agree.id]);
  });

  it('filters by tag, author, topic and review state', () => {
    expect(filterConflicts(entries, { tags: new Set(['deterrence']) }).map((e) => e.id)).toEqual([older.id]);
    const rinna = 'Anthony V. Rinna';
    expect(filterConflicts(entries, { author: rinna }).map((e) => e.id)).toEqual([older.id, 's-high', 's-low']);
    expect(filterConflicts(entries, { reviewed: 'unreviewed' })).toHaveLength(2);
    expect(filterConflicts(entries, { topic: entries[2].topic!.id }).map((e) => e.id)).toEqual(['s-high']);
  });

  it('groups by author pair and by topic', () => {
    const byPair = groupConflicts(entries, 'pair');
    expect(byPair.map((g) => [g.pair!.join(' / '), g.entries.length])).toEqual([
      ['Anthony V. Rinna / Stephen R. Nagy; Hanh Nguyen', 1],
      ['Jeffrey Hornung / Stephen R. Nagy; Hanh Nguyen', 1],
      ['Anthony V. Rinna / Jeffrey Hornung', 2],
    ]);
    const byTopic = groupConflicts(entries, 'topic');
    expect(byTopic.at(-1)!.key).toBe('topic:'); // s-low belongs to no topic
    expect(byTopic.at(-1)!.entries.map((e) => e.id)).toEqual(['s-low']);
  });
});
