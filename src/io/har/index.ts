// Public entry of the HAR reader: browser and proxy network logs in, Mixpanel records and what the log tells out.
export { readHar, resolvableRecords, harImportReport } from './read.ts';
export type { HarReading, HarRecord, HarRecordFacts, HarReadOptions } from './read.ts';
export type { FailedRequest, HarSummary, RetriedEvent } from './summary.ts';
export { inflate, type Inflate } from './gzip.ts';
export { looksLikeHar, HAR_REASON } from './detect.ts';
