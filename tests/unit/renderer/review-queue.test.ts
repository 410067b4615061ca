import { describe, expect, it } from 'vitest';
import type { Suggestion } from '../../../common/model';
import { keepPlace, pairOf, pairsIn, queueItems, type QueueFilter } from '../../../renderer/src/review/queue';

function suggestion(
  id: string,
  score: number,
  relation: Suggestion['relation'],
  a: string,
  b: string,
  status: Suggestion['status'] = 'suggested',
): Suggestion {
  const side = (doc: string) => ({ doc, start: 0, end: 5, text: 'words', revision: 1 });
  return { id, score, confidence: null, relation, a: side(a), b: side(b), evidence: [], status };
}

const all: QueueFilter = { relation: '', pair: '', status: 'all' };
const list = [
  suggestion('s1', 0.4, 'agree', 'abe', 'kishida'),
  suggestion('s2', 0.9, 'conflict', 'kishida', 'abe'),
  suggestion('s3', 0.7, 'related', 'abe', 'oshea', 'dismissed'),
  suggestion('s4', 0.9, 'agree', 'oshea', 'nagy', 'accepted'),
  suggestion('s5', 0.55, 'conflict', 'nagy', 'abe'),
];

describe('the review queue', () => {
  it('lists the most confident first, ties in a stable order', () => {
    expect(queueItems(list, all).map((s) => s.id)).toEqual(['s2', 's4', 's3', 's5', 's1']);
  });

  it('among suggestions Align is as sure of, lists the most alike first', () => {
    const sameConfidence = [
      { ...suggestion('a-weak', 0.3, 'related', 'a', 'b'), confidence: 0.6 },
      { ...suggestion('b-strong', 0.8, 'related', 'a', 'b'), confidence: 0.6 },
      { ...suggestion('c-middle', 0.5, 'related', 'a', 'b'), confidence: 0.6 },
      { ...suggestion('d-unsure', 0.9, 'related', 'a', 'b'), confidence: 0.4 },
    ];
    expect(queueItems(sameConfidence, all).map((s) => s.id)).toEqual(['b-strong', 'c-middle', 'a-weak', 'd-unsure']);
  });

  it('uses the confidence Align gives where there is one, else the score', () => {
    const withConfidence = [
      { ...suggestion('low-score', 0.2, 'agree', 'a', 'b'), confidence: 0.95 },
      suggestion('high-score', 0.8, 'agree', 'a', 'b'),
    ];
    expect(queueItems(withConfidence, all).map((s) => s.id)).toEqual(['low-score', 'high-score']);
  });

  it('filters by relation, by pair of documents either way round, and by status', () => {
    expect(queueItems(list, { ...all, relation: 'conflict' }).map((s) => s.id)).toEqual(['s2', 's5']);
    expect(queueItems(list, { ...all, pair: pairOf('abe', 'kishida') }).map((s) => s.id)).toEqual(['s2', 's1']);
    expect(queueItems(list, { ...all, status: 'suggested' }).map((s) => s.id)).toEqual(['s2', 's5', 's1']);
    expect(queueItems(list, { relation: 'agree', pair: '', status: 'dismissed' })).toEqual([]);
    expect(pairsIn(list)).toEqual(['abe|kishida', 'abe|oshea', 'abe|nagy', 'nagy|oshea'].sort());
  });

  it('keeps the place: a decided suggestion that leaves the list is followed by the next one', () => {
    expect(keepPlace('s5', ['s2', 's5', 's1'], ['s2', 's1'])).toBe('s1');
    expect(keepPlace('s1', ['s2', 's5', 's1'], ['s2', 's5'])).toBe('s5');
    expect(keepPlace('s5', ['s2', 's5', 's1'], ['s2', 's5', 's1'])).toBe('s5');
    expect(keepPlace(undefined, [], ['s2'])).toBe('s2');
    expect(keepPlace('s2', ['s2'], [])).toBeUndefined();
  });
});
