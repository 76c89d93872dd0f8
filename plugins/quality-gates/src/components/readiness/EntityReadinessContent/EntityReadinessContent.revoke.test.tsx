import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readinessExemptionRevokePermission } from '@can-i-deploy/plugin-quality-gates-common';
import {
  checkPanel,
  fakeEntityReadinessApi,
  renderEntityReadiness,
} from '../__testUtils__/renderEntityReadiness';

// Only revoking is allowed in this file (the permission hook caches per file).
describe('EntityReadinessContent revoking exemptions', () => {
  it('revokes an exemption when allowed to', async () => {
    const api = fakeEntityReadinessApi();
    await renderEntityReadiness(api, [readinessExemptionRevokePermission.name]);

    await userEvent.click(
      await within(checkPanel('on-call')).findByRole('button', {
        name: 'Revoke exemption',
      }),
    );
    expect(api.revokeReadinessExemption).toHaveBeenCalledWith('ex-1');
    await waitFor(() =>
      expect(api.getEntityReadiness).toHaveBeenCalledTimes(2),
    );
    expect(
      screen.queryByRole('button', { name: 'Grant exemption' }),
    ).not.toBeInTheDocument();
  });
});
