/**
 * The report as a small neutral document — headings, paragraphs, highlighted quotes,
 * tables, lists — built by report sections and written out by one renderer per format
 * (HTML, Markdown, Word). A new section (an overview, a grid) only produces blocks.
 */
import type { ExportModel } from '../model';

/** A run of text; `color` marks a highlight in a tag's colour. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  color?: string;
}

export type ReportBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; runs: Run[] }
  /** A quoted passage, highlighted, with where it comes from and an optional note. */
  | { kind: 'quote'; text: string; color?: string; cite: string; note?: string; tags?: string }
  | { kind: 'table'; header: string[]; rows: Run[][][] }
  | { kind: 'list'; items: Run[][] };

/** One part of the report: the codebook, the contradictions, annotations by tag… */
export interface ReportSection {
  id: string;
  title: string;
  /** The section's blocks, or none when it has nothing to show (it is then left out). */
  build(model: ExportModel): ReportBlock[];
}

/** Text of a run list, for formats without styling. */
export const plain = (runs: Run[]): string => runs.map((r) => r.text).join('');
