import { PermissionApi } from '@backstage/plugin-permission-react';

type EvaluatePermissionResponse = Awaited<
  ReturnType<PermissionApi['authorize']>
>;

/**
 * A permission API that allows the named permissions and denies the rest,
 * and records what it was asked. The real one asks the backend's policy.
 */
export function permissionApiAllowing(allowed: string[]) {
  const asked: string[] = [];
  const api: PermissionApi = {
    async authorize(request) {
      asked.push(request.permission.name);
      // AuthorizeResult is a string enum of exactly these values; its
      // package is not a dependency of this plugin.
      const result = allowed.includes(request.permission.name)
        ? 'ALLOW'
        : 'DENY';
      return { result } as unknown as EvaluatePermissionResponse;
    },
  };
  return { api, asked };
}
