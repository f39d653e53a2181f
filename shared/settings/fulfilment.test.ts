import { DEFAULT_FULFILMENT, readFulfilmentSettings, templatesForMoment } from './fulfilment';

describe('settings/fulfilment', () => {
  const valid = { _id: 'fulfilment', autoConfirmDays: 10, afterSaleDays: 7, autoApproveUnshippedRefund: false, subscribeTemplates: { orderPaid: 't_paid', shipped: 't_ship', groupResult: 't_group', afterSale: 't_as', refund: 't_ref' } };

  it('a valid document applies; a missing one gives the defaults (no messages)', () => {
    expect(readFulfilmentSettings(valid)).toEqual({ settings: valid, problems: [] });
    expect(readFulfilmentSettings(undefined)).toEqual({ settings: DEFAULT_FULFILMENT, problems: [] });
    expect(DEFAULT_FULFILMENT.subscribeTemplates).toEqual({});
  });

  it('an invalid document falls back to the defaults and names the fields', () => {
    const r = readFulfilmentSettings({ ...valid, autoConfirmDays: 0, subscribeTemplates: { orderPaid: '', surprise: 'x' } });
    expect(r.settings).toBe(DEFAULT_FULFILMENT);
    expect(r.problems.map((p) => p.split(':')[0]).sort()).toEqual(['autoConfirmDays', 'subscribeTemplates.orderPaid', 'subscribeTemplates.surprise']);
  });

  it('the templates to ask for at each tap: configured ones only, at most 3', () => {
    expect(templatesForMoment(valid, 'pay')).toEqual(['t_paid', 't_ship', 't_group']);
    expect(templatesForMoment(valid, 'aftersale')).toEqual(['t_as', 't_ref']);
    expect(templatesForMoment(valid, 'commission')).toEqual([]);
  });
});
