import { AlertingRule } from './alertingRule';

/**
 * What an alert lacks to be actionable, one line per gap: who it pages
 * (severity), what happened (summary, description), what to do (runbook)
 * and that it is not a blip (`for`). Empty when it lacks nothing.
 */
export function whatAlertLacks(
  rule: AlertingRule,
  allowedSeverities: readonly string[],
): string[] {
  const missing: string[] = [];
  const severity = rule.labels.severity?.trim();
  if (!severity) {
    missing.push('severity label');
  } else if (!allowedSeverities.includes(severity)) {
    missing.push(
      `severity label of ${allowedSeverities.join(', ')} (is '${shorten(
        severity,
      )}')`,
    );
  }
  for (const annotation of ['summary', 'description']) {
    if (!rule.annotations[annotation]?.trim()) {
      missing.push(`${annotation} annotation`);
    }
  }
  const runbook = rule.annotations.runbook_url?.trim();
  if (!runbook) {
    missing.push('runbook_url annotation');
  } else if (!isHttpUrl(runbook)) {
    missing.push(
      `runbook_url annotation as an http(s) URL (is '${shorten(runbook)}')`,
    );
  }
  if (
    rule.holdFor === undefined ||
    ('seconds' in rule.holdFor && rule.holdFor.seconds === 0)
  ) {
    missing.push("'for' duration, so one bad evaluation does not page");
  } else if ('invalid' in rule.holdFor) {
    missing.push(
      `'for' duration like 5m (is '${shorten(rule.holdFor.invalid)}')`,
    );
  }
  return missing;
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      Boolean(url.hostname)
    );
  } catch {
    return false;
  }
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
