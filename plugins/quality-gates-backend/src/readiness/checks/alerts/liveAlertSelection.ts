import { Entity } from '@backstage/catalog-model';
import { AlertingRule } from './alertingRule';
import {
  LabelSelector,
  matchesLabelSelector,
  parseLabelSelector,
} from './labelSelector';

/** Comma-separated names of the entity's alerts in Prometheus. */
export const ALERT_NAMES_ANNOTATION = 'prometheus.io/alert';
/** A label selector for the entity's alerts, e.g. `service=checkout`. */
export const ALERT_LABEL_SELECTOR_ANNOTATION = 'grafana/alert-label-selector';

/** Which live alerts belong to an entity. */
export interface LiveAlertSelection {
  names: string[];
  selector?: LabelSelector;
  /** Annotations that cannot be used, each as a line saying why. */
  problems: string[];
}

export function liveAlertSelection(entity: Entity): LiveAlertSelection {
  const annotations = entity.metadata.annotations ?? {};
  const names = (annotations[ALERT_NAMES_ANNOTATION] ?? '')
    .split(',')
    .map(name => name.trim())
    .filter(Boolean);
  const selectorText = annotations[ALERT_LABEL_SELECTOR_ANNOTATION]?.trim();
  if (!selectorText) return { names, problems: [] };
  try {
    return { names, selector: parseLabelSelector(selectorText), problems: [] };
  } catch (error) {
    return {
      names,
      problems: [
        `${ALERT_LABEL_SELECTOR_ANNOTATION} as a label selector like service=checkout,team=payments (${
          (error as Error).message
        })`,
      ],
    };
  }
}

/** Whether the entity names any live alerts at all. */
export function selectsLiveAlerts(selection: LiveAlertSelection): boolean {
  return (
    selection.names.length > 0 ||
    selection.selector !== undefined ||
    selection.problems.length > 0
  );
}

/**
 * The rules named or selected by the entity (either way is enough), and the
 * names it gives that Prometheus does not have.
 */
export function pickLiveAlerts(
  rules: AlertingRule[],
  selection: LiveAlertSelection,
): { picked: AlertingRule[]; notLoaded: string[] } {
  const names = new Set(selection.names);
  const picked = rules.filter(
    rule =>
      names.has(rule.name) ||
      (selection.selector !== undefined &&
        matchesLabelSelector(selection.selector, rule.labels)),
  );
  const loaded = new Set(rules.map(rule => rule.name));
  return {
    picked,
    notLoaded: selection.names.filter(name => !loaded.has(name)),
  };
}
