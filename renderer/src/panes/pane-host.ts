/** What a pane asks of the workspace around it, and what it answers about a selection. */
import type { Annotation, DocumentSummary } from '../../../common/model';
import type { ItemsAt } from '../editor';
import type { AnnotationMark } from '../editor/annotations';
import type { LinkMark } from '../editor/links';
import type { SelectedText } from '../editor/selection';
import type { SuggestionMark } from '../editor/suggestions';
import type { Pane } from './pane';

/** A passage selected in a pane, as plain-text offsets of a document revision. */
export interface PaneSelection extends SelectedText {
  pane: Pane;
  doc: string;
  revision: number;
}

/** What a pane needs from the workspace around it. */
export interface PaneHost {
  documents(): DocumentSummary[];
  paneCount(): number;
  documentChosen(pane: Pane): void;
  move(pane: Pane, direction: -1 | 1): void;
  close(pane: Pane): void;
  activate(pane: Pane): void;
  documentSaved(pane: Pane, docId: string): void;
  notify(message: string, kind?: 'info' | 'error', action?: { label: string; run: () => void }): void;
  /** Suggested alignments to mark in a document at a revision. */
  suggestionMarks(docId: string, revision: number): SuggestionMark[];
  /** Annotations to highlight in a document at a revision. */
  annotationMarks(docId: string, revision: number): AnnotationMark[];
  /** One annotation's highlight in a document at a revision, if it is drawn there. */
  annotationMarkOf(annotation: Annotation, docId: string, revision: number): AnnotationMark | undefined;
  /** The user clicked highlighted text; true when handled. */
  annotationClicked(pane: Pane, ids: string[], event: MouseEvent): boolean;
  /** The user clicked a suggested passage (innermost first); true when handled. */
  suggestionClicked(pane: Pane, ids: string[], event: MouseEvent): boolean;
  /** A save or reload moved annotations in the store; reload them. */
  annotationsMoved(orphaned: number): void;
  /** The ends of the workspace's links to draw in a document at a revision. */
  linkMarks(docId: string, revision: number): LinkMark[];
  /** One link of a revision, to redraw after it changed. */
  linkMarksOf(linkId: string, docId: string, revision: number): LinkMark[];
  /** The user clicked a linked passage (innermost first); true when handled. */
  linkClicked(pane: Pane, ids: string[], event: MouseEvent): boolean;
  /** The user clicked text carrying several things (annotation, links, suggestions); true when handled. */
  itemsClicked(pane: Pane, items: ItemsAt, event: MouseEvent): boolean;
  /** A save moved link ends in the store; reload the links. */
  linksMoved(): void;
  /** Enter while reading: open the annotation, link or suggestion at the caret. */
  openAtCaret(): boolean;
  /** The pane drew its text or its highlights anew. */
  paneDrawn?(pane: Pane): void;
}
