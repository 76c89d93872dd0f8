import { isRecord, parseDocuments, SourceFile } from '../../../sourceFiles';
import { AlertingRule, toStringMap } from './alertingRule';
import { parsePrometheusDuration } from './prometheusDuration';

/** The alerting rules of one file, or what is wrong with the file. */
export interface RuleFileContents {
  rules: AlertingRule[];
  /** Why the file yields no rules although it exists, e.g. invalid YAML. */
  problem?: string;
}

/**
 * Reads the alerting rules of a Prometheus rule file (`groups:`) or of
 * Kubernetes `PrometheusRule` resources (`spec.groups`), in any of the
 * file's YAML documents; other documents (a Deployment next to the rules)
 * are passed over. Recording rules are not alerts and are left out.
 */
export function alertingRulesInFile(file: SourceFile): RuleFileContents {
  const parsed = parseDocuments(file.text, file.path);
  if ('error' in parsed) return { rules: [], problem: parsed.error };

  if (!parsed.documents.some(hasGroupsList)) {
    return {
      rules: [],
      problem:
        'holds no Prometheus rule groups (a rule file with `groups:` or a PrometheusRule resource)',
    };
  }
  const groups = parsed.documents.flatMap(ruleGroupsOf);
  const rules = groups.flatMap(group =>
    (Array.isArray(group.rules) ? group.rules : [])
      .filter(isRecord)
      .filter(rule => typeof rule.alert === 'string')
      .map(rule => toAlertingRule(rule, file)),
  );
  return { rules };
}

/** An empty `groups: []` is still a rule file, only with no rules. */
function hasGroupsList(document: unknown): boolean {
  if (!isRecord(document)) return false;
  if (Array.isArray(document.groups)) return true;
  if (document.kind === 'PrometheusRule') {
    return isRecord(document.spec) && Array.isArray(document.spec.groups);
  }
  if (document.kind === 'List' && Array.isArray(document.items)) {
    return document.items.some(hasGroupsList);
  }
  return false;
}

function ruleGroupsOf(document: unknown): Array<Record<string, unknown>> {
  if (!isRecord(document)) return [];
  if (document.kind === 'PrometheusRule') {
    const spec = isRecord(document.spec) ? document.spec : {};
    return Array.isArray(spec.groups) ? spec.groups.filter(isRecord) : [];
  }
  // `kubectl get -o yaml` and Helm output wrap resources in a List.
  if (document.kind === 'List' && Array.isArray(document.items)) {
    return document.items.flatMap(ruleGroupsOf);
  }
  return Array.isArray(document.groups) ? document.groups.filter(isRecord) : [];
}

function toAlertingRule(
  rule: Record<string, unknown>,
  file: SourceFile,
): AlertingRule {
  return {
    name: String(rule.alert),
    labels: toStringMap(rule.labels),
    annotations: toStringMap(rule.annotations),
    holdFor: holdForOf(rule.for),
    source: file.path,
    url: file.url,
  };
}

function holdForOf(value: unknown): AlertingRule['holdFor'] {
  if (value === undefined || value === null) return undefined;
  // A bare number is no Prometheus duration, except 0.
  const seconds =
    typeof value === 'string' || value === 0
      ? parsePrometheusDuration(String(value))
      : undefined;
  return seconds === undefined ? { invalid: String(value) } : { seconds };
}
