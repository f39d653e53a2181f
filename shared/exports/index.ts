/** Back-office exports: kinds, columns and rows (pure). */
export * from './export-rows';
