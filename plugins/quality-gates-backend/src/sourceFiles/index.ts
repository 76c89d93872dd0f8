export { describePlannedFiles, planSourceFiles } from './planSourceFiles';
export type { SourceFilePlan, SourceFileTarget } from './planSourceFiles';
export { readSourceFiles, SourceFileReadError } from './readSourceFiles';
export type { SourceFile, SourceFileReadout } from './readSourceFiles';
export { isRecord, parseDocuments } from './parseDocuments';
export type { ParsedDocuments } from './parseDocuments';
export {
  entitySourceLocation,
  SOURCE_LOCATION_ANNOTATION,
} from './sourceLocation';
