/** The overviews' logic: topics, the agreement matrix, conflicts, the time-gap rule, search. */
export * from './authors';
export * from './conflicts';
export * from './matrix';
export * from './search';
export * from './time-gap';
export * from './topic-names';
export * from './topics';
