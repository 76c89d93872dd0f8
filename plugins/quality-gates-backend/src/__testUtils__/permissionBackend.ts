import path from 'node:path';
import {
  BackendFeature,
  BackstageCredentials,
  BackstageUserInfo,
  coreServices,
  createBackendModule,
  createServiceFactory,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import permissionPlugin from '@backstage/plugin-permission-backend';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  AuthorizeResult,
  isPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import {
  PermissionPolicy,
  PolicyQuery,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { JsonObject } from '@backstage/types';

/**
 * The catalog of the permission tests: `component:default/vault` is
 * restricted (only vault-team sees it); checkout and payments are open.
 */
export const RESTRICTED_CATALOG = path.resolve(
  __dirname,
  '../__fixtures__/restricted-catalog.yaml',
);

/** Entities with this annotation are visible only to their owners. */
export const RESTRICTED_ANNOTATION = 'quality-gates.test/restricted';

/** Config that turns the permission framework on. */
export const PERMISSIONS_ENABLED: JsonObject = {
  permission: { enabled: true },
};

/** A test policy: like a real one, it decides with the user's ownership. */
export type TestPolicy = (
  request: PolicyQuery,
  user: BackstageUserInfo | undefined,
) => Promise<PolicyDecision>;

/**
 * `catalog.entity.read` as an organisation with restricted entities decides
 * it: visible to everyone, except entities annotated with
 * `RESTRICTED_ANNOTATION`, which only their owners see. The catalog turns
 * the conditions into its own query, so hidden entities are left out of
 * every list and lookup. Undefined for other permissions.
 */
export function restrictedEntitiesDecision(
  request: PolicyQuery,
  user: BackstageUserInfo | undefined,
): PolicyDecision | undefined {
  if (!isPermission(request.permission, catalogEntityReadPermission)) {
    return undefined;
  }
  return createCatalogConditionalDecision(request.permission, {
    anyOf: [
      {
        not: catalogConditions.hasAnnotation({
          annotation: RESTRICTED_ANNOTATION,
        }),
      },
      catalogConditions.isEntityOwner({
        claims: user?.ownershipEntityRefs ?? [],
      }),
    ],
  });
}

/**
 * What a signed-in user's token would say: the user and the groups they
 * are a member of. The mock users of backend-test-utils have no catalog
 * entity, so their memberships are given here.
 */
function userInfoFromMemberships(
  memberships: Record<string, string[]>,
): UserInfoService {
  return {
    async getUserInfo(credentials: BackstageCredentials) {
      const principal = credentials.principal as {
        type: string;
        userEntityRef?: string;
      };
      if (principal.type !== 'user' || !principal.userEntityRef) {
        throw new Error(`No user info for a ${principal.type} principal`);
      }
      return {
        userEntityRef: principal.userEntityRef,
        ownershipEntityRefs: [
          principal.userEntityRef,
          ...(memberships[principal.userEntityRef] ?? []),
        ],
      };
    },
  };
}

const MOCK_SERVICE_TOKEN_PREFIX = 'mock-service-token:';

/**
 * The mock httpAuth of backend-test-utils, but a token one plugin obtained
 * on behalf of a user carries that plugin as the actor, as the production
 * auth service's tokens do. The permission backend needs this to tell a
 * plugin asking for a user (e.g. the catalog filtering a list, which may
 * ask without a resource) from the user asking directly (who may not).
 */
const httpAuthWithActors = createServiceFactory({
  service: coreServices.httpAuth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }) {
    const mock = mockServices.httpAuth({ pluginId: plugin.getId() });
    return {
      async credentials(req, options) {
        const credentials: BackstageCredentials = await mock.credentials(
          req,
          options,
        );
        const token =
          req.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
        const isUser =
          (credentials.principal as { type: string }).type === 'user';
        if (isUser && token?.startsWith(MOCK_SERVICE_TOKEN_PREFIX)) {
          const { obo } = JSON.parse(
            token.slice(MOCK_SERVICE_TOKEN_PREFIX.length),
          );
          return mockCredentials.user(obo, {
            actor: { subject: 'plugin:on-behalf-of-user' },
          }) as any;
        }
        return credentials as any;
      },
      issueUserCookie: (res, options) => mock.issueUserCookie(res, options),
    };
  },
});

/**
 * The real permission framework in a test backend: the permission backend
 * plugin with `policy`, the production permissions service (service
 * principals decided by their access restrictions, users by the policy,
 * catalog conditions applied by the catalog), and users whose ownership is
 * their own ref plus `memberships`. Start the backend with
 * `PERMISSIONS_ENABLED` in its config.
 */
export function realPermissions(options: {
  policy: TestPolicy;
  memberships: Record<string, string[]>;
}): BackendFeature[] {
  const userInfo = userInfoFromMemberships(options.memberships);
  const policyModule = createBackendModule({
    pluginId: 'permission',
    moduleId: 'test-policy',
    register(reg) {
      reg.registerInit({
        deps: { policies: policyExtensionPoint },
        async init({ policies }) {
          const policy: PermissionPolicy = {
            async handle(request, user) {
              const info =
                user && (await userInfo.getUserInfo(user.credentials));
              return options.policy(request, info);
            },
          };
          policies.setPolicy(policy);
        },
      });
    },
  });
  return [
    permissionsServiceFactory,
    httpAuthWithActors,
    createServiceFactory({
      service: coreServices.userInfo,
      deps: {},
      factory: () => userInfo,
    }),
    permissionPlugin,
    policyModule,
  ];
}

/** Allows everything the other rules leave undecided. */
export const ALLOW: PolicyDecision = { result: AuthorizeResult.ALLOW };
/** Denies. */
export const DENY: PolicyDecision = { result: AuthorizeResult.DENY };
