import { screen, waitFor } from '@testing-library/react';
import { gateBaselinePinPermission } from '@can-i-deploy/plugin-quality-gates-common';
import { evaluation } from '../__testUtils__/gateFixtures';
import { fakeGateApi, renderGates } from '../__testUtils__/renderGates';
import { GateEvaluationDetail } from '../evidence/GateEvaluationDetail';

// Pinning is denied in this file (the permission hook caches per file).
describe('pinning a baseline without the permission', () => {
  it('shows who pinned the evaluation, but no action to pin or unpin', async () => {
    const api = fakeGateApi();
    const permissions = await renderGates(
      <GateEvaluationDetail
        evaluation={evaluation({
          id: 'ev-pinned',
          pin: {
            pinnedBy: 'user:default/jane',
            pinnedAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
          },
        })}
      />,
      api,
      { allowedPermissions: [] },
    );

    await waitFor(() =>
      expect(permissions.asked).toContain(gateBaselinePinPermission.name),
    );
    expect(
      document.querySelector('[data-role="pinned-baseline"]'),
    ).toHaveTextContent('Pinned baseline · by jane, 3 days ago');
    expect(screen.queryByRole('button', { name: 'Unpin' })).toBeNull();
    expect(
      screen.queryByRole('button', { name: 'Pin as baseline' }),
    ).toBeNull();
    expect(api.pinGateEvaluation).not.toHaveBeenCalled();
    expect(api.unpinGateEvaluation).not.toHaveBeenCalled();
  });
});
