// The printable documents: pure renderers from gathered data to PDF bytes (services/documents.ts gathers).
export { renderHandout, layoutHandout, type HandoutData } from './handout'
export { renderProgressReport, layoutProgressReport, type ProgressReportData } from './progress-report'
export { programChanges, type ProgramChange } from './program-changes'
