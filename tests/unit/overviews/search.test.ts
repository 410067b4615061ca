import { describe, expect, it } from 'vitest';
import { ConceptFinder, searchTexts, topicName, groupTopics } from '../../../common/overviews';
import { link, topic } from './helpers';

const concepts = [{ id: 'china', label: 'China', forms: ['Beijing', 'PRC'] }];
const texts = [
  { doc: 'a', text: 'Tokyo watches Beijing closely.\n\nThe Northern   Territories remain disputed.' },
  { doc: 'b', text: 'China and Russia align. The northern territories are a bargaining chip for the PRC.' },
];

describe('search across documents', () => {
  it('finds a phrase in any case and across runs of white space, in each document, with context', () => {
    const { hits, total } = searchTexts(texts, 'northern territories');
    expect(total).toBe(2);
    expect(hits.map((h) => [h.doc, h.match])).toEqual([
      ['a', 'Northern Territories'],
      ['b', 'northern territories'],
    ]);
    expect(hits[0].before).toMatch(/Beijing closely\. The $/);
    expect(hits[0].after).toBe(' remain disputed.');
    expect(texts[0].text.slice(hits[0].start, hits[0].end)).toBe('Northern   Territories');
  });

  it('finds every form of a concept the query names, as whole words', () => {
    const { hits } = searchTexts(texts, 'china', concepts);
    expect(hits.map((h) => [h.doc, h.match, h.via])).toEqual([
      ['a', 'Beijing', 'concept'],
      ['b', 'China', 'text'],
      ['b', 'PRC', 'concept'],
    ]);
  });

  it('counts two names of the concept written side by side as one place', () => {
    const islands = [{ id: 'kurils', label: 'Kuril Islands', forms: ['Northern Territories'] }];
    const { hits, total } = searchTexts(
      [{ doc: 'a', text: 'The Kuril Islands/Northern Territories dispute; the Northern Territories, again.' }],
      'kuril islands',
      islands,
    );
    expect(total).toBe(2);
    expect(hits.map((h) => h.match)).toEqual(['Kuril Islands/Northern Territories', 'Northern Territories']);
  });

  it('limits the hits it returns but counts them all', () => {
    const { hits, total } = searchTexts([{ doc: 'a', text: 'x '.repeat(50) }], 'x', [], 10);
    expect(hits).toHaveLength(10);
    expect(total).toBe(50);
    expect(searchTexts(texts, '   ').total).toBe(0);
  });
});

describe('naming a topic until the analyst does', () => {
  const finder = new ConceptFinder(concepts);
  const quoted = (exacts: [string, string][]) => {
    const l = link(
      'agree',
      exacts.map(([doc], i) => [doc, i * 10, i * 10 + 5]),
    );
    l.ends.forEach((e, i) => (e.quote.exact = exacts[i][1]));
    return l;
  };
  it("uses the analyst's name, then tags, then concepts two documents share, then the first words", () => {
    const l = quoted([
      ['a', 'Beijing is wary of the new strategy'],
      ['b', 'The PRC has reacted'],
    ]);
    const [g] = groupTopics([l], []);
    expect(topicName(g, (id) => id, finder)).toEqual({ text: 'China', from: 'concepts' });
    const [named] = groupTopics([l], [topic('t', [l.id], 'Beijing’s view')]);
    expect(topicName(named, (id) => id, finder).text).toBe('Beijing’s view');
    l.tags = ['deterrence'];
    expect(topicName(g, (id) => `#${id}`, finder)).toEqual({ text: '#deterrence', from: 'tags' });
    const lone = quoted([
      ['a', 'Beijing is wary of the new strategy'],
      ['b', 'Tokyo has reacted'],
    ]);
    expect(topicName(groupTopics([lone], [])[0], (id) => id, finder)).toEqual({
      text: '“Beijing is wary of the new…”',
      from: 'quote',
    });
  });
});
