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
import { CachedDashboardSearch } from './grafana/cachedSearch';
import { GrafanaClient, GrafanaRequestError } from './grafana/GrafanaClient';
import {
  count,
  findSelectedDashboards,
  GRAFANA_DASHBOARD_SELECTOR_ANNOTATION,
  SelectorFindings,
  SelectorVerification,
} from './grafana/selectorFindings';
import { MAX_DASHBOARDS_READ } from './grafana/selectedDashboards';

export { GRAFANA_DASHBOARD_SELECTOR_ANNOTATION };

/** Comma-separated dashboard files, relative to the source location or URLs. */
export const DASHBOARDS_ANNOTATION = 'quality-gates/dashboards';

export interface DashboardsCheckOptions {
  /** The root config: the check reads `qualityGates.readiness.dashboards`. */
  config: Config;
  urlReader: UrlReaderService;
  logger: LoggerService;
  /** Asks Grafana's API; the global fetch unless given. */
  fetch?: typeof fetch;
}

/**
 * The `dashboards` check: dashboards as code (Grafana JSON, Perses) in the
 * source location, each with panels, or Grafana dashboards selected by the
 * `grafana/dashboard-selector` annotation, verified in Grafana when one is
 * configured.
 */
export function createDashboardsCheck(
  options: DashboardsCheckOptions,
): ReadinessCheck {
  const settings = readDashboardsSettings(options.config);
  const verification = selectorVerification(settings, options.fetch);
  if (settings.grafana) {
    options.logger.info(
      `Readiness dashboards check verifies ${GRAFANA_DASHBOARD_SELECTOR_ANNOTATION} in Grafana at ${settings.grafana.baseUrl}`,
    );
  }
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
      `Dashboards kept in Grafana count when the entity selects them with \`${GRAFANA_DASHBOARD_SELECTOR_ANNOTATION}\`: a tag (\`checkout\`) or an expression such as \`tags @> 'checkout' && folderTitle != 'Sandbox'\` (\`@>\` for a tag, \`==\` / \`!=\` on \`title\`, \`uid\`, \`folderTitle\` and the other text fields of Grafana's search; \`&&\`, \`||\`, \`!\`, parentheses). ${
        settings.grafana
          ? `The selector must match at least one dashboard in Grafana with panels (the first ${MAX_DASHBOARDS_READ} matches are read); empty ones it matches are listed as warnings. Tag the dashboards in Grafana, or fix the selector, until it does.`
          : 'Their panels are not verified: no Grafana is configured for this check.'
      }`,
      '',
      'A dashboard without panels does not count: add the panels that show traffic, errors, latency and saturation.',
    ].join('\n'),
    level: 'silver',
    catalogOnly: false,
    evaluate: (entity, { signal }) =>
      evaluateDashboards(entity, signal, {
        ...options,
        settings,
        verification,
      }),
  };
}

function selectorVerification(
  settings: DashboardsSettings,
  fetchImpl: typeof fetch | undefined,
): SelectorVerification {
  if (!settings.grafana) return { linkUrl: settings.grafanaLinkUrl };
  const client = new GrafanaClient({ ...settings.grafana, fetch: fetchImpl });
  return {
    settings: settings.grafana,
    client,
    search: new CachedDashboardSearch(client),
  };
}

async function evaluateDashboards(
  entity: Entity,
  signal: AbortSignal,
  deps: {
    urlReader: UrlReaderService;
    settings: DashboardsSettings;
    verification: SelectorVerification;
  },
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
  let selected: SelectorFindings | undefined;
  try {
    [readout, selected] = await Promise.all([
      readSourceFiles(deps.urlReader, plan.targets, signal),
      selector
        ? findSelectedDashboards(selector, deps.verification, signal)
        : undefined,
    ]);
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
    if (error instanceof GrafanaRequestError && 'client' in deps.verification) {
      return {
        state: 'error',
        message: `Could not verify ${GRAFANA_DASHBOARD_SELECTOR_ANNOTATION} '${selector}': ${error.message}`,
        evidence: [
          {
            title: 'Grafana',
            url: deps.verification.settings.externalUrl,
          },
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
  const asCodeCount = items.length;
  if (selected) {
    items.push(...selected.items);
    evidence.push(...selected.evidence);
  }
  return {
    ...conclude(
      { asCodeCount, problems, panelless, selected },
      describePlannedFiles(plan),
    ),
    evidence,
    items,
  };
}

function conclude(
  found: {
    /** Dashboards found as code. */
    asCodeCount: number;
    /** What is wrong with files and annotations. */
    problems: string[];
    /** One line per dashboard as code without panels. */
    panelless: string[];
    selected?: SelectorFindings;
  },
  whereLooked: string | undefined,
): Pick<ReadinessCheckOutcome, 'state' | 'message' | 'missing'> {
  const { asCodeCount, problems, panelless, selected } = found;
  if (asCodeCount === 0 && problems.length === 0 && !selected) {
    return {
      state: 'failed',
      message: `No dashboards found; looked in ${whereLooked}.`,
      missing: [`a dashboard as code (looked in ${whereLooked})`],
    };
  }
  const selectorFails = (selected?.failing.length ?? 0) > 0;
  if (panelless.length > 0 || problems.length > 0 || selectorFails) {
    const parts = [];
    if (panelless.length > 0)
      parts.push(`${count(panelless.length, 'dashboard')} without panels`);
    if (problems.length > 0)
      parts.push(
        `${count(problems.length, 'problem')} with the dashboard files`,
      );
    const sentences = parts.length > 0 ? [`${parts.join('; ')}.`] : [];
    if (selected && selectorFails) sentences.push(selected.sentence);
    return {
      state: 'failed',
      message: sentences.join(' '),
      missing: [
        ...problems,
        ...panelless,
        ...(selected?.failing ?? []),
        ...(selected?.caveats ?? []),
      ],
    };
  }
  const sentences = [];
  if (asCodeCount > 0) {
    sentences.push(
      `${count(asCodeCount, 'dashboard')} as code, each with panels.`,
    );
  }
  if (selected) sentences.push(selected.sentence);
  const caveats = selected?.caveats ?? [];
  return caveats.length > 0
    ? { state: 'warning', message: sentences.join(' '), missing: caveats }
    : { state: 'passed', message: sentences.join(' ') };
}
