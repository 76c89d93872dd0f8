import {
  DeliveryTimeline,
  Deployment,
  Incident,
  sortByPromotionOrder,
  TimelineGateDecision,
} from '@can-i-deploy/plugin-quality-gates-common';
import { DateTime } from 'luxon';
import { verdictStyle } from '../../shared/verdicts/verdictStyle';
import { deploymentStatusStyle } from './markerStyle';

/** Something drawn at one time on one lane. */
interface PointItem {
  /** Index into the model's `items`; the DOM carries it. */
  index: number;
  lane: number;
  ms: number;
  /** What a screen reader and the tooltip say. */
  label: string;
}

export interface DeploymentItem extends PointItem {
  kind: 'deployment';
  deployment: Deployment;
}

export interface GateItem extends PointItem {
  kind: 'gate';
  decision: TimelineGateDecision;
}

export interface IncidentItem extends PointItem {
  kind: 'incident';
  incident: Incident;
  /** Resolved, or the end of the range while open. */
  endMs: number;
}

export type TimelineItem = DeploymentItem | GateItem | IncidentItem;

/** The timeline, ready to draw: lanes and every item with its lane. */
export interface TimelineModel {
  lanes: string[];
  bounds: { start: number; end: number };
  items: TimelineItem[];
}

function ms(iso: string): number {
  return DateTime.fromISO(iso).toMillis();
}

function when(iso: string): string {
  return DateTime.fromISO(iso).toLocaleString(DateTime.DATETIME_MED);
}

export function deploymentLabel(deployment: Deployment): string {
  const status = deploymentStatusStyle(deployment.status).label;
  const kind =
    deployment.status === 'rolled_back'
      ? 'Rolled back deployment'
      : 'Deployment';
  const by = deployment.actor ? ` by ${deployment.actor}` : '';
  return `${kind} of ${deployment.version} to ${
    deployment.environment
  }: ${status}, ${when(deployment.startedAt)}${by}`;
}

export function gateLabel(decision: TimelineGateDecision): string {
  const verdict = verdictStyle(decision.verdict).label;
  const override = decision.overriddenTo
    ? `, overridden to ${verdictStyle(decision.overriddenTo).label}`
    : '';
  return `Gate ${decision.gateId} in ${
    decision.environment
  }: ${verdict}${override} for ${decision.version}, ${when(
    decision.decidedAt,
  )}`;
}

export function incidentLabel(incident: Incident, lane: string): string {
  const name = incident.title ?? incident.externalId;
  const severity = incident.severity ? ` (${incident.severity})` : '';
  const end = incident.resolvedAt
    ? `resolved ${when(incident.resolvedAt)}`
    : 'still open';
  return `Incident${severity} in ${
    incident.environment ?? lane
  }: ${name}, opened ${when(incident.openedAt)}, ${end}`;
}

/**
 * Lanes in promotion order (the backend's, plus environments only a gate
 * decided for) and every item on its lane. Incidents without a known
 * environment go to the last lane: they are production problems.
 */
export function timelineModel(timeline: DeliveryTimeline): TimelineModel {
  const extraLanes = timeline.gateDecisions
    .map(decision => decision.environment)
    .filter(environment => !timeline.lanes.includes(environment));
  const lanes =
    extraLanes.length > 0
      ? sortByPromotionOrder(
          [...new Set([...timeline.lanes, ...extraLanes])],
          lane => lane,
        )
      : timeline.lanes;
  const laneOf = new Map(lanes.map((lane, index) => [lane, index]));
  const bounds = { start: ms(timeline.from), end: ms(timeline.to) };
  const items: TimelineItem[] = [];

  for (const incident of timeline.incidents) {
    const lane =
      (incident.environment !== undefined
        ? laneOf.get(incident.environment)
        : undefined) ?? lanes.length - 1;
    if (lane < 0) continue;
    items.push({
      kind: 'incident',
      index: items.length,
      lane,
      ms: ms(incident.openedAt),
      endMs: incident.resolvedAt ? ms(incident.resolvedAt) : bounds.end,
      incident,
      label: incidentLabel(incident, lanes[lane]),
    });
  }
  for (const deployment of timeline.deployments) {
    const lane = laneOf.get(deployment.environment);
    if (lane === undefined) continue;
    items.push({
      kind: 'deployment',
      index: items.length,
      lane,
      ms: ms(deployment.startedAt),
      deployment,
      label: deploymentLabel(deployment),
    });
  }
  for (const decision of timeline.gateDecisions) {
    items.push({
      kind: 'gate',
      index: items.length,
      lane: laneOf.get(decision.environment)!,
      ms: ms(decision.decidedAt),
      decision,
      label: gateLabel(decision),
    });
  }
  return { lanes, bounds, items };
}
