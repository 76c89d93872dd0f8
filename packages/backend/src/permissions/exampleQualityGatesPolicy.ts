import {
  BackstageUserInfo,
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  AuthorizeResult,
  isPermission,
  isResourcePermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  gateEvaluatePermission,
  readinessEvaluatePermission,
} from '@can-i-deploy/plugin-quality-gates-common';

/**
 * The group whose members may do everything the plugin allows: override
 * and revoke verdicts, pin baselines, grant and revoke exemptions, evaluate,
 * send events and see events kept for unknown entities. Use your own.
 */
export const PLATFORM_TEAM = 'group:default/platform-team';

const ALLOW: PolicyDecision = { result: AuthorizeResult.ALLOW };
const DENY: PolicyDecision = { result: AuthorizeResult.DENY };

/**
 * The example app's policy, for signed-in users (service principals never
 * reach a policy: their access restrictions in `backend.auth.externalAccess`
 * decide, see docs/permissions.md).
 *
 * - The platform team may do everything `quality-gates.*`.
 * - The owners of an entity may evaluate its gates and its readiness: a
 *   condition on the catalog entity, which the catalog checks.
 * - Everyone else reads (reads need no permission; they show what the
 *   catalog lets the user see) and writes nothing.
 * - Every other permission (the catalog's, other plugins') is allowed, as
 *   the allow-all policy did.
 */
export class ExampleQualityGatesPolicy implements PermissionPolicy {
  constructor(
    private readonly userInfo: {
      getUserInfo(
        credentials: PolicyQueryUser['credentials'],
      ): Promise<BackstageUserInfo>;
    },
  ) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (!request.permission.name.startsWith('quality-gates.')) return ALLOW;
    if (!user) return DENY;
    const { ownershipEntityRefs } = await this.userInfo.getUserInfo(
      user.credentials,
    );
    if (ownershipEntityRefs.includes(PLATFORM_TEAM)) return ALLOW;
    const ownersMay =
      isPermission(request.permission, gateEvaluatePermission) ||
      isPermission(request.permission, readinessEvaluatePermission);
    if (
      ownersMay &&
      isResourcePermission(request.permission, 'catalog-entity')
    ) {
      return createCatalogConditionalDecision(
        request.permission,
        catalogConditions.isEntityOwner({ claims: ownershipEntityRefs }),
      );
    }
    return DENY;
  }
}

/** Installs `ExampleQualityGatesPolicy` in the permission backend. */
export const exampleQualityGatesPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'example-quality-gates-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        userInfo: coreServices.userInfo,
      },
      async init({ policy, userInfo }) {
        policy.setPolicy(new ExampleQualityGatesPolicy(userInfo));
      },
    });
  },
});
