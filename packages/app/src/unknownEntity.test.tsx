import { configure, screen } from '@testing-library/react';
import { renderTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import orgPlugin from '@backstage/plugin-org/alpha';
import qualityGatesPlugin from '@can-i-deploy/plugin-quality-gates/alpha';
import { navModule } from './modules/nav';

// The plugins feature discovery installs in this app, at the URL of an
// entity the catalog does not have: the catalog's not-found message, not a
// crash. The catalog has no entities here (a real, empty catalog API).

jest.setTimeout(60_000);
configure({ asyncUtilTimeout: 20_000 });

describe('an unknown entity URL', () => {
  it.each(['', '/quality-gates', '/readiness'])(
    "shows the catalog's not-found message under %p",
    async path => {
      renderTestApp({
        features: [catalogPlugin, orgPlugin, qualityGatesPlugin, navModule],
        apis: [[catalogApiRef, catalogApiMock({ entities: [] })]],
        config: { backend: { baseUrl: 'http://localhost:7007' } },
        initialRouteEntries: [`/catalog/default/component/nobody${path}`],
      });

      expect(
        await screen.findByText(/There is no component with the requested/),
      ).toBeInTheDocument();
    },
  );
});
