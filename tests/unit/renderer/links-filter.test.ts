import { describe, expect, it } from 'vitest';
import type { Link, LinkEnd } from '../../../common/model';
import { linkMatches } from '../../../renderer/src/links/links-list';
import { pairOf } from '../../../renderer/src/review/queue';

const end = (doc: string, exact: string): LinkEnd => ({
  doc,
  start: 0,
  end: exact.length,
  quote: { exact, prefix: '', suffix: '' },
  revision: 1,
  orphan: false,
});
const link: Link = {
  id: 'k1',
  relation: 'conflict',
  ends: [end('hornung', 'relations have largely collapsed'), end('nagy', 'continues to buy oil'), end('oshea', 'x')],
  tags: ['sanctions'],
  note: 'Energy trade goes on',
  createdAt: '',
  updatedAt: '',
};
const none = { relation: '' as const, pair: '', tag: '', text: '' };

describe('the Links tab filters', () => {
  it('match a link of several texts by any pair of them, either way round', () => {
    expect(linkMatches(link, { ...none, pair: pairOf('nagy', 'hornung') })).toBe(true);
    expect(linkMatches(link, { ...none, pair: pairOf('oshea', 'nagy') })).toBe(true);
    expect(linkMatches(link, { ...none, pair: pairOf('hornung', 'rinna') })).toBe(false);
  });

  it('match relation, tag, and text in the quotes or the note, ignoring case', () => {
    expect(linkMatches(link, { ...none, relation: 'conflict', tag: 'sanctions' })).toBe(true);
    expect(linkMatches(link, { ...none, relation: 'agree' })).toBe(false);
    expect(linkMatches(link, { ...none, tag: 'deterrence' })).toBe(false);
    expect(linkMatches(link, { ...none, text: 'LARGELY' })).toBe(true);
    expect(linkMatches(link, { ...none, text: 'energy trade' })).toBe(true);
    expect(linkMatches(link, { ...none, text: 'nuclear' })).toBe(false);
  });
});
