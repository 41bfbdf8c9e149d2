export { findMissingSequels } from './find';
export { computeTotals } from './totals';
export { availabilityOf, isReportable } from './reportable';
export { compareMissing, compareStartDates } from './order';
export { DEFAULT_FINDER_SETTINGS } from './types';
export type {
  Availability, FinderInput, FinderResult, FinderSettings, FinderTotals, MissingSequel, SourceRef,
} from './types';
