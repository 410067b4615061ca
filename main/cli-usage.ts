/** Raised for wrong usage of the `parallax` command: printed with a hint, exit code 2. */
export class UsageError extends Error {}
