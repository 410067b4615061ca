import { describe, expect, it } from 'vitest';
import { agreementMatrix } from '../../../common/overviews';
import { DOCS, link, suggestion } from './helpers';

describe('the author × author agreement matrix', () => {
  const links = [
    link('conflict', [
      ['rinna', 0, 10],
      ['hornung', 0, 10],
    ]),
    link('conflict', [
      ['hornung', 20, 30],
      ['nagy', 0, 10],
    ]),
    link('agree', [
      ['rinna', 40, 50],
      ['hornung', 40, 50],
      ['nagy', 40, 50],
    ]),
    link('related', [
      ['rinna', 60, 70],
      ['nagy', 60, 70],
    ]),
    link('conflict', [
      ['rinna', 80, 90],
      ['rinna-2', 0, 10],
    ]),
  ];
  const suggestions = [
    suggestion('s1', 'conflict', ['rinna', 100, 110], ['nagy', 100, 110]),
    suggestion('s2', 'agree', ['rinna', 120, 130], ['nagy', 120, 130], { status: 'dismissed' }),
    suggestion('s3', 'agree', ['rinna', 140, 150], ['nagy', 140, 150], { status: 'accepted' }),
  ];

  it('has one row per author (one author of two texts is one row), by date', () => {
    const m = agreementMatrix({ docs: DOCS, links });
    expect(m.authors.map((a) => a.label)).toEqual(['Rinna', 'Hornung', 'Nagy & Nguyen']);
    expect(m.authors[0].docs).toEqual(['rinna', 'rinna-2']);
  });

  it('counts each pair of passages of a link once, symmetrically, and leaves related links out', () => {
    const m = agreementMatrix({ docs: DOCS, links });
    const [rinna, hornung, nagy] = [0, 1, 2];
    expect(m.cell(rinna, hornung)).toMatchObject({ agree: 1, conflict: 1 });
    expect(m.cell(hornung, rinna)).toMatchObject({ agree: 1, conflict: 1 });
    expect(m.cell(hornung, nagy)).toMatchObject({ agree: 1, conflict: 1 });
    expect(m.cell(rinna, nagy)).toMatchObject({ agree: 1, conflict: 0 });
    expect(m.cell(rinna, rinna)).toMatchObject({ agree: 0, conflict: 1 }); // Rinna 2016 against Rinna 2024
    expect(m.cell(nagy, nagy).items).toEqual([]);
    expect(m.cell(rinna, hornung).items.map((i) => i.id)).toEqual([links[0].id, links[2].id]);
    expect(m.max).toEqual({ agree: 1, conflict: 1 });
  });

  it('adds only unreviewed suggestions, and only when asked', () => {
    expect(agreementMatrix({ docs: DOCS, links, suggestions }).cell(0, 2)).toMatchObject({ conflict: 0 });
    const m = agreementMatrix({ docs: DOCS, links, suggestions, includeSuggestions: true });
    expect(m.cell(0, 2)).toMatchObject({ agree: 1, conflict: 1 });
    expect(m.cell(0, 2).items.map((i) => `${i.kind}:${i.id}`)).toContain('suggestion:s1');
  });
});
