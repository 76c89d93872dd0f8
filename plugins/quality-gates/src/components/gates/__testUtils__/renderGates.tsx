import { ReactElement } from 'react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  QualityGatesApi,
  qualityGatesApiRef,
} from '../../../api/QualityGatesApi';
import { gateHistoryRouteRef } from '../../../routes';
import { renderOnEntityPage } from '../../__testUtils__/renderOnEntityPage';
import { permissionApiAllowing } from '../../__testUtils__/permissionApi';
import { checkoutCandidates } from './decisionFixtures';
import {
  checkoutEntity,
  checkoutStatus,
  olderProductionPass,
} from './gateFixtures';

// The API and the permission decision are the views' boundaries: the client
// is tested against a real HTTP server, the backend on its own databases,
// and all of it together in the browser test.
export function fakeGateApi() {
  return {
    getGateStatus: jest.fn().mockResolvedValue(checkoutStatus),
    getGateEvaluation: jest.fn().mockResolvedValue(olderProductionPass),
    overrideGateEvaluation: jest.fn().mockResolvedValue({}),
    pinGateEvaluation: jest.fn(),
    unpinGateEvaluation: jest.fn(),
    listGateEvaluations: jest.fn(),
    exportGateEvaluations: jest.fn(),
    gateCandidates: jest.fn().mockResolvedValue(checkoutCandidates),
    latestDecisions: jest.fn().mockResolvedValue({ items: [] }),
    listOverrides: jest.fn().mockResolvedValue({ items: [] }),
    evaluateGates: jest.fn(),
    overrideDecision: jest.fn(),
    revokeOverride: jest.fn(),
    getDecision: jest.fn(),
    listDecisions: jest.fn().mockResolvedValue({ items: [], total: 0 }),
  } satisfies Partial<QualityGatesApi>;
}

/**
 * Renders a gate view on checkout's page. The permission hook caches
 * decisions for the whole test file: keep one set per file.
 */
export async function renderGates(
  view: ReactElement,
  api: Partial<QualityGatesApi>,
  options: { allowedPermissions?: string[]; url?: string } = {},
) {
  const permissions = permissionApiAllowing(options.allowedPermissions ?? []);
  await renderOnEntityPage(view, {
    entity: checkoutEntity,
    apis: [
      [qualityGatesApiRef, api],
      [permissionApiRef, permissions.api],
    ],
    url: options.url,
    mountedRoutes: { '/gate-history': gateHistoryRouteRef },
  });
  return permissions;
}

/** The card of one gate in one environment. */
export function gateCard(gateId: string, environment: string): HTMLElement {
  const card = document.querySelector<HTMLElement>(
    `[data-gate="${gateId}"][data-environment="${environment}"]`,
  );
  if (!card) throw new Error(`No card for ${gateId} in ${environment}`);
  return card;
}
