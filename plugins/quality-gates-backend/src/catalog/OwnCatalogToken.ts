import { AuthService } from '@backstage/backend-plugin-api';

/** Reuse a token for at most this long. */
const MAX_REUSE_MS = 10 * 60_000;

/** When a JWT expires, in milliseconds, from its (unverified) payload. */
function expiresAt(token: string): number | undefined {
  try {
    const payload = JSON.parse(
      Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'),
    );
    return typeof payload.exp === 'number' ? payload.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The plugin's own token for the catalog, reused until half of its life or
 * ten minutes have passed: signing a new one for every lookup cost about as
 * much CPU as the rest of the lookup on our side.
 */
export class OwnCatalogToken {
  #current?: Promise<{ token: string; renewAt: number }>;

  constructor(private readonly auth: AuthService) {}

  async token(): Promise<string> {
    const current = await this.#current?.catch(() => undefined);
    if (current && Date.now() < current.renewAt) return current.token;
    const issuing = this.issue();
    this.#current = issuing;
    return (await issuing).token;
  }

  private async issue() {
    const { token } = await this.auth.getPluginRequestToken({
      onBehalfOf: await this.auth.getOwnServiceCredentials(),
      targetPluginId: 'catalog',
    });
    const now = Date.now();
    const expiry = expiresAt(token);
    const renewAt =
      expiry === undefined
        ? now
        : Math.min(now + MAX_REUSE_MS, now + (expiry - now) / 2);
    return { token, renewAt };
  }
}
