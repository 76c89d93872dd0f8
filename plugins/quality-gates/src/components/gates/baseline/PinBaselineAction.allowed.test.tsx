import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  CriterionEvidence,
  gateBaselinePinPermission,
} from '@can-i-deploy/plugin-quality-gates-common';
import { evaluation } from '../__testUtils__/gateFixtures';
import { fakeGateApi, renderGates } from '../__testUtils__/renderGates';
import { GateEvaluationDetail } from '../evidence/GateEvaluationDetail';

const user = userEvent.setup({ delay: null });

// Dialogs are slow on a busy machine.
jest.setTimeout(30_000);

const latencyAgainstPin: CriterionEvidence = {
  key: 'latency',
  source: 'prometheus',
  state: 'no_data',
  weight: 1,
  keyCriterion: false,
  score: 0,
  observed: 0.4,
  threshold: { pass: '<=+10%' },
  // No evaluation is pinned yet: the criterion has no baseline.
  baseline: { value: null, aggregate: 'pinned', from: 0 },
  message: 'no data: no baseline is pinned',
  durationMs: 12,
};

const canaryLatency = evaluation({
  id: 'ev-canary',
  gateId: 'canary-latency',
  gateTitle: 'Canary latency',
  environment: 'canary',
  version: '2.0.0',
  criteria: [latencyAgainstPin],
});
const twoHoursAgo = () => new Date(Date.now() - 2 * 3_600_000).toISOString();

const badge = () =>
  document.querySelector<HTMLElement>('[data-role="pinned-baseline"]');

// Pinning is allowed in this file (the permission hook caches per file).
describe('pinning a baseline with the permission', () => {
  it('pins after confirming, shows the badge, and unpins', async () => {
    const api = fakeGateApi();
    const pin = { pinnedBy: 'user:default/jane', pinnedAt: twoHoursAgo() };
    api.pinGateEvaluation.mockResolvedValue({ ...canaryLatency, pin });
    api.unpinGateEvaluation.mockResolvedValue(canaryLatency);
    const permissions = await renderGates(
      <GateEvaluationDetail evaluation={canaryLatency} />,
      api,
      { allowedPermissions: [gateBaselinePinPermission.name] },
    );

    await user.click(
      await screen.findByRole('button', { name: 'Pin as baseline' }),
    );
    expect(permissions.asked).toContain(gateBaselinePinPermission.name);
    const dialog = await screen.findByRole('dialog', {
      name: 'Pin as baseline',
    });
    // It says what pinning does before anything is stored.
    expect(dialog).toHaveTextContent(
      'Later evaluations of Canary latency for component:default/checkout in canary compare with this one.',
    );
    expect(api.pinGateEvaluation).not.toHaveBeenCalled();
    expect(badge()).toBeNull();

    await user.click(within(dialog).getByRole('button', { name: 'Pin' }));
    await waitFor(() =>
      expect(badge()).toHaveTextContent(
        'Pinned baseline · by jane, 2 hours ago',
      ),
    );
    expect(api.pinGateEvaluation).toHaveBeenCalledWith('ev-canary');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    // Cancelling the unpin changes nothing.
    await user.click(screen.getByRole('button', { name: 'Unpin' }));
    const unpinDialog = await screen.findByRole('dialog', {
      name: 'Unpin the baseline',
    });
    expect(unpinDialog).toHaveTextContent(
      'Later evaluations of Canary latency for component:default/checkout in canary have no pinned baseline',
    );
    await user.click(
      within(unpinDialog).getByRole('button', { name: 'Cancel' }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(api.unpinGateEvaluation).not.toHaveBeenCalled();
    expect(badge()).not.toBeNull();

    await user.click(screen.getByRole('button', { name: 'Unpin' }));
    await user.click(
      within(
        await screen.findByRole('dialog', { name: 'Unpin the baseline' }),
      ).getByRole('button', { name: 'Unpin' }),
    );
    await waitFor(() => expect(badge()).toBeNull());
    expect(api.unpinGateEvaluation).toHaveBeenCalledWith('ev-canary');
    expect(
      screen.getByRole('button', { name: 'Pin as baseline' }),
    ).toBeInTheDocument();
  });

  it('keeps the dialog open with the reason when the backend refuses', async () => {
    const api = fakeGateApi();
    api.pinGateEvaluation.mockRejectedValue(
      new Error('You need the quality-gates.gate.baseline.pin permission'),
    );
    await renderGates(
      <GateEvaluationDetail evaluation={canaryLatency} />,
      api,
      {
        allowedPermissions: [gateBaselinePinPermission.name],
      },
    );

    await user.click(
      await screen.findByRole('button', { name: 'Pin as baseline' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Pin as baseline',
    });
    await user.click(within(dialog).getByRole('button', { name: 'Pin' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'quality-gates.gate.baseline.pin permission',
    );
    expect(badge()).toBeNull();
  });

  it('offers no pin where no criterion compares with a pinned baseline', async () => {
    // Release checks compare with the latest passing evaluations (p90 of
    // 5): a pin would change nothing. Shown beside one that can be pinned,
    // so the permission has been answered when the buttons are counted.
    await renderGates(
      <>
        <GateEvaluationDetail evaluation={evaluation()} />
        <GateEvaluationDetail evaluation={canaryLatency} />
      </>,
      fakeGateApi(),
      { allowedPermissions: [gateBaselinePinPermission.name] },
    );
    const offered = await screen.findAllByRole('button', {
      name: 'Pin as baseline',
    });
    expect(offered).toHaveLength(1);
    expect(
      offered[0].closest('[data-evaluation]')?.getAttribute('data-evaluation'),
    ).toBe('ev-canary');
  });

  it('still offers to unpin a pinned evaluation', async () => {
    const pinned = evaluation({
      pin: { pinnedBy: 'user:default/jane', pinnedAt: twoHoursAgo() },
    });
    await renderGates(
      <GateEvaluationDetail evaluation={pinned} />,
      fakeGateApi(),
      {
        allowedPermissions: [gateBaselinePinPermission.name],
      },
    );
    expect(
      await screen.findByRole('button', { name: 'Unpin' }),
    ).toBeInTheDocument();
  });
});
