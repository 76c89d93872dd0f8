import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  eventsCreatePermission,
  gateEvaluatePermission,
  gateOverridePermission,
  qualityGatesPermissions,
  readinessEvaluatePermission,
  readinessExemptionCreatePermission,
} from '@can-i-deploy/plugin-quality-gates-common';
import {
  ExampleQualityGatesPolicy,
  PLATFORM_TEAM,
} from './exampleQualityGatesPolicy';

// The example policy's decisions. That the catalog then applies the owner
// condition to the entity is tested over HTTP in the backend plugin
// (src/service/permissions.test.ts).

const memberships: Record<string, string[]> = {
  'user:default/jane.doe': [PLATFORM_TEAM],
  'user:default/john.smith': ['group:default/checkout-team'],
};

const policy = new ExampleQualityGatesPolicy({
  async getUserInfo(credentials) {
    const userEntityRef = (credentials.principal as { userEntityRef: string })
      .userEntityRef;
    return {
      userEntityRef,
      ownershipEntityRefs: [
        userEntityRef,
        ...(memberships[userEntityRef] ?? []),
      ],
    };
  },
});

const as = (userEntityRef: string) => ({
  credentials: mockCredentials.user(userEntityRef),
  info: { userEntityRef, ownershipEntityRefs: [] },
});

describe('ExampleQualityGatesPolicy', () => {
  it('lets the platform team do everything the plugin has a permission for', async () => {
    for (const permission of qualityGatesPermissions) {
      expect(
        await policy.handle({ permission }, as('user:default/jane.doe')),
      ).toEqual({ result: AuthorizeResult.ALLOW });
    }
  });

  it('lets owners evaluate gates and readiness, on a condition the catalog checks', async () => {
    for (const permission of [
      gateEvaluatePermission,
      readinessEvaluatePermission,
    ]) {
      expect(
        await policy.handle({ permission }, as('user:default/john.smith')),
      ).toEqual({
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'catalog',
        resourceType: 'catalog-entity',
        conditions: {
          rule: 'IS_ENTITY_OWNER',
          resourceType: 'catalog-entity',
          params: {
            claims: ['user:default/john.smith', 'group:default/checkout-team'],
          },
        },
      });
    }
  });

  it('denies other users every other write, and events', async () => {
    for (const permission of [
      gateOverridePermission,
      readinessExemptionCreatePermission,
      eventsCreatePermission,
    ]) {
      expect(
        await policy.handle({ permission }, as('user:default/john.smith')),
      ).toEqual({ result: AuthorizeResult.DENY });
    }
  });

  it('allows every permission of other plugins, as allow-all did', async () => {
    expect(
      await policy.handle(
        { permission: catalogEntityReadPermission },
        as('user:default/john.smith'),
      ),
    ).toEqual({ result: AuthorizeResult.ALLOW });
  });
});
