import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  gateEvaluatePermission,
  gateOverridePermission,
  gateOverrideRevokePermission,
} from '@can-i-deploy/plugin-quality-gates-common';
import {
  activeOverride,
  productionNo,
  productionOverridden,
} from '../__testUtils__/decisionFixtures';
import { fakeGateApi, renderGates } from '../__testUtils__/renderGates';
import { EntityGateStatusContent } from './EntityGateStatusContent';

const user = userEvent.setup({ delay: null });

// Dialogs and typing are slow on a busy machine.
jest.setTimeout(30_000);

function card(environment: string): HTMLElement {
  const found = document.querySelector<HTMLElement>(
    `[data-environment-card="${environment}"]`,
  );
  if (!found) throw new Error(`No card for ${environment}`);
  return found;
}

const answer = (environment: string) =>
  card(environment).querySelector('[data-answer]')?.getAttribute('data-answer');

async function renderAllowed(
  api: ReturnType<typeof fakeGateApi>,
  url = '/?version=1.4.0',
) {
  const permissions = await renderGates(<EntityGateStatusContent />, api, {
    url,
    allowedPermissions: [
      gateEvaluatePermission.name,
      gateOverridePermission.name,
      gateOverrideRevokePermission.name,
    ],
  });
  await screen.findByRole('region', { name: 'Can I deploy?' });
  return permissions;
}

// Evaluating, overriding and revoking are allowed in this file.
describe('EntityGateStatusContent with the permissions', () => {
  it('evaluates now in one environment and shows the new answer', async () => {
    const api = fakeGateApi();
    // A release candidate nobody built, deployed or asked about yet.
    const asked = { ...productionNo, version: '1.6.0-rc.1' };
    api.evaluateGates.mockImplementation(async () => {
      api.latestDecisions.mockResolvedValue({ items: [asked] });
      return asked;
    });
    const permissions = await renderAllowed(api, '/?version=1.6.0-rc.1');

    await waitFor(() => expect(answer('production')).toBe('none'));
    expect(
      document.querySelector('[data-role="unknown-version"]'),
    ).toHaveTextContent('No build, deployment or decision of 1.6.0-rc.1');
    expect(permissions.asked).toContain(gateEvaluatePermission.name);
    await user.click(
      await screen.findByRole('button', { name: 'Evaluate now in production' }),
    );

    expect(api.evaluateGates).toHaveBeenCalledWith({
      entityRef: 'component:default/checkout',
      environment: 'production',
      version: '1.6.0-rc.1',
      trigger: 'manual',
    });
    await waitFor(() => expect(answer('production')).toBe('no'));
    expect(card('production')).toHaveTextContent(productionNo.sentence);
    // Asked about once, the version is known.
    expect(document.querySelector('[data-role="unknown-version"]')).toBeNull();
    // Staging was not asked.
    expect(answer('staging')).toBe('none');
  });

  it('says why an evaluation failed, in its environment', async () => {
    const api = fakeGateApi();
    api.evaluateGates.mockRejectedValue(new Error('Prometheus is down'));
    await renderAllowed(api);

    await user.click(
      await screen.findByRole('button', { name: 'Evaluate now in staging' }),
    );
    expect(await within(card('staging')).findByRole('alert')).toHaveTextContent(
      'Could not evaluate: Prometheus is down',
    );
  });

  it('overrides the gate that blocks, with a reason and an expiry', async () => {
    const api = fakeGateApi();
    api.latestDecisions.mockResolvedValue({ items: [productionNo] });
    api.overrideDecision.mockResolvedValue(activeOverride);
    await renderAllowed(api);

    await waitFor(() => expect(answer('production')).toBe('no'));
    await user.click(
      within(card('production')).getByRole('button', { name: 'Override…' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Override 1.4.0 in production',
    });
    // The one gate that blocks is chosen; the whole decision can be.
    expect(within(dialog).getByLabelText('Override')).toHaveValue(
      'release-checks',
    );

    // Too short a reason is refused before the backend has to.
    await user.type(within(dialog).getByLabelText(/Reason/), 'load');
    await user.click(within(dialog).getByRole('button', { name: 'Override' }));
    expect(dialog).toHaveTextContent('Say why, in at least 10 characters.');
    expect(api.overrideDecision).not.toHaveBeenCalled();

    await user.type(within(dialog).getByLabelText(/Reason/), ' test spike');
    await user.click(within(dialog).getByRole('button', { name: 'Override' }));
    await waitFor(() => expect(api.overrideDecision).toHaveBeenCalled());
    const [decisionId, request] = api.overrideDecision.mock.calls[0];
    expect(decisionId).toBe('dec-prod-no');
    expect(request).toEqual({
      gateId: 'release-checks',
      verdict: 'pass',
      reason: 'load test spike',
      expiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    // The overrides are read again after the change.
    expect(api.listOverrides.mock.calls.length).toBeGreaterThan(1);
  });

  it('overrides the whole decision when chosen', async () => {
    const api = fakeGateApi();
    api.latestDecisions.mockResolvedValue({ items: [productionNo] });
    api.overrideDecision.mockResolvedValue(activeOverride);
    await renderAllowed(api);

    await waitFor(() => expect(answer('production')).toBe('no'));
    await user.click(
      within(card('production')).getByRole('button', { name: 'Override…' }),
    );
    const dialog = await screen.findByRole('dialog');
    await user.selectOptions(
      within(dialog).getByLabelText('Override'),
      'Every gate of the decision',
    );
    await user.type(
      within(dialog).getByLabelText(/Reason/),
      'Hotfix for the outage',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Override' }));
    await waitFor(() => expect(api.overrideDecision).toHaveBeenCalled());
    expect(api.overrideDecision.mock.calls[0][1]).not.toHaveProperty('gateId');
  });

  it('lists the active overrides and revokes one with a reason', async () => {
    const api = fakeGateApi();
    api.latestDecisions.mockResolvedValue({ items: [productionOverridden] });
    api.listOverrides.mockResolvedValue({ items: [activeOverride] });
    api.revokeOverride.mockResolvedValue({ ...activeOverride, active: false });
    await renderAllowed(api);

    expect(api.listOverrides).toHaveBeenCalledWith({
      entityRef: 'component:default/checkout',
      version: '1.4.0',
      active: true,
    });
    const overrides = await within(card('production')).findByRole('region', {
      name: 'Active overrides',
    });
    expect(overrides).toHaveTextContent(
      /Release checks acts as pass — by jane because “The error spike is the load test”, until/,
    );
    expect(
      within(card('staging')).queryByRole('region', {
        name: 'Active overrides',
      }),
    ).not.toBeInTheDocument();

    await user.click(
      within(overrides).getByRole('button', {
        name: 'Revoke the override of Release checks',
      }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Revoke the override',
    });
    await user.type(
      within(dialog).getByLabelText(/Reason/),
      'The load test is over',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Revoke' }));
    await waitFor(() =>
      expect(api.revokeOverride).toHaveBeenCalledWith(
        'ov-prod',
        'The load test is over',
      ),
    );
  });
});
