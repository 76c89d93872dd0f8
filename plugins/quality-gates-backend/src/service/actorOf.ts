import { BackstageCredentials } from '@backstage/backend-plugin-api';

/**
 * Who made a decision, for the audit trail: a user's entity ref, or
 * `service:<subject>` for a script or CI system with a static token.
 */
export function actorOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  return principal.type === 'user'
    ? principal.userEntityRef!
    : `service:${principal.subject}`;
}
