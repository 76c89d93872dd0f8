import { LoggerService, UrlReaderService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import {
  ReadinessEvidence,
  ReadinessItem,
} from '@can-i-deploy/plugin-quality-gates-common';
import {
  ReadinessCheck,
  ReadinessCheckOutcome,
} from '@can-i-deploy/plugin-quality-gates-node';
import {
  describePlannedFiles,
  planSourceFiles,
  readSourceFiles,
  SourceFileReadError,
  SourceFileReadout,
} from '../../../sourceFiles';
import { PrometheusQueryError } from '../../../prometheus';
import { AlertingRule } from './alertingRule';
import { AlertsSettings, readAlertsSettings } from './alertsSettings';
import {
  ALERT_LABEL_SELECTOR_ANNOTATION,
  ALERT_NAMES_ANNOTATION,
  LiveAlertSelection,
  liveAlertSelection,
  pickLiveAlerts,
} from './liveAlertSelection';
import { PrometheusAlertingRules } from './prometheusAlertingRules';
import { alertingRulesInFile } from './ruleFiles';
import { whatAlertLacks } from './validateAlertingRule';

/** Comma-separated rule files, relative to the source location or URLs. */
export const ALERT_RULES_ANNOTATION = 'quality-gates/alert-rules';

export interface AlertRulesCheckOptions {
  /** The root config: the check reads `qualityGates.readiness.alerts`. */
  config: Config;
  urlReader: UrlReaderService;
  logger: LoggerService;
  /** Asks Prometheus' API; the global fetch unless given. */
  fetch?: typeof fetch;
}

/**
 * The `alerts` check: the entity's alerting rules, as code in its source
 * location and live in Prometheus, each with a severity, a summary, a
 * description, a runbook and a `for` duration.
 */
export function createAlertRulesCheck(
  options: AlertRulesCheckOptions,
): ReadinessCheck {
  const settings = readAlertsSettings(options.config);
  const prometheus =
    settings.prometheus &&
    new PrometheusAlertingRules(settings.prometheus, { fetch: options.fetch });
  if (prometheus) {
    options.logger.info(
      `Readiness alerts check reads live rules from ${prometheus.baseUrl}`,
    );
  }
  return {
    id: 'alerts',
    title: 'Actionable alerts',
    description:
      'Problems must be noticed before users report them, and whoever is paged must know how bad it is and what to do: every alert has a severity, a summary and description, a runbook, and a `for` duration so a single blip does not wake anyone.',
    howToFix: [
      `Keep the component's Prometheus alerting rules next to its code, as a rule file or a \`PrometheusRule\` resource, at one of ${settings.conventionPaths
        .map(path => `\`${path}\``)
        .join(
          ', ',
        )} in its source location, or name the files in the \`${ALERT_RULES_ANNOTATION}\` annotation (comma-separated, relative to the source location, or URLs).`,
      `For alerts loaded in Prometheus, name them in \`${ALERT_NAMES_ANNOTATION}\` or select them with \`${ALERT_LABEL_SELECTOR_ANNOTATION}: service=<name>\`.`,
      '',
      'Give every alert:',
      `- a \`severity\` label, one of ${settings.allowedSeverities
        .map(s => `\`${s}\``)
        .join(', ')};`,
      '- `summary` and `description` annotations that say what is wrong and its impact;',
      '- a `runbook_url` annotation with the http(s) link to what to do;',
      '- a `for:` duration (e.g. `for: 5m`).',
    ].join('\n'),
    level: 'silver',
    catalogOnly: false,
    evaluate: (entity, { signal }) =>
      evaluateAlerts(entity, signal, { ...options, settings, prometheus }),
  };
}

interface AlertsDeps {
  urlReader: UrlReaderService;
  settings: AlertsSettings;
  prometheus?: PrometheusAlertingRules;
}

async function evaluateAlerts(
  entity: Entity,
  signal: AbortSignal,
  deps: AlertsDeps,
): Promise<ReadinessCheckOutcome> {
  const plan = planSourceFiles(entity, {
    annotation: ALERT_RULES_ANNOTATION,
    conventionPaths: deps.settings.conventionPaths,
  });
  const selection = liveAlertSelection(entity);
  const namesLiveAlerts =
    selection.names.length > 0 || selection.selector !== undefined;
  const prometheus = namesLiveAlerts ? deps.prometheus : undefined;

  if (plan.nothingToRead && !prometheus && selection.problems.length === 0) {
    return {
      state: 'not_reported',
      message: `Nowhere to look for alert rules: ${plan.nothingToRead}; ${
        namesLiveAlerts
          ? 'it names live alerts, but no Prometheus is configured (qualityGates.readiness.alerts.prometheus.baseUrl)'
          : `no ${ALERT_NAMES_ANNOTATION} or ${ALERT_LABEL_SELECTOR_ANNOTATION} annotation names live alerts`
      }.`,
      missing: [
        `a backstage.io/source-location, a ${ALERT_RULES_ANNOTATION} annotation, or live alerts named in ${ALERT_NAMES_ANNOTATION} / ${ALERT_LABEL_SELECTOR_ANNOTATION}`,
      ],
    };
  }

  let readout: SourceFileReadout;
  let liveRules: AlertingRule[] | undefined;
  try {
    [readout, liveRules] = await Promise.all([
      readSourceFiles(deps.urlReader, plan.targets, signal),
      prometheus?.list(signal),
    ]);
  } catch (error) {
    if (error instanceof SourceFileReadError) {
      return {
        state: 'error',
        message: error.message,
        evidence: [
          {
            title: `Alert rules at ${error.target.path}`,
            url: error.target.url,
          },
        ],
      };
    }
    if (error instanceof PrometheusQueryError) {
      return {
        state: 'error',
        message: error.message,
        evidence: [
          {
            title: 'Prometheus alerting rules',
            url: prometheus?.alertsPageUrl,
          },
        ],
      };
    }
    throw error;
  }

  const problems = [...plan.unresolved, ...selection.problems];
  for (const target of readout.notFound) {
    if (target.declared) {
      problems.push(
        `${target.path}: named in ${ALERT_RULES_ANNOTATION} but not found at ${target.url}`,
      );
    }
  }
  const rules: AlertingRule[] = [];
  const evidence: ReadinessEvidence[] = [];
  for (const file of readout.found) {
    const contents = alertingRulesInFile(file);
    rules.push(...contents.rules);
    if (contents.problem) problems.push(`${file.path}: ${contents.problem}`);
    evidence.push({ title: `Alert rules in ${file.path}`, url: file.url });
  }

  const items = rules.map(rule =>
    alertItem(rule, deps.settings.allowedSeverities),
  );
  if (liveRules && prometheus) {
    const { picked, notLoaded } = pickLiveAlerts(liveRules, selection);
    items.push(
      ...picked.map(rule => alertItem(rule, deps.settings.allowedSeverities)),
    );
    items.push(
      ...notLoaded.map(name => ({
        name,
        state: 'failed' as const,
        missing: [`loaded in Prometheus (named in ${ALERT_NAMES_ANNOTATION})`],
        source: 'prometheus',
        url: prometheus.alertsPageUrl,
      })),
    );
    evidence.push({
      title: `Alerting rules in Prometheus at ${prometheus.baseUrl}`,
      url: prometheus.alertsPageUrl,
    });
  }

  const caveat =
    namesLiveAlerts && !deps.prometheus
      ? ` Live alerts named by ${ALERT_NAMES_ANNOTATION} / ${ALERT_LABEL_SELECTOR_ANNOTATION} were not checked: no Prometheus is configured.`
      : '';
  const outcome = conclude(
    items,
    problems,
    whereLooked(plan, selection, prometheus),
  );
  return { ...outcome, message: outcome.message + caveat, evidence, items };
}

function alertItem(
  rule: AlertingRule,
  allowedSeverities: readonly string[],
): ReadinessItem {
  const missing = whatAlertLacks(rule, allowedSeverities);
  return {
    name: rule.name,
    state: missing.length > 0 ? 'failed' : 'passed',
    missing,
    source: rule.source,
    url: rule.url,
  };
}

function conclude(
  items: ReadinessItem[],
  problems: string[],
  where: string,
): Pick<ReadinessCheckOutcome, 'state' | 'message' | 'missing'> {
  if (items.length === 0 && problems.length === 0) {
    return {
      state: 'failed',
      message: `No alert rules found; looked in ${where}.`,
      missing: [`alerting rules (looked in ${where})`],
    };
  }
  const failing = items.filter(item => item.state === 'failed');
  if (failing.length === 0 && problems.length === 0) {
    return {
      state: 'passed',
      message: `${count(
        items.length,
        'alert',
      )}, each with a severity, summary, description, runbook and 'for' duration.`,
    };
  }
  const parts = [];
  if (failing.length > 0) {
    parts.push(
      `${failing.length} of ${count(items.length, 'alert')} lack something`,
    );
  }
  if (problems.length > 0) {
    parts.push(
      `${count(problems.length, 'problem')} with the rule files or annotations`,
    );
  }
  return {
    state: 'failed',
    message: `${parts.join('; ')}.`,
    missing: [
      ...problems,
      ...failing.map(
        item => `${item.name} (${item.source}): ${item.missing.join('; ')}`,
      ),
    ],
  };
}

function whereLooked(
  plan: ReturnType<typeof planSourceFiles>,
  selection: LiveAlertSelection,
  prometheus: PrometheusAlertingRules | undefined,
): string {
  const places = [];
  const files = describePlannedFiles(plan);
  if (files) places.push(files);
  if (prometheus) {
    const asked = [
      ...(selection.names.length > 0
        ? [`alerts ${selection.names.join(', ')}`]
        : []),
      ...(selection.selector ? [`labels ${selection.selector.text}`] : []),
    ];
    places.push(`Prometheus at ${prometheus.baseUrl} (${asked.join(' or ')})`);
  }
  return places.join(' and ');
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
