import { parseAllDocuments } from 'yaml';

/** The documents in a file, or why it could not be parsed. */
export type ParsedDocuments = { documents: unknown[] } | { error: string };

/**
 * Parses JSON or YAML, multi-document YAML included. JSON goes through
 * JSON.parse: dashboards are large and it is much faster than YAML's parser.
 */
export function parseDocuments(text: string, path: string): ParsedDocuments {
  const looksLikeJson =
    path.toLowerCase().endsWith('.json') || /^\s*[[{]/.test(text);
  if (looksLikeJson) {
    try {
      return { documents: [JSON.parse(text)] };
    } catch (error) {
      if (path.toLowerCase().endsWith('.json')) {
        return { error: `not valid JSON: ${(error as Error).message}` };
      }
      // YAML flow style may start with `{` too; let the YAML parser judge.
    }
  }
  const parsed = parseAllDocuments(text);
  const documents = Array.isArray(parsed) ? parsed : [];
  for (const document of documents) {
    const [first] = document.errors;
    // The message's first line names the problem and where; a snippet follows.
    if (first)
      return { error: `not valid YAML: ${first.message.split('\n')[0]}` };
  }
  return {
    documents: documents
      .map(document => document.toJS({ maxAliasCount: 1000 }))
      .filter(value => value !== null && value !== undefined),
  };
}

/** A plain object (not an array), for walking parsed documents. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
