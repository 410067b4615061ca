import { describe, expect, it } from 'vitest';
import { groupTopics, topicFinder } from '../../../common/overviews';
import { link, topic } from './helpers';

const ids = (groups: ReturnType<typeof groupTopics>) => groups.map((g) => g.links.map((l) => l.id).sort());

describe('grouping links into topics', () => {
  it('keeps a link joining several passages as one topic, and unrelated links apart', () => {
    const three = link('agree', [
      ['a', 0, 10],
      ['b', 0, 10],
      ['c', 0, 10],
    ]);
    const other = link('conflict', [
      ['a', 50, 60],
      ['b', 50, 60],
    ]);
    const groups = groupTopics([three, other], []);
    expect(ids(groups)).toEqual([[three.id], [other.id]]);
    expect(groups[0].ends).toHaveLength(3);
    expect(groups[0].id).toBe(`auto-${three.id}`);
  });

  it('merges links sharing a passage (overlapping ranges of one document), transitively', () => {
    const x = link('agree', [
      ['a', 0, 20],
      ['b', 0, 10],
    ]);
    const y = link('conflict', [
      ['a', 15, 30],
      ['c', 0, 10],
    ]); // overlaps x in a
    const z = link('related', [
      ['c', 5, 8],
      ['d', 0, 10],
    ]); // overlaps y in c
    const w = link('agree', [
      ['a', 20, 25],
      ['d', 40, 50],
    ]); // touches x's end in a (20) but overlaps y (15–30)
    const apart = link('agree', [
      ['a', 30, 40],
      ['b', 10, 20],
    ]); // touches y at 30 and x at 10: no common character
    expect(ids(groupTopics([x, y, z, w, apart], []))).toEqual([[x.id, y.id, z.id, w.id].sort(), [apart.id]]);
  });

  it('does not join orphaned passages or the same range of different documents', () => {
    const x = link('agree', [
      ['a', 0, 20],
      ['b', 0, 10],
    ]);
    const y = link('agree', [
      ['a', 5, 10],
      ['c', 0, 10],
    ]);
    y.ends[0].orphan = true;
    const z = link('agree', [
      ['c', 100, 110],
      ['d', 0, 20],
    ]);
    expect(ids(groupTopics([x, y, z], []))).toEqual([[x.id], [y.id], [z.id]]);
  });

  it('follows the analyst: records name and order rows, and a record holding links of two groups merges them', () => {
    const x = link('agree', [
      ['a', 0, 10],
      ['b', 0, 10],
    ]);
    const y = link('conflict', [
      ['a', 50, 60],
      ['b', 50, 60],
    ]);
    const z = link('agree', [
      ['c', 0, 10],
      ['d', 0, 10],
    ]);
    // Unrecorded groups come in the order their first link was made.
    expect(ids(groupTopics([z, y, x], []))).toEqual([[x.id], [y.id], [z.id]]);
    const groups = groupTopics([x, y, z], [topic('t-z', [z.id], 'Energy'), topic('t-xy', [x.id, y.id], null)]);
    expect(ids(groups)).toEqual([[z.id], [x.id, y.id].sort()]);
    expect(groups[0].record?.name).toBe('Energy');
    expect(groups[1].id).toBe('t-xy');
  });

  it('gives a group claimed by two records to the first, ignores deleted links and tag rows', () => {
    const x = link('agree', [
      ['a', 0, 10],
      ['b', 0, 10],
    ]);
    const groups = groupTopics(
      [x],
      [topic('tag-row', [], 'Deterrence', 'deterrence'), topic('first', [x.id, 'ln-gone']), topic('second', [x.id])],
    );
    expect(groups.map((g) => g.id)).toEqual(['first']);
  });

  it('finds the topic of a passage that overlaps one of its passages', () => {
    const x = link('agree', [
      ['a', 10, 20],
      ['b', 0, 10],
    ]);
    const find = topicFinder(groupTopics([x], []));
    expect(find('a', 15, 40)?.links[0].id).toBe(x.id);
    expect(find('a', 20, 40)).toBeUndefined();
    expect(find('c', 10, 20)).toBeUndefined();
  });
});
