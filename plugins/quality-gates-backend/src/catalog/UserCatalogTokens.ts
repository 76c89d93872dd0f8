import {
  AuthService,
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import { ReusedToken } from './ReusedToken';

/** Sign-ins whose catalog tokens are kept; the oldest goes first. */
const MAX_SIGN_INS = 1000;

/**
 * Tokens for reading the catalog on behalf of signed-in users, one per
 * sign-in, reused (see ReusedToken). An entity page asks the plugin several
 * things at once, each a catalog read as that user, and each read signed a
 * new token for the same user before.
 *
 * A sign-in is the user, the service acting for them (if any) and when
 * their token expires: two tokens alike in those are the same user's
 * sessions, issued in the same second, and a token made from either may
 * stand for the other. A token is never reused for anyone else, nor past
 * its own expiry, which is at most the user's.
 */
export class UserCatalogTokens {
  readonly #bySignIn = new Map<string, ReusedToken>();

  constructor(
    private readonly auth: AuthService,
    private readonly maxSignIns = MAX_SIGN_INS,
  ) {}

  async token(
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<string> {
    const signIn = signInOf(credentials);
    if (signIn === undefined) return this.issue(credentials);
    let reused = this.#bySignIn.get(signIn);
    if (!reused) {
      reused = new ReusedToken(() => this.issue(credentials));
      this.#bySignIn.set(signIn, reused);
      if (this.#bySignIn.size > this.maxSignIns) {
        this.#bySignIn.delete(this.#bySignIn.keys().next().value!);
      }
    }
    return reused.token();
  }

  private async issue(
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<string> {
    const { token } = await this.auth.getPluginRequestToken({
      onBehalfOf: credentials,
      targetPluginId: 'catalog',
    });
    return token;
  }
}

function signInOf({
  principal,
  expiresAt,
}: BackstageCredentials<BackstageUserPrincipal>): string | undefined {
  if (!expiresAt) return undefined;
  return JSON.stringify([
    principal.userEntityRef,
    principal.actor?.subject ?? null,
    expiresAt.getTime(),
  ]);
}
