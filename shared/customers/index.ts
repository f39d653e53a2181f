/** The customer 360's pure domain: the event stream, its fold (summary), rule tags, AIPL stage, the today list. */
export * from './events';
export * from './summary';
export * from './tags';
export * from './stage';
export * from './follow-up';
export * from './identity';
