import { screen } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { EntityReadinessResponse } from '@can-i-deploy/plugin-quality-gates-common';
import {
  QualityGatesApi,
  qualityGatesApiRef,
} from '../../../api/QualityGatesApi';
import { EntityReadinessContent } from '../EntityReadinessContent';
import { permissionApiAllowing } from '../../__testUtils__/permissionApi';
import {
  checkoutEntity,
  checkoutHistory,
  checkoutReadiness,
} from './readinessFixtures';

// The API and the permission decision are the view's boundaries: the client
// is tested against a real HTTP server, the backend on its own, and all of
// it together in the browser test.
export function fakeEntityReadinessApi(
  readiness: EntityReadinessResponse = checkoutReadiness,
) {
  return {
    getEntityReadiness: jest.fn().mockResolvedValue(readiness),
    getEntityReadinessHistory: jest.fn().mockResolvedValue(checkoutHistory),
    evaluateEntityReadiness: jest.fn().mockResolvedValue(readiness),
    createReadinessExemption: jest.fn().mockResolvedValue({}),
    revokeReadinessExemption: jest.fn().mockResolvedValue({}),
  } satisfies Partial<QualityGatesApi>;
}

/**
 * Renders the readiness tab of the checkout entity. The permission hook
 * caches decisions for the whole test file, so keep one set of allowed
 * permissions per file.
 */
export async function renderEntityReadiness(
  api: Partial<QualityGatesApi>,
  allowedPermissions: string[] = [],
) {
  const permissions = permissionApiAllowing(allowedPermissions);
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [qualityGatesApiRef, api],
        [permissionApiRef, permissions.api],
      ]}
    >
      <EntityProvider entity={checkoutEntity}>
        <EntityReadinessContent />
      </EntityProvider>
    </TestApiProvider>,
  );
  await screen.findByText('Checks');
  return permissions;
}

/** The panel of one check. */
export function checkPanel(checkId: string): HTMLElement {
  const panel = document.querySelector<HTMLElement>(
    `[data-check="${checkId}"]`,
  );
  if (!panel) throw new Error(`No panel for check ${checkId}`);
  return panel;
}
