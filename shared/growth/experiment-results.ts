import { compareArms, type ArmResult } from './ab-stats';
import type { Metric, Metrics } from './counters';
import type { Experiment, ExperimentTreatment } from './experiments';

/**
 * What an experiment's arms are judged on, by what it varies. A card experiment's treatment is
 * seen by the people its shares reach, and counted with the share's variant: exposure = first
 * opens of the arm's shares, conversion = the customers those opens bound. Any other experiment
 * buckets the buyer: exposure = orders created, conversion = orders paid.
 */
export function experimentMeasure(varies: ExperimentTreatment | null): { exposure: Metric; conversion: Metric } {
  return varies === 'card' ? { exposure: 'opens', conversion: 'binds' } : { exposure: 'orders', conversion: 'paidOrders' };
}

/** One experiment's results: its arms (the first listed variant is the control). */
export interface ExperimentResults {
  key: string;
  varies: ExperimentTreatment | null;
  exposure: Metric;
  conversion: Metric;
  arms: ArmResult[];
}

/**
 * The arms of experiment `key` from its counted metrics by variant, in the document's variant
 * order (variants counted but no longer listed come after, by name); without a document, by name.
 * @example experimentResults('cardCopy', doc, { plain: {opens: 80, binds: 48}, discount: {opens: 70, binds: 56} }).arms[1].significant // true
 */
export function experimentResults(key: string, doc: Experiment | undefined, byVariant: Record<string, Metrics>): ExperimentResults {
  const measure = experimentMeasure(doc?.varies ?? null);
  const listed = doc?.variants.map((v) => v.name) ?? [];
  const names = [...listed, ...Object.keys(byVariant).filter((v) => !listed.includes(v)).sort()];
  const arms = compareArms(
    names.map((variant) => ({ variant, exposures: byVariant[variant]?.[measure.exposure] ?? 0, conversions: byVariant[variant]?.[measure.conversion] ?? 0 })),
  );
  return { key, varies: doc?.varies ?? null, ...measure, arms };
}
