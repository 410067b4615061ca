import { describe, expect, it } from 'vitest';
import type { Tag } from '../../../common/model';
import { rankTags } from '../../../renderer/src/panels/tag-rank';

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
