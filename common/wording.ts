/** Counts in words, so a message agrees with its number ("1 annotation has", "2 annotations have"). */

/** "1 annotation", "3 annotations"; `plural` where adding "s" is wrong ("1 match", "2 matches"). */
export function counted(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** The form of a word that agrees with a count: `agree(n, 'is', 'are')`, `agree(n, 'its', 'their')`. */
export function agree(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}
