import { screen, waitFor } from '@testing-library/react';
import {
  readinessEvaluatePermission,
  readinessExemptionCreatePermission,
  readinessExemptionRevokePermission,
} from '@can-i-deploy/plugin-quality-gates-common';
import {
  fakeEntityReadinessApi,
  renderEntityReadiness,
} from '../__testUtils__/renderEntityReadiness';

// One test per file: the permission hook caches decisions per file, and this
// one checks that both were asked.
describe('EntityReadinessContent without write permissions', () => {
  it('hides evaluating, granting and revoking from people the policy does not allow', async () => {
    const { asked } = await renderEntityReadiness(fakeEntityReadinessApi(), []);

    await waitFor(() =>
      expect(new Set(asked)).toEqual(
        new Set([
          readinessEvaluatePermission.name,
          readinessExemptionCreatePermission.name,
          readinessExemptionRevokePermission.name,
        ]),
      ),
    );
    expect(
      screen.queryByRole('button', { name: 'Evaluate now' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Grant exemption' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Revoke exemption' }),
    ).not.toBeInTheDocument();
  });
});
