import { configure, screen } from '@testing-library/react';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { ExtensionDefinition } from '@backstage/frontend-plugin-api';
import { AsyncEntityProvider } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { qualityGatesApiRef } from '../api/QualityGatesApi';
import { fakeQualityGatesApi } from '../components/__testUtils__/fakeQualityGatesApi';
import { permissionApiAllowing } from '../components/__testUtils__/permissionApi';
import { readinessEntityCard, readinessRollupEntityCard } from './entityCards';
import {
  canIDeployEntityContent,
  ciPipelinesEntityContent,
  deployTimelineEntityContent,
  doraEntityContent,
  doraRollupEntityContent,
  readinessEntityContent,
} from './entityContents';

// Each entity tab and card as the entity page renders it, with no entity:
// an unknown entity URL, or still loading. None may call `useEntity` then
// (it throws "called outside of an EntityLayout"); the catalog's page shows
// its own not-found view around them.

configure({ asyncUtilTimeout: 10_000 });

const extensions = {
  canIDeployEntityContent,
  readinessEntityContent,
  doraEntityContent,
  deployTimelineEntityContent,
  ciPipelinesEntityContent,
  doraRollupEntityContent,
  readinessEntityCard,
  readinessRollupEntityCard,
};

describe.each(Object.entries(extensions))('%s without an entity', (_, ext) => {
  it.each([
    ['unknown', { loading: false }],
    ['loading', { loading: true }],
  ])('renders nothing and asks nothing when %s', async (_state, props) => {
    const api = fakeQualityGatesApi();
    const errors = jest.spyOn(console, 'error').mockImplementation(() => {});
    renderInTestApp(
      <div data-testid="page">
        <AsyncEntityProvider {...props}>
          {createExtensionTester(ext as ExtensionDefinition).reactElement()}
        </AsyncEntityProvider>
      </div>,
      {
        apis: [
          [qualityGatesApiRef, api],
          [permissionApiRef, permissionApiAllowing([]).api],
        ],
      },
    );

    // The lazy view has loaded (and rendered nothing) once the page is
    // empty; an error boundary would have shown the error here.
    const page = await screen.findByTestId('page');
    await new Promise(resolve => setTimeout(resolve, 200));
    expect(page).toBeEmptyDOMElement();
    expect(errors.mock.calls.flat().join(' ')).not.toMatch(
      /useEntity hook is being called outside/,
    );
    for (const method of Object.values(api)) {
      expect(method).not.toHaveBeenCalled();
    }
    errors.mockRestore();
  });
});
