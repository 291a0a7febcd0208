// Public entry of diagnostics: the linter, the finding catalogue and the text report; pure, for Worker and Node alike.
export type { EventRef, Finding, FindingId, LinterSettings, Severity } from './types.ts';
export { DEFAULT_LINTER_SETTINGS, SEVERITIES } from './types.ts';
export {
  catalogueEntry,
  FINDING_CATALOGUE,
  forMode,
  type CatalogueEntry,
  type PerMode,
} from './catalogue.ts';
export { createLinter, lintStream, type Linter } from './linter.ts';
export { describeEventRef, eventNumber, formatFindingsText, type TextOptions } from './text.ts';
export { looksLikeEmail, looksLikePhone, looksLikePlaceholder } from './idShapes.ts';
