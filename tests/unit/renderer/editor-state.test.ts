import { undo } from 'prosemirror-history';
import { describe, expect, it } from 'vitest';
import { parseMarkdownDocument } from '../../../common/markdown';
import { offsetToPos, plainTextOf, posToOffset } from '../../../common/plaintext';
import type { NodeJSON } from '../../../common/model';
import { createPaneState } from '../../../renderer/src/editor';

const json = parseMarkdownDocument('## Q\n\nAlpha beta[^1] gamma.\n\n[^1]: Note.').doc.toJSON() as NodeJSON;

describe('pane editor state (no DOM)', () => {
  it('maps plain-text offsets through an edit and undoes it', () => {
    let state = createPaneState(json);
    const before = plainTextOf(state.doc);
    const gammaPos = offsetToPos(before, before.text.indexOf('gamma'));
    const tr = state.tr.insertText('NEW ', offsetToPos(before, before.text.indexOf('Alpha')));
    state = state.apply(tr);
    const after = plainTextOf(state.doc);
    expect(after.text).toBe('Q\n\nNEW Alpha beta gamma.\n\nNote.');
    // A position taken before the edit, mapped through it, still points at "gamma".
    const start = posToOffset(after, tr.mapping.map(gammaPos));
    expect(after.text.slice(start, start + 5)).toBe('gamma');
    let undone = state;
    undo(state, (tr) => (undone = state.apply(tr)));
    expect(plainTextOf(undone.doc).text).toBe(before.text);
  });
});
