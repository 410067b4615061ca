import { describe, expect, it } from 'vitest';
import type { Tag } from '../../../common/model';
import { rankTags, sameNamedTag } from '../../../renderer/src/panels/tag-rank';

const tag = (id: string, name: string, description = ''): { tag: Tag; depth: number } => ({
  tag: { id, name, description, color: '#888888', parentId: null },
  depth: 0,
});

describe('the tag finder', () => {
  const tree = [
    tag('sanctions', 'Sanctions', 'Measures against Russia after 2022'),
    tag('alignment', 'Russia–China alignment'),
    tag('deterrence', 'Deterrence'),
    tag('russia', 'Russia'),
  ];

  it('ranks tags whose name matches above tags whose description mentions the words', () => {
    expect(rankTags(tree, 'russia').map((t) => t.tag.id)).toEqual(['alignment', 'russia', 'sanctions']);
    expect(rankTags(tree, 'Russia ')[2].tag.id).toBe('sanctions');
  });

  it('puts a name that starts with the words first, then a word of a name, and keeps tree order otherwise', () => {
    expect(rankTags(tree, 'chin').map((t) => t.tag.id)).toEqual(['alignment']);
    expect(rankTags([tag('x', 'Nuclear deterrence'), tag('d', 'Deterrence')], 'deter').map((t) => t.tag.id)).toEqual([
      'd',
      'x',
    ]);
    expect(rankTags(tree, '').map((t) => t.tag.id)).toEqual(['sanctions', 'alignment', 'deterrence', 'russia']);
  });
});

describe('the tag finder reads names as the analyst means them', () => {
  const codebook = [
    tag('spending', 'Defence spending'),
    tag('alignment', 'Russia–China alignment'),
    tag('deterrence', 'Deterrence', 'Dissuasion by threat of reprisal'),
    tag('resilience', 'Résilience civile'),
  ];
  const ids = (q: string) => rankTags(codebook, q).map((t) => t.tag.id);

  it('finds a name written in the other spelling', () => {
    expect(ids('defense')).toEqual(['spending']);
    expect(ids('Defense sp')).toEqual(['spending']);
    expect(ids('defenc')).toEqual(['spending']);
  });

  it('reads dashes, hyphens and punctuation as spaces and folds accents', () => {
    expect(ids('russia-china')).toEqual(['alignment']);
    expect(ids('russia china')).toEqual(['alignment']);
    expect(ids('china alignment')).toEqual(['alignment']);
    expect(ids('resilience')).toEqual(['resilience']);
    expect(ids('reprisal')).toEqual(['deterrence']);
  });

  it('does not offer a near-duplicate of an existing tag as a new one', () => {
    const tags = codebook.map((t) => t.tag);
    expect(sameNamedTag(tags, 'russia-china  alignment')?.id).toBe('alignment');
    expect(sameNamedTag(tags, 'Defense Spending')?.id).toBe('spending');
    expect(sameNamedTag(tags, 'Defense')).toBeUndefined();
    expect(sameNamedTag(tags, ' – ')).toBeUndefined();
  });
});
