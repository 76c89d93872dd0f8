import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EntityDoraRollupContent } from './EntityDoraRollupContent';
import {
  checkoutEntity,
  checkoutTeamEntity,
  checkoutTeamScope,
  emptyMetrics,
  failedDeploymentDetails,
  metricsResponse,
  webshopEntity,
} from '../__testUtils__/doraFixtures';
import { fakeDoraApi, renderDora } from '../__testUtils__/renderDora';

describe('EntityDoraRollupContent', () => {
  it('rolls up the components a group owns and names them', async () => {
    const api = fakeDoraApi(metricsResponse({ scope: checkoutTeamScope }));
    await renderDora(<EntityDoraRollupContent />, checkoutTeamEntity, api);

    expect(
      await screen.findByText('Roll-up of 3 components owned by this group'),
    ).toBeVisible();
    // The default window: the backend's, which follows the data.
    expect(api.getDoraMetrics).toHaveBeenCalledWith(
      { group: 'group:default/checkout-team' },
      undefined,
    );
    await waitFor(() => expect(api.getDoraTrend).toHaveBeenCalled());
    expect(api.getDoraTrend).toHaveBeenCalledWith(
      { group: 'group:default/checkout-team' },
      expect.anything(),
    );
    for (const name of ['checkout', 'payments', 'storefront']) {
      expect(screen.getByRole('link', { name })).toHaveAttribute(
        'href',
        `/catalog/default/component/${name}`,
      );
    }
    expect(
      screen.getByRole('region', { name: 'Change failure rate' }),
    ).toHaveTextContent('12 of 140 deployments failed');
  });

  it('says which component each row behind a roll-up figure belongs to', async () => {
    const api = fakeDoraApi(metricsResponse({ scope: checkoutTeamScope }));
    api.getDoraDetails.mockResolvedValue({
      ...failedDeploymentDetails,
      scope: checkoutTeamScope,
    });
    await renderDora(<EntityDoraRollupContent />, checkoutTeamEntity, api);

    const tile = await screen.findByRole('region', {
      name: 'Change failure rate',
    });
    await userEvent.click(within(tile).getByRole('button'));
    const table = await within(await screen.findByRole('dialog')).findByRole(
      'table',
    );

    expect(api.getDoraDetails).toHaveBeenCalledWith(
      { group: 'group:default/checkout-team' },
      'changeFailureRate',
      expect.objectContaining({ offset: 0 }),
    );
    expect(within(table).getAllByRole('columnheader')[0]).toHaveTextContent(
      'Component',
    );
    expect(
      within(table).getAllByRole('link', { name: 'checkout' }),
    ).toHaveLength(2);
  });

  it('rolls up a system by its own scope', async () => {
    const api = fakeDoraApi(
      metricsResponse({
        scope: {
          kind: 'system',
          ref: 'system:default/webshop',
          entityRefs: ['component:default/checkout'],
        },
      }),
    );
    await renderDora(<EntityDoraRollupContent />, webshopEntity, api);

    expect(
      await screen.findByText('Roll-up of 1 component of this system'),
    ).toBeVisible();
    expect(api.getDoraMetrics).toHaveBeenCalledWith(
      { system: 'system:default/webshop' },
      undefined,
    );
  });

  it('says when a group owns no components', async () => {
    const api = fakeDoraApi({
      ...emptyMetrics,
      scope: { ...checkoutTeamScope, entityRefs: [] },
    });
    await renderDora(<EntityDoraRollupContent />, checkoutTeamEntity, api);

    expect(
      await screen.findByText(
        'This group owns no components, so there is nothing to count.',
      ),
    ).toBeVisible();
    expect(
      screen.getByText('Roll-up of 0 components owned by this group'),
    ).toBeVisible();
  });

  it('offers no roll-up on other kinds of entity, and asks for nothing', async () => {
    const api = fakeDoraApi();
    await renderDora(<EntityDoraRollupContent />, checkoutEntity, api);

    expect(
      await screen.findByText('Warning: No DORA roll-up for this entity'),
    ).toBeVisible();
    expect(
      screen.getByText(
        'Roll-ups exist for groups and systems; this is a Component.',
      ),
    ).toBeVisible();
    expect(api.getDoraMetrics).not.toHaveBeenCalled();
  });
});
