import {
  AuthService,
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import { UserCatalogTokens } from './UserCatalogTokens';

// The auth service here is a stand-in that counts signings and says on
// whose behalf each token was made; the real one is used by every router
// test that reads the catalog as a user.

const NOW = new Date('2026-12-07T10:00:00Z');

function signing() {
  const issuedFor: string[] = [];
  const auth = {
    getPluginRequestToken: async ({
      onBehalfOf,
    }: {
      onBehalfOf: BackstageCredentials<BackstageUserPrincipal>;
    }) => {
      issuedFor.push(onBehalfOf.principal.userEntityRef);
      const exp = Math.floor(
        Math.min(
          Date.now() + 3600_000,
          onBehalfOf.expiresAt?.getTime() ?? Infinity,
        ) / 1000,
      );
      const payload = Buffer.from(
        JSON.stringify({ sub: 'quality-gates', exp }),
      ).toString('base64url');
      return {
        token: `header.${payload}.${onBehalfOf.principal.userEntityRef}#${issuedFor.length}`,
      };
    },
  } as unknown as AuthService;
  return { auth, issuedFor };
}

function user(
  userEntityRef: string,
  expiresAt: Date | undefined = new Date(NOW.getTime() + 3600_000),
  actor?: string,
): BackstageCredentials<BackstageUserPrincipal> {
  return {
    $$type: '@backstage/BackstageCredentials',
    expiresAt,
    principal: {
      type: 'user',
      userEntityRef,
      ...(actor ? { actor: { type: 'service', subject: actor } } : {}),
    },
  };
}

describe('UserCatalogTokens', () => {
  beforeEach(() => jest.useFakeTimers({ now: NOW }));
  afterEach(() => jest.useRealTimers());

  it('signs once for the calls of one sign-in', async () => {
    const { auth, issuedFor } = signing();
    const tokens = new UserCatalogTokens(auth);
    const [first, second] = await Promise.all([
      tokens.token(user('user:default/alice')),
      tokens.token(user('user:default/alice')),
    ]);
    const third = await tokens.token(user('user:default/alice'));
    expect(new Set([first, second, third]).size).toBe(1);
    expect(issuedFor).toEqual(['user:default/alice']);
  });

  it("never answers with another user's or another actor's token", async () => {
    const { auth, issuedFor } = signing();
    const tokens = new UserCatalogTokens(auth);
    const alice = await tokens.token(user('user:default/alice'));
    const bob = await tokens.token(user('user:default/bob'));
    const aliceThroughAService = await tokens.token(
      user('user:default/alice', undefined, 'scaffolder'),
    );
    expect(alice).toContain('user:default/alice#');
    expect(bob).toContain('user:default/bob#');
    expect(new Set([alice, bob, aliceThroughAService]).size).toBe(3);
    expect(issuedFor).toEqual([
      'user:default/alice',
      'user:default/bob',
      'user:default/alice',
    ]);
  });

  it('keeps sign-ins that expire at different times apart', async () => {
    const { auth, issuedFor } = signing();
    const tokens = new UserCatalogTokens(auth);
    const first = await tokens.token(user('user:default/alice'));
    const later = await tokens.token(
      user('user:default/alice', new Date(NOW.getTime() + 7200_000)),
    );
    expect(later).not.toBe(first);
    expect(issuedFor).toHaveLength(2);
  });

  it('signs anew at half the life of a token that expires with the user', async () => {
    const { auth, issuedFor } = signing();
    const tokens = new UserCatalogTokens(auth);
    const soon = user('user:default/alice', new Date(NOW.getTime() + 60_000));
    const first = await tokens.token(soon);
    jest.setSystemTime(new Date(NOW.getTime() + 29_000));
    expect(await tokens.token(soon)).toBe(first);
    jest.setSystemTime(new Date(NOW.getTime() + 31_000));
    expect(await tokens.token(soon)).not.toBe(first);
    expect(issuedFor).toHaveLength(2);
  });

  it('does not reuse a token for credentials without an expiry', async () => {
    const { auth, issuedFor } = signing();
    const tokens = new UserCatalogTokens(auth);
    await tokens.token(user('user:default/alice', null as unknown as Date));
    await tokens.token(user('user:default/alice', null as unknown as Date));
    expect(issuedFor).toHaveLength(2);
  });

  it('keeps the most recent sign-ins only', async () => {
    const { auth, issuedFor } = signing();
    const tokens = new UserCatalogTokens(auth, 2);
    await tokens.token(user('user:default/a'));
    await tokens.token(user('user:default/b'));
    await tokens.token(user('user:default/c'));
    await tokens.token(user('user:default/c'));
    await tokens.token(user('user:default/b'));
    await tokens.token(user('user:default/a'));
    expect(issuedFor).toEqual([
      'user:default/a',
      'user:default/b',
      'user:default/c',
      'user:default/a',
    ]);
  });
});
