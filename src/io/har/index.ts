// Public entry of the HAR reader: browser and proxy network logs in, Mixpanel records and what the log tells out.
export { readHar, resolvableRecords, harImportReport } from './read.ts';
/** What reading a HAR gives: records with their lines, facts and options. */
export type { HarReading, HarRecord, HarRecordFacts, HarReadOptions } from './read.ts';
/** The account of a HAR: failed requests, retries and totals. */
export type { FailedRequest, HarEntryAccount, HarSummary, RetriedEvent } from './summary.ts';
export { entryAccountText } from './summary.ts';
export { inflate, type Inflate } from './gzip.ts';
export { looksLikeHar, HAR_REASON } from './detect.ts';
