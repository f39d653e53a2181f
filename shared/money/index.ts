/** Money helpers: integer fen only. */
export { splitByLargestRemainder, sumFen } from './split';
export { yuanText } from './yuan';
