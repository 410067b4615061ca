import { describe, expect, it } from 'vitest';
import { parseMarkdownDocument } from '../../common/markdown';
import { BLOCK_SEPARATOR, offsetToPos, plainTextOf, posToOffset } from '../../common/plaintext';
import type { Node } from 'prosemirror-model';

const SOURCE = `## Heading one

First *para*graph with a note[^1] and **bold**.

> A quoted line.

- item one
- item two

Last paragraph.[^2]

[^1]: The first note.
[^2]: The second note, with [a link](https://example.org).
`;

const doc = parseMarkdownDocument(SOURCE).doc;
const pt = plainTextOf(doc);

/** Every position where the cursor can stand inside a textblock. */
function textPositions(d: Node): number[] {
  const out: number[] = [];
  d.descendants((node, pos) => {
    if (node.isTextblock) {
      for (let p = pos + 1; p <= pos + 1 + node.content.size; p++) out.push(p);
      return false;
    }
    return true;
  });
  return out;
}

describe('plain text', () => {
  it('is the text of the blocks, separated, with notes last and markers adding nothing', () => {
    expect(pt.text).toBe(
      [
        'Heading one',
        'First paragraph with a note and bold.',
        'A quoted line.',
        'item one',
        'item two',
        'Last paragraph.',
        'The first note.',
        'The second note, with a link.',
      ].join(BLOCK_SEPARATOR),
    );
    expect(pt.blocks.map((b) => b.kind)).toEqual([
      'heading',
      'paragraph',
      'quote',
      'list',
      'list',
      'paragraph',
      'note',
      'note',
    ]);
    expect(pt.blocks.filter((b) => b.kind === 'note').map((b) => b.label)).toEqual(['1', '2']);
  });

  it('maps every text offset to a position and back', () => {
    for (const block of pt.blocks) {
      for (let off = block.start; off <= block.end; off++) {
        expect(posToOffset(pt, offsetToPos(pt, off))).toBe(off);
        expect(posToOffset(pt, offsetToPos(pt, off, 'after'))).toBe(off);
      }
    }
  });

  it('maps every position to an offset and back, up to the zero-width note markers', () => {
    for (const pos of textPositions(doc)) {
      const off = posToOffset(pt, pos);
      const back = offsetToPos(pt, off);
      // Positions on either side of a note marker share one offset.
      expect(Math.abs(back - pos)).toBeLessThanOrEqual(1);
      expect(posToOffset(pt, back)).toBe(off);
    }
  });

  it('agrees with ProseMirror on the text between two positions', () => {
    const para = pt.blocks[1];
    const from = offsetToPos(pt, para.start + 6);
    const to = offsetToPos(pt, para.end - 1);
    const pmText = doc.textBetween(from, to);
    expect(pmText).toBe(pt.text.slice(para.start + 6, para.end - 1));
    expect(pmText).toBe('paragraph with a note and bold');
  });

  it('finds note text by offset, inside the notes section', () => {
    const idx = pt.text.indexOf('second note');
    const pos = offsetToPos(pt, idx);
    const $pos = doc.resolve(pos);
    expect($pos.node($pos.depth - 1).type.name).toBe('footnote');
    expect(doc.textBetween(pos, pos + 'second note'.length)).toBe('second note');
  });

  it('places a between-blocks position at the next block and a separator offset at the next block', () => {
    const heading = pt.blocks[0];
    const next = pt.blocks[1];
    expect(posToOffset(pt, heading.to + 1)).toBe(next.start);
    expect(offsetToPos(pt, heading.end + 1)).toBe(next.from);
  });
});
