import { describe, expect, it } from 'vitest';
import { formatConcepts, parseConcepts } from '../../../renderer/src/panes/concepts-text';

describe('the concepts text', () => {
  it('reads one concept per line, ignores blank and # lines, and round-trips', () => {
    const text = 'Japan: Tokyo; the Kishida administration\n\n# a comment\nKuril Islands: Northern Territories';
    const parsed = parseConcepts(text);
    expect(parsed).toEqual({
      concepts: [
        { id: 'japan', label: 'Japan', forms: ['Japan', 'Tokyo', 'the Kishida administration'] },
        { id: 'kuril-islands', label: 'Kuril Islands', forms: ['Kuril Islands', 'Northern Territories'] },
      ],
    });
    if ('concepts' in parsed)
      expect(formatConcepts(parsed.concepts)).toBe(
        'Japan: Tokyo; the Kishida administration\nKuril Islands: Northern Territories',
      );
  });

  it('names the line of a mistake', () => {
    expect(parseConcepts('Japan: Tokyo\nRussia')).toEqual({ error: 'Line 2: write "Name: form; another form".' });
    expect(parseConcepts('Japan:  ;')).toMatchObject({ error: expect.stringMatching(/^Line 1: "Japan" needs/) });
  });

  it('keeps ids unique when two names slug alike', () => {
    const parsed = parseConcepts('Japan: Tokyo\nJAPAN: Nippon');
    expect('concepts' in parsed && parsed.concepts.map((c) => c.id)).toEqual(['japan', 'japan-2']);
  });
});
