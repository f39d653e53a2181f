/** CSV for exports (Excel/WPS with Chinese text). */
export * from './encode-csv';
