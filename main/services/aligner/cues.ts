/**
 * Word lists behind the relation cues. Lemmas (as normalise.ts produces them).
 * The antonyms are a curated policy lexicon of pairs that flip a claim, and WordNet's
 * single-word antonym pairs as a general source (data/antonyms.json, made by
 * scripts/build-antonyms.ts).
 */
import wordnet from './data/antonyms.json';

/** Words that negate or deny what follows. */
export const NEGATORS = new Set([
  'not',
  'no',
  'never',
  'none',
  'nobody',
  'nothing',
  'neither',
  'nor',
  'without',
  'cannot',
  'fail',
  'failure',
  'lack',
  'refuse',
  'reject',
  'deny',
  'hardly',
  'unlikely',
  'absence',
  'nowhere',
]);

/** Pairs whose members contradict each other when said of the same thing. */
export const ANTONYM_PAIRS: [string, string][] = [
  ['collapse', 'continue'],
  ['collapse', 'grow'],
  ['increase', 'decrease'],
  ['increase', 'reduce'],
  ['increase', 'cut'],
  ['rise', 'fall'],
  ['rise', 'decline'],
  ['grow', 'shrink'],
  ['grow', 'decline'],
  ['expand', 'contract'],
  ['strengthen', 'weaken'],
  ['strong', 'weak'],
  ['improve', 'worsen'],
  ['improve', 'deteriorate'],
  ['succeed', 'fail'],
  ['success', 'failure'],
  ['win', 'lose'],
  ['gain', 'lose'],
  ['accept', 'reject'],
  ['support', 'oppose'],
  ['approve', 'oppose'],
  ['allow', 'prohibit'],
  ['allow', 'ban'],
  ['permit', 'forbid'],
  ['cooperation', 'confrontation'],
  ['cooperate', 'confront'],
  ['engage', 'isolate'],
  ['engagement', 'isolation'],
  ['ally', 'adversary'],
  ['friend', 'enemy'],
  ['partner', 'rival'],
  ['stable', 'unstable'],
  ['stability', 'instability'],
  ['close', 'distant'],
  ['closer', 'distant'],
  ['deepen', 'loosen'],
  ['maintain', 'abandon'],
  ['keep', 'abandon'],
  ['continue', 'stop'],
  ['continue', 'end'],
  ['continue', 'halt'],
  ['start', 'stop'],
  ['join', 'leave'],
  ['join', 'withdraw'],
  ['enter', 'exit'],
  ['restart', 'shut'],
  ['include', 'exclude'],
  ['rise', 'drop'],
  ['hawkish', 'dovish'],
  ['aggressive', 'restrained'],
  ['active', 'passive'],
  ['proactive', 'reactive'],
  ['unprecedented', 'usual'],
  ['new', 'old'],
  ['change', 'remain'],
  ['transform', 'preserve'],
  ['break', 'continuity'],
  ['optimistic', 'pessimistic'],
  ['reliable', 'unreliable'],
  ['legal', 'illegal'],
  ['lethal', 'non-lethal'],
];

/** Contrasts of degree or quantity: [lower, higher]. */
export const DEGREE_PAIRS: [string, string][] = [
  ['minimal', 'open'],
  ['minimal', 'openly'],
  ['minimal', 'intense'],
  ['minimal', 'significant'],
  ['little', 'much'],
  ['little', 'significant'],
  ['few', 'many'],
  ['none', 'some'],
  ['none', 'all'],
  ['some', 'all'],
  ['rarely', 'often'],
  ['never', 'always'],
  ['low', 'high'],
  ['limited', 'extensive'],
  ['limited', 'comprehensive'],
  ['modest', 'significant'],
  ['modest', 'major'],
  ['slight', 'major'],
  ['partly', 'fully'],
  ['partial', 'complete'],
  ['partial', 'total'],
  ['mixture', 'essentially'],
  ['mixed', 'essentially'],
  ['mixture', 'solely'],
  ['laggard', 'leader'],
  ['slow', 'immediate'],
  ['slow', 'quick'],
  ['weak', 'robust'],
  ['reluctant', 'eager'],
  ['hesitate', 'immediately'],
];

/** Words that announce a counter-claim. */
export const COUNTER_MARKERS = new Set([
  'however',
  'but',
  'although',
  'though',
  'despite',
  'contrary',
  'whereas',
  'unlike',
  'nevertheless',
  'nonetheless',
  'instead',
  'rather',
]);

function pairIndex(pairs: [string, string][]): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  for (const [x, y] of pairs) {
    if (!index.has(x)) index.set(x, new Set());
    if (!index.has(y)) index.set(y, new Set());
    index.get(x)!.add(y);
    index.get(y)!.add(x);
  }
  return index;
}

export const ANTONYMS = pairIndex(ANTONYM_PAIRS);
export const DEGREES = pairIndex(DEGREE_PAIRS);

let general: Map<string, Set<string>> | undefined;
/** WordNet's antonym pairs (3,232 single-word pairs), indexed on first use. */
export function generalAntonyms(): Map<string, Set<string>> {
  general ??= pairIndex(
    (wordnet as { pairs: string }).pairs.split(',').map((pair) => pair.split(' ') as [string, string]),
  );
  return general;
}
