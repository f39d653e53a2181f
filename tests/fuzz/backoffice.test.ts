import { defineFuzzSuite } from './harness';

// The back office (issue 13): catalog (ops/boss) and team (boss; acceptInvite: anyone).
// Deactivation runs last in its function and only on the seeded leaver (the heir stays active), so
// the other actions keep their salespeople; invitations render a QR each (costly): few keys.
defineFuzzSuite(['catalog', 'team'], {
  // Saves the schema accepts need list ≥ price and stock given exactly for new SKUs: real-looking values.
  'catalog.save': () => ({
    images: [['/assets/products/p01.svg'], ['/assets/products/p02.svg', 'cloud://local.linkshelf-1/uploads/o_ops/product/missing.png']],
    skus: [
      [{ name: '250g', priceFen: 100, listPriceFen: 200, stock: 3 }],
      [{ skuId: 'p01-s1', name: '250g 罐装', priceFen: 16800, listPriceFen: 19800 }, { name: '1kg', priceFen: 50000, listPriceFen: 50000, stock: 0 }],
      [{ skuId: 'p02-s1', name: 'x', priceFen: 1, listPriceFen: 1 }],
    ],
  }),
  'team.deactivate': () => ({ salesId: ['o_sales_sun', 'o_nobody', 'o_cust_1'], heirId: ['o_sales_wang', 'o_sales_sun', 'o_cust_2'] }),
  'team.invite': () => ({ idempotencyKey: ['fuzz-invite-0001', 'fuzz-invite-0002'] }),
  'team.acceptInvite': () => ({ code: ['JoinTeamDemo', 'NoSuchCode12', 'x'] }),
});
