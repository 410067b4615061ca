import { describe, expect, it } from 'vitest';
import { MIN_FUZZY_SCORE, quoteAt, reanchor } from '../../common/anchoring';

const text =
  'Japan has pursued a mixture of engagement, resilience, and deterrence toward Russia. ' +
  'Tokyo kept talking to Moscow about the islands. Sanctions followed the invasion of Ukraine in 2022, ' +
  'and Japan joined them quickly. Deterrence of China remains the main concern of defence planners.';

function target(start: number, end: number) {
  return { start, end, quote: quoteAt(text, start, end) };
}

describe('anchoring', () => {
  const start = text.indexOf('Sanctions followed');
  const end = start + 'Sanctions followed the invasion of Ukraine'.length;

  it('keeps ~32 characters of context on each side', () => {
    const q = quoteAt(text, start, end);
    expect(q.exact).toBe('Sanctions followed the invasion of Ukraine');
    expect(q.prefix).toHaveLength(32);
    expect(q.suffix).toBe(' in 2022, and Japan joined them ');
  });

  it('keeps the position when the quote is still there', () => {
    expect(reanchor(text, target(start, end))).toEqual({ start, end, method: 'position', score: 1 });
  });

  it('follows the quote when text was inserted before it', () => {
    const changed = `A new opening sentence. ${text}`;
    const found = reanchor(changed, target(start, end));
    expect(found?.method).toBe('exact');
    expect(changed.slice(found!.start, found!.end)).toBe('Sanctions followed the invasion of Ukraine');
  });

  it('picks the occurrence nearest the old position when the quote repeats', () => {
    const dup = `Japan. ${text}`;
    const at = text.indexOf('Japan joined');
    const found = reanchor(dup, target(at, at + 5));
    expect(found?.start).toBe(dup.indexOf('Japan joined'));
  });

  it('finds a lightly edited quote by fuzzy match, scored above the floor', () => {
    const changed = text.replace('the invasion of Ukraine', "Russia's invasion of Ukraine");
    const found = reanchor(changed, target(start, end));
    expect(found?.method).toBe('fuzzy');
    expect(found!.score).toBeGreaterThanOrEqual(MIN_FUZZY_SCORE);
    expect(changed.slice(found!.start, found!.end)).toMatch(/^Sanctions followed .*invasion of Ukrain/);
  });

  it('orphans an annotation whose text is gone or rewritten beyond the floor', () => {
    const gone = text.replace(/Sanctions followed[^.]*\./, '');
    expect(reanchor(gone, target(start, end))).toBeUndefined();
    const rewritten = text.replace(
      'Sanctions followed the invasion of Ukraine',
      'Penalties came after Moscow attacked Kyiv',
    );
    expect(reanchor(rewritten, target(start, end))).toBeUndefined();
  });
});
