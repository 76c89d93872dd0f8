import { AuthService } from '@backstage/backend-plugin-api';
import { ReusedToken } from './ReusedToken';

/** The plugin's own token for the catalog, reused (see ReusedToken). */
export class OwnCatalogToken extends ReusedToken {
  constructor(auth: AuthService) {
    super(async () => {
      const { token } = await auth.getPluginRequestToken({
        onBehalfOf: await auth.getOwnServiceCredentials(),
        targetPluginId: 'catalog',
      });
      return token;
    });
  }
}
