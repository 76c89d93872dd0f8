import {
  ReadinessEvidence,
  ReadinessItem,
} from '@can-i-deploy/plugin-quality-gates-common';
import { GrafanaSettings } from '../dashboardsSettings';
import {
  DashboardSelectorError,
  parseDashboardSelector,
  requiredTags,
} from './dashboardSelector';
import { CachedDashboardSearch } from './cachedSearch';
import { GrafanaClient } from './GrafanaClient';
import {
  readSelectedDashboards,
  SelectedDashboard,
} from './selectedDashboards';

/** The Grafana plugin's annotation: which Grafana dashboards are the entity's. */
export const GRAFANA_DASHBOARD_SELECTOR_ANNOTATION =
  'grafana/dashboard-selector';

/** What the entity's dashboard selector came to. */
export interface SelectorFindings {
  items: ReadinessItem[];
  evidence: ReadinessEvidence[];
  /** Lines for `missing` that fail the check. */
  failing: string[];
  /** Lines for `missing` that leave the check met, with a caveat. */
  caveats: string[];
  /** What the selector came to, for the check's message. */
  sentence: string;
}

/** Where selected dashboards are verified, or only linked. */
export type SelectorVerification =
  | {
      client: GrafanaClient;
      search: CachedDashboardSearch;
      settings: GrafanaSettings;
    }
  | { linkUrl?: string };

/**
 * Evaluates the selector: in Grafana when one is configured (every matched
 * dashboard read for its panels, up to a bound), otherwise only read for
 * its syntax and linked. Throws `GrafanaRequestError` when Grafana cannot
 * be asked.
 */
export async function findSelectedDashboards(
  text: string,
  verification: SelectorVerification,
  signal: AbortSignal,
): Promise<SelectorFindings> {
  const quoted = `${GRAFANA_DASHBOARD_SELECTOR_ANNOTATION} '${text}'`;
  let selector;
  try {
    selector = parseDashboardSelector(text);
  } catch (error) {
    if (!(error instanceof DashboardSelectorError)) throw error;
    return {
      items: [],
      evidence: [],
      failing: [
        `${GRAFANA_DASHBOARD_SELECTOR_ANNOTATION} as a selector like tags @> 'checkout' (${error.message})`,
      ],
      caveats: [],
      sentence: `${quoted} is not a valid selector: ${error.message}.`,
    };
  }

  if (!('client' in verification)) {
    const url = verification.linkUrl && `${verification.linkUrl}/dashboards`;
    const name = `Grafana dashboards matching ${text}`;
    return {
      items: [
        {
          name,
          state: 'passed',
          missing: [],
          source: GRAFANA_DASHBOARD_SELECTOR_ANNOTATION,
          url,
        },
      ],
      evidence: [{ title: name, url }],
      failing: [],
      caveats: [],
      sentence: `Dashboards in Grafana selected by ${quoted} (panels not verified: no Grafana is configured in qualityGates.readiness.dashboards.grafana).`,
    };
  }

  const { settings } = verification;
  const { matched, read } = await readSelectedDashboards(
    verification,
    selector,
    signal,
  );
  if (matched === 0) {
    const browse = new URL(`${settings.externalUrl}/dashboards`);
    for (const tag of requiredTags(selector)) {
      browse.searchParams.append('tag', tag);
    }
    return {
      items: [],
      evidence: [{ title: 'Dashboards in Grafana', url: browse.href }],
      failing: [
        `a Grafana dashboard matching ${quoted} (none in Grafana at ${settings.externalUrl})`,
      ],
      caveats: [],
      sentence: `${quoted} matches no dashboard in Grafana.`,
    };
  }

  const urlOf = (dashboard: SelectedDashboard) =>
    `${settings.externalUrl}/d/${encodeURIComponent(dashboard.uid)}`;
  const empty = read.filter(dashboard => dashboard.panelCount === 0);
  const withPanels = read.length - empty.length;
  const emptyLines = empty.map(
    dashboard => `panels in Grafana dashboard '${dashboard.title}'`,
  );
  const emptyTitles = `${empty
    .map(dashboard => `'${dashboard.title}'`)
    .join(', ')} ${empty.length === 1 ? 'is' : 'are'} empty`;
  const bounded =
    matched > read.length
      ? ` Read the first ${read.length} of ${matched} matches.`
      : '';

  let sentence: string;
  if (withPanels === 0) {
    sentence = `No Grafana dashboard selected by ${quoted} has panels: ${emptyTitles}.`;
  } else if (empty.length > 0) {
    sentence = `${withPanels} of ${count(
      read.length,
      'Grafana dashboard',
    )} selected by ${quoted} have panels; ${emptyTitles}.`;
  } else {
    sentence = `${count(
      read.length,
      'Grafana dashboard',
    )} selected by ${quoted}, each with panels.`;
  }
  return {
    items: read.map(dashboard => ({
      name: `${dashboard.title} (Grafana, ${count(
        dashboard.panelCount,
        'panel',
      )})`,
      state: dashboard.panelCount > 0 ? 'passed' : 'failed',
      missing: dashboard.panelCount > 0 ? [] : ['panels'],
      source: GRAFANA_DASHBOARD_SELECTOR_ANNOTATION,
      url: urlOf(dashboard),
    })),
    evidence: read.map(dashboard => ({
      title: `Grafana dashboard ${dashboard.title}`,
      url: urlOf(dashboard),
    })),
    // One dashboard with panels is enough; empty ones are still shown.
    failing: withPanels === 0 ? emptyLines : [],
    caveats: withPanels === 0 ? [] : emptyLines,
    sentence: `${sentence}${bounded}`,
  };
}

export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
