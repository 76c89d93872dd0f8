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
import { dashboardsInFile } from './dashboardFiles';
import {
  DashboardsSettings,
  readDashboardsSettings,
} from './dashboardsSettings';

/** Comma-separated dashboard files, relative to the source location or URLs. */
export const DASHBOARDS_ANNOTATION = 'quality-gates/dashboards';
/** The Grafana plugin's annotation: which Grafana dashboards are the entity's. */
export const GRAFANA_DASHBOARD_SELECTOR_ANNOTATION =
  'grafana/dashboard-selector';

export interface DashboardsCheckOptions {
  /** The root config: the check reads `qualityGates.readiness.dashboards`. */
  config: Config;
  urlReader: UrlReaderService;
  logger: LoggerService;
}

/**
 * The `dashboards` check: dashboards as code (Grafana JSON, Perses) in the
 * source location, each with panels, or Grafana dashboards selected by the
 * `grafana/dashboard-selector` annotation.
 */
export function createDashboardsCheck(
  options: DashboardsCheckOptions,
): ReadinessCheck {
  const settings = readDashboardsSettings(options.config);
  return {
    id: 'dashboards',
    title: 'Dashboards',
    description:
      'Whoever responds to an alert needs to see how the component behaves, now and before: a dashboard kept as code next to it, with panels, survives the next person who edits it by hand.',
    howToFix: [
      `Keep the component's dashboards as code: Grafana dashboard JSON or a Perses \`Dashboard\` / \`PersesDashboard\` resource, at one of ${settings.conventionPaths
        .map(path => `\`${path}\``)
        .join(
          ', ',
        )} in its source location, or name the files in the \`${DASHBOARDS_ANNOTATION}\` annotation (comma-separated, relative to the source location, or URLs).`,
      '',
      `Dashboards kept only in Grafana count when the entity selects them with \`${GRAFANA_DASHBOARD_SELECTOR_ANNOTATION}\` (e.g. \`tags @> 'checkout'\`); their panels are not verified.`,
      '',
      'A dashboard without panels does not count: add the panels that show traffic, errors, latency and saturation.',
    ].join('\n'),
    level: 'silver',
    catalogOnly: false,
    evaluate: (entity, { signal }) =>
      evaluateDashboards(entity, signal, { ...options, settings }),
  };
}

async function evaluateDashboards(
  entity: Entity,
  signal: AbortSignal,
  deps: { urlReader: UrlReaderService; settings: DashboardsSettings },
): Promise<ReadinessCheckOutcome> {
  const plan = planSourceFiles(entity, {
    annotation: DASHBOARDS_ANNOTATION,
    conventionPaths: deps.settings.conventionPaths,
  });
  const selector =
    entity.metadata.annotations?.[
      GRAFANA_DASHBOARD_SELECTOR_ANNOTATION
    ]?.trim();

  if (plan.nothingToRead && !selector) {
    return {
      state: 'not_reported',
      message: `Nowhere to look for dashboards: ${plan.nothingToRead}, and no ${GRAFANA_DASHBOARD_SELECTOR_ANNOTATION} annotation.`,
      missing: [
        `a backstage.io/source-location, a ${DASHBOARDS_ANNOTATION} annotation or a ${GRAFANA_DASHBOARD_SELECTOR_ANNOTATION} annotation`,
      ],
    };
  }

  let readout: SourceFileReadout;
  try {
    readout = await readSourceFiles(deps.urlReader, plan.targets, signal);
  } catch (error) {
    if (error instanceof SourceFileReadError) {
      return {
        state: 'error',
        message: error.message,
        evidence: [
          { title: `Dashboard at ${error.target.path}`, url: error.target.url },
        ],
      };
    }
    throw error;
  }

  const problems = [...plan.unresolved];
  for (const target of readout.notFound) {
    if (target.declared) {
      problems.push(
        `${target.path}: named in ${DASHBOARDS_ANNOTATION} but not found at ${target.url}`,
      );
    }
  }
  const items: ReadinessItem[] = [];
  const panelless: string[] = [];
  const evidence: ReadinessEvidence[] = [];
  for (const file of readout.found) {
    const contents = dashboardsInFile(file);
    if (contents.problem) problems.push(`${file.path}: ${contents.problem}`);
    for (const dashboard of contents.dashboards) {
      const hasPanels = dashboard.panelCount > 0;
      items.push({
        name: `${dashboard.title} (${dashboard.format}, ${count(
          dashboard.panelCount,
          'panel',
        )})`,
        state: hasPanels ? 'passed' : 'failed',
        missing: hasPanels ? [] : ['panels'],
        source: file.path,
        url: file.url,
      });
      if (!hasPanels) {
        panelless.push(
          `${file.path}: panels in dashboard '${dashboard.title}'`,
        );
      }
      evidence.push({
        title: `${dashboard.format} dashboard ${dashboard.title}`,
        url: file.url,
      });
    }
  }
  const grafanaUrl =
    deps.settings.grafanaUrl && `${deps.settings.grafanaUrl}/dashboards`;
  if (selector) {
    items.push({
      name: `Grafana dashboards matching ${selector}`,
      state: 'passed',
      missing: [],
      source: GRAFANA_DASHBOARD_SELECTOR_ANNOTATION,
      url: grafanaUrl,
    });
    evidence.push({
      title: `Grafana dashboards matching ${selector}`,
      url: grafanaUrl,
    });
  }
  return {
    ...conclude(
      { items, problems, panelless, selector },
      describePlannedFiles(plan),
    ),
    evidence,
    items,
  };
}

function conclude(
  found: {
    items: ReadinessItem[];
    /** What is wrong with files and annotations. */
    problems: string[];
    /** One line per dashboard without panels. */
    panelless: string[];
    selector?: string;
  },
  whereLooked: string | undefined,
): Pick<ReadinessCheckOutcome, 'state' | 'message' | 'missing'> {
  const { items, problems, panelless, selector } = found;
  if (items.length === 0 && problems.length === 0) {
    return {
      state: 'failed',
      message: `No dashboards found; looked in ${whereLooked}.`,
      missing: [`a dashboard as code (looked in ${whereLooked})`],
    };
  }
  if (panelless.length > 0 || problems.length > 0) {
    const parts = [];
    if (panelless.length > 0)
      parts.push(`${count(panelless.length, 'dashboard')} without panels`);
    if (problems.length > 0)
      parts.push(
        `${count(problems.length, 'problem')} with the dashboard files`,
      );
    return {
      state: 'failed',
      message: `${parts.join('; ')}.`,
      missing: [...problems, ...panelless],
    };
  }
  const asCode = items.filter(
    item => item.source !== GRAFANA_DASHBOARD_SELECTOR_ANNOTATION,
  );
  const sentences = [];
  if (asCode.length > 0) {
    sentences.push(
      `${count(asCode.length, 'dashboard')} as code, each with panels.`,
    );
  }
  if (selector) {
    sentences.push(
      `Dashboards in Grafana selected by ${GRAFANA_DASHBOARD_SELECTOR_ANNOTATION} '${selector}' (not verified for panels).`,
    );
  }
  return { state: 'passed', message: sentences.join(' ') };
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
