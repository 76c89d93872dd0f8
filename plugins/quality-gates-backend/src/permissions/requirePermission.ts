import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';

/**
 * Whether the caller holds a basic permission (e.g. sending events).
 * Service principals are decided by their access restrictions, users by
 * the permission policy.
 */
export async function isAllowed(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  permission: BasicPermission,
): Promise<boolean> {
  const [decision] = await permissions.authorize([{ permission }], {
    credentials,
  });
  return decision.result === AuthorizeResult.ALLOW;
}

/** 403 unless the caller holds a basic permission; see `isAllowed`. */
export async function requirePermission(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  permission: BasicPermission,
): Promise<void> {
  if (!(await isAllowed(permissions, credentials, permission))) {
    throw new NotAllowedError(
      `Not allowed: this needs the ${permission.name} permission`,
    );
  }
}

/**
 * 403 unless the caller holds a permission on one catalog entity (e.g.
 * overriding its gate). The ref goes to the permission backend, so a policy
 * may answer with catalog conditions ("owners of the entity") that the
 * catalog then applies to this entity.
 */
export async function requireEntityPermission(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  permission: ResourcePermission<'catalog-entity'>,
  entityRef: string,
): Promise<void> {
  const [decision] = await permissions.authorize(
    [{ permission, resourceRef: entityRef }],
    { credentials },
  );
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(
      `Not allowed: this needs the ${permission.name} permission on ${entityRef}`,
    );
  }
}
