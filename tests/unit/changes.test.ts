import { describe, expect, it } from 'vitest';
import { CALL_NAMES, type CallName } from '../../common/channels';
import { changedBy } from '../../main/services/changes';

describe('what each call changes', () => {
  it('names the parts a window must read again, and nothing for reads', () => {
    expect(changedBy('createAnnotation', {} as never)).toEqual(['annotations']);
    expect(changedBy('setSuggestionStatus', {} as never)).toEqual(['suggestions', 'links']);
    expect(changedBy('saveDocument', {} as never)).toEqual(['documents', 'annotations', 'links']);
    expect(changedBy('reloadDocument', { unchanged: true, replaced: false } as never)).toEqual([]);
    expect(changedBy('reloadDocument', { unchanged: false, edited: true, replaced: false } as never)).toEqual([]);
    expect(changedBy('reloadDocument', { unchanged: false, replaced: true } as never)).toEqual([
      'documents',
      'annotations',
      'links',
    ]);
    expect(changedBy('undo', { touched: ['links', 'suggestions'] } as never)).toEqual(['links', 'suggestions']);
    const reads: CallName[] = CALL_NAMES.filter((n) => /^(get|list|search|prepare)/.test(n));
    for (const name of reads) expect(changedBy(name, {} as never), name).toEqual([]);
  });

  it('covers every call that writes records another window shows', () => {
    const writes = CALL_NAMES.filter((n) =>
      /^(create|update|delete|merge|reattach|add|remove|name|order|commit|import|save|set|undo|redo)/.test(n),
    );
    // Layout and concepts are this window's arrangement and Align's input: nothing another window draws.
    const silent = new Set<CallName>(['saveLayout', 'saveConcepts']);
    for (const name of writes) {
      if (silent.has(name)) continue;
      const output = name === 'undo' || name === 'redo' ? { touched: ['links'] } : {};
      expect(changedBy(name, output as never).length, name).toBeGreaterThan(0);
    }
  });
});
