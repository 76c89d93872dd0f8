import { AuthService } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import { OwnCatalogToken } from './OwnCatalogToken';

/** An auth service issuing JWT-shaped tokens that expire in `lifeSeconds`. */
function issuing(lifeSeconds: number | undefined) {
  let issued = 0;
  const auth = {
    getOwnServiceCredentials: async () => mockCredentials.service(),
    getPluginRequestToken: async () => {
      issued += 1;
      const payload = Buffer.from(
        JSON.stringify(
          lifeSeconds === undefined
            ? { sub: 'quality-gates' }
            : { exp: Math.floor(Date.now() / 1000) + lifeSeconds },
        ),
      ).toString('base64url');
      return { token: `header.${payload}.${issued}` };
    },
  } as unknown as AuthService;
  return { auth, issued: () => issued };
}

describe('OwnCatalogToken', () => {
  afterEach(() => jest.useRealTimers());

  it('reuses a token for ten minutes at most', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-07T10:00:00Z') });
    const { auth, issued } = issuing(3600);
    const own = new OwnCatalogToken(auth);
    const first = await own.token();
    expect(await own.token()).toBe(first);
    expect(issued()).toBe(1);
    jest.setSystemTime(new Date('2026-12-07T10:10:01Z'));
    expect(await own.token()).not.toBe(first);
    expect(issued()).toBe(2);
  });

  it('renews a short-lived token at half its life', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-07T10:00:00Z') });
    const { auth, issued } = issuing(60);
    const own = new OwnCatalogToken(auth);
    await own.token();
    jest.setSystemTime(new Date('2026-12-07T10:00:29Z'));
    await own.token();
    expect(issued()).toBe(1);
    jest.setSystemTime(new Date('2026-12-07T10:00:31Z'));
    await own.token();
    expect(issued()).toBe(2);
  });

  it('does not reuse a token whose expiry it cannot read', async () => {
    const { auth, issued } = issuing(undefined);
    const own = new OwnCatalogToken(auth);
    await own.token();
    await own.token();
    expect(issued()).toBe(2);
  });
});
