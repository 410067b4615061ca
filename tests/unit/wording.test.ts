import { describe, expect, it } from 'vitest';
import { agree, counted } from '../../common/wording';

describe('counts in words', () => {
  it('agree with their number', () => {
    expect(`${counted(1, 'annotation')} lost ${agree(1, 'its', 'their')} text`).toBe('1 annotation lost its text');
    expect(`${counted(3, 'annotation')} lost ${agree(3, 'its', 'their')} text`).toBe('3 annotations lost their text');
    expect(counted(0, 'match', 'matches')).toBe('0 matches');
    expect(counted(1, 'annotation or link end', 'annotations and link ends')).toBe('1 annotation or link end');
  });
});
