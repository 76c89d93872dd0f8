import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readinessExemptionCreatePermission } from '@can-i-deploy/plugin-quality-gates-common';
import { DateTime } from 'luxon';
import {
  checkPanel,
  fakeEntityReadinessApi,
  renderEntityReadiness,
} from '../__testUtils__/renderEntityReadiness';

// Typing every key re-renders the dialog; pasting keeps the test quick.
const user = userEvent.setup({ delay: null });

async function enter(field: HTMLElement, text: string) {
  await user.click(field);
  await user.paste(text);
}

// Only granting is allowed in this file (the permission hook caches per file).
describe('EntityReadinessContent granting exemptions', () => {
  it('grants an exemption with a reason and an end date, then reloads', async () => {
    const api = fakeEntityReadinessApi();
    await renderEntityReadiness(api, [readinessExemptionCreatePermission.name]);
    const alerts = checkPanel('alerts');

    // Allowed to grant, not to revoke.
    expect(
      screen.queryByRole('button', { name: 'Revoke exemption' }),
    ).not.toBeInTheDocument();
    // Nothing to exempt on a passed or not applicable check.
    expect(
      within(checkPanel('owner')).queryByRole('button', {
        name: 'Grant exemption',
      }),
    ).not.toBeInTheDocument();

    await user.click(
      await within(alerts).findByRole('button', { name: 'Grant exemption' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent(
      'Grant exemption: Alerts with instructions',
    );

    await enter(within(dialog).getByLabelText(/Reason/), 'too short');
    await user.click(
      within(dialog).getByRole('button', { name: 'Grant exemption' }),
    );
    expect(
      within(dialog).getByText('Say why, in at least 10 characters.'),
    ).toBeInTheDocument();
    expect(api.createReadinessExemption).not.toHaveBeenCalled();

    await enter(
      within(dialog).getByLabelText(/Reason/),
      ': alerts move to the new stack',
    );
    const until = within(dialog).getByLabelText(/Exempt until/);
    await user.clear(until);
    await user.type(until, '2099-03-31');
    await user.click(
      within(dialog).getByRole('button', { name: 'Grant exemption' }),
    );

    await waitFor(() =>
      expect(api.createReadinessExemption).toHaveBeenCalledWith({
        entityRef: 'component:default/checkout',
        checkId: 'alerts',
        reason: 'too short: alerts move to the new stack',
        expiresAt: DateTime.fromISO('2099-03-31').endOf('day').toUTC().toISO(),
      }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    await waitFor(() =>
      expect(api.getEntityReadiness).toHaveBeenCalledTimes(2),
    );
    // A dialog, a form and a reload: slower than the rest on a busy machine.
  }, 15_000);

  it('shows the backend refusal inside the dialog', async () => {
    const api = fakeEntityReadinessApi();
    api.createReadinessExemption.mockRejectedValue(
      new Error('An exemption for alerts is already in force'),
    );
    await renderEntityReadiness(api, [readinessExemptionCreatePermission.name]);

    await user.click(
      await within(checkPanel('alerts')).findByRole('button', {
        name: 'Grant exemption',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    await enter(
      within(dialog).getByLabelText(/Reason/),
      'Alerts move to the new stack',
    );
    await user.click(
      within(dialog).getByRole('button', { name: 'Grant exemption' }),
    );
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'An exemption for alerts is already in force',
    );
  });
});
