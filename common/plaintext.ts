/**
 * A document's plain text: the one string the aligner, search and annotation anchors
 * count offsets in (UTF-16 code units).
 *
 * Definition: the text of every textblock in document order, blocks separated by
 * BLOCK_SEPARATOR; a hard break is "\n"; a footnote marker adds nothing (it is an atom
 * between two characters, so it neither shifts offsets nor splits words). Notes come
 * after the body, as their own blocks of kind "note".
 */
import type { Node } from 'prosemirror-model';

/** What separates two textblocks in plain text. */
export const BLOCK_SEPARATOR = '\n\n';

/** The role of a textblock, used e.g. to leave notes out of alignment. */
export type BlockKind = 'heading' | 'paragraph' | 'quote' | 'list' | 'code' | 'note';

/** One textblock's place both in plain text and in the ProseMirror document. */
export interface TextBlock {
  kind: BlockKind;
  /** Offset of the block's first character in plain text. */
  start: number;
  /** Offset just after the block's last character. */
  end: number;
  /** ProseMirror position where the block's content starts. */
  from: number;
  /** ProseMirror position where the block's content ends. */
  to: number;
  /** For notes: the note's label (e.g. "13"). */
  label?: string;
}

/** An inline run: text (length = size) or a zero-width atom (length 0, size 1). */
interface InlineRun {
  pos: number;
  offset: number;
  length: number;
  size: number;
}

/** The plain text of a document with what is needed to map positions both ways. */
export interface PlainText {
  text: string;
  blocks: TextBlock[];
  runs: InlineRun[][];
}

function kindOf(block: Node, ancestors: Node[]): { kind: BlockKind; label?: string } {
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const name = ancestors[i].type.name;
    if (name === 'footnote') return { kind: 'note', label: String(ancestors[i].attrs.label) };
    if (name === 'blockquote') return { kind: 'quote' };
    if (name === 'list_item') return { kind: 'list' };
  }
  if (block.type.name === 'heading') return { kind: 'heading' };
  if (block.type.name === 'code_block') return { kind: 'code' };
  return { kind: 'paragraph' };
}

/** Computes a document's plain text and its position map. Linear in document size. */
export function plainTextOf(doc: Node): PlainText {
  const parts: string[] = [];
  const blocks: TextBlock[] = [];
  const runs: InlineRun[][] = [];
  let offset = 0;
  const visit = (node: Node, pos: number, ancestors: Node[]): void => {
    if (node.isTextblock) {
      if (blocks.length > 0) {
        parts.push(BLOCK_SEPARATOR);
        offset += BLOCK_SEPARATOR.length;
      }
      const start = offset;
      const from = pos + 1;
      const blockRuns: InlineRun[] = [];
      node.forEach((child, childOffset) => {
        const childPos = from + childOffset;
        let piece = '';
        if (child.isText) piece = child.text ?? '';
        else if (child.type.name === 'hard_break') piece = '\n';
        blockRuns.push({ pos: childPos, offset, length: piece.length, size: child.nodeSize });
        parts.push(piece);
        offset += piece.length;
      });
      blocks.push({ ...kindOf(node, ancestors), start, end: offset, from, to: from + node.content.size });
      runs.push(blockRuns);
      return;
    }
    const inner = [...ancestors, node];
    node.forEach((child, childOffset) => visit(child, pos + 1 + childOffset, inner));
  };
  doc.forEach((child, childOffset) => visit(child, childOffset, []));
  return { text: parts.join(''), blocks, runs };
}

/** Index of the last block whose `key` is <= value (or 0). */
function lastBlockAtOrBefore(blocks: TextBlock[], value: number, key: 'from' | 'start'): number {
  let lo = 0;
  let hi = blocks.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid][key] <= value) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * Maps a ProseMirror position to a plain-text offset. A position between blocks maps to
 * the start of the next block; a position at a zero-width atom maps to the offset there.
 */
export function posToOffset(pt: PlainText, pos: number): number {
  if (pt.blocks.length === 0) return 0;
  const i = lastBlockAtOrBefore(pt.blocks, pos, 'from');
  const block = pt.blocks[i];
  if (pos < block.from) return block.start;
  if (pos > block.to) return i + 1 < pt.blocks.length ? pt.blocks[i + 1].start : block.end;
  for (const run of pt.runs[i]) {
    if (pos < run.pos + run.size) {
      return run.length === 0 ? run.offset : run.offset + Math.min(pos - run.pos, run.length);
    }
  }
  return block.end;
}

/**
 * Maps a plain-text offset to a ProseMirror position. An offset inside a block
 * separator maps to the start of the following block. With `bias` 'after', an offset
 * right at a zero-width atom maps past it.
 */
export function offsetToPos(pt: PlainText, offset: number, bias: 'before' | 'after' = 'before'): number {
  if (pt.blocks.length === 0) return 0;
  const i = lastBlockAtOrBefore(pt.blocks, offset, 'start');
  const block = pt.blocks[i];
  if (offset > block.end) return i + 1 < pt.blocks.length ? pt.blocks[i + 1].from : block.to;
  if (offset <= block.start && bias === 'before') return block.from;
  const blockRuns = pt.runs[i];
  let candidate = block.from;
  for (const run of blockRuns) {
    if (run.length === 0) {
      if (run.offset === offset && bias === 'after') candidate = run.pos + run.size;
      else if (run.offset < offset) candidate = run.pos + run.size;
      continue;
    }
    if (offset < run.offset) break;
    if (offset <= run.offset + run.length) {
      candidate = run.pos + (offset - run.offset);
      if (offset < run.offset + run.length || bias === 'before') return candidate;
    }
  }
  return Math.max(block.from, Math.min(candidate, block.to));
}

/** The plain text of the body only (notes left out), with the blocks it came from. */
export function bodyBlocks(pt: PlainText): TextBlock[] {
  return pt.blocks.filter((b) => b.kind !== 'note');
}
