/** The brand's catalogue in the back office: product and SKU schemas, saving, the brand pool, stock adjustments. */
export * from './product.schema';
export * from './on-sale';
export * from './save';
export * from './stock';
