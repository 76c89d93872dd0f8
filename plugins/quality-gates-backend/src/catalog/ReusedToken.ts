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
 * A token for another plugin, reused until half of its life or ten minutes
 * have passed: signing a new one for every call cost about as much CPU as
 * the rest of a catalog lookup on our side. A token whose expiry cannot be
 * read is not reused.
 */
export class ReusedToken {
  #current?: Promise<{ token: string; renewAt: number }>;

  constructor(private readonly issueToken: () => Promise<string>) {}

  async token(): Promise<string> {
    const current = this.#current;
    if (current) {
      const held = await current.catch(() => undefined);
      if (held && Date.now() < held.renewAt) return held.token;
      // Another call renewed it meanwhile: wait for that one.
      if (this.#current !== current) return this.token();
    }
    // Set before any await, so that calls at the same time sign once.
    const issuing = this.issue();
    this.#current = issuing;
    return (await issuing).token;
  }

  private async issue() {
    const token = await this.issueToken();
    const now = Date.now();
    const expiry = expiresAt(token);
    const renewAt =
      expiry === undefined
        ? now
        : Math.min(now + MAX_REUSE_MS, now + (expiry - now) / 2);
    return { token, renewAt };
  }
}
