import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { gateOverridePermission } from '@can-i-deploy/plugin-quality-gates-common';
import { DateTime } from 'luxon';
import {
  fakeGateApi,
  gateCard,
  renderGates,
} from '../__testUtils__/renderGates';
import { EntityGateStatusContent } from './EntityGateStatusContent';

// Typing every key re-renders the dialog; pasting keeps the test quick.
const user = userEvent.setup({ delay: null });

// Menus, dialogs and typing are slow on a busy machine.
jest.setTimeout(20_000);

async function enter(field: HTMLElement, text: string) {
  await user.click(field);
  await user.paste(text);
}

/** A datetime-local input takes its whole value at once. */
function setExpiry(dialog: HTMLElement, value: string) {
  fireEvent.change(within(dialog).getByLabelText(/Override until/), {
    target: { value },
  });
}

async function openOverride() {
  const release = gateCard('release-checks', 'production');
  await user.click(
    within(release).getByRole('button', { name: 'Override verdict' }),
  );
  return screen.findByRole('dialog');
}

// Overriding is allowed in this file (the permission hook caches per file).
describe('EntityGateStatusContent overriding a verdict', () => {
  it('validates the reason and the end, posts the override, then reloads', async () => {
    const api = fakeGateApi();
    await renderGates(<EntityGateStatusContent />, api, {
      allowedPermissions: [gateOverridePermission.name],
    });
    await screen.findByRole('region', { name: 'Gates in production' });
    // Every gate the user sees can be overridden.
    expect(
      screen.getAllByRole('button', { name: 'Override verdict' }),
    ).toHaveLength(3);

    const dialog = await openOverride();
    expect(dialog).toHaveTextContent('Override: Release checks in production');
    expect(dialog).toHaveTextContent('Version 1.4.0 was recorded as fail.');
    // A failed verdict is usually overridden to let the deploy through.
    expect(within(dialog).getByLabelText('Pass')).toBeChecked();

    await enter(within(dialog).getByLabelText(/Reason/), 'load test');
    setExpiry(dialog, '2001-01-01T09:00');
    await user.click(
      within(dialog).getByRole('button', { name: 'Override verdict' }),
    );
    expect(
      within(dialog).getByText('Say why, in at least 10 characters.'),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText('The override must end in the future.'),
    ).toBeInTheDocument();
    expect(api.overrideGateEvaluation).not.toHaveBeenCalled();

    await enter(
      within(dialog).getByLabelText(/Reason/),
      ': the error spike is the load test, not the release',
    );
    setExpiry(dialog, '2099-03-31T18:30');
    await user.click(
      within(dialog).getByRole('button', { name: 'Override verdict' }),
    );

    await waitFor(() =>
      expect(api.overrideGateEvaluation).toHaveBeenCalledWith(
        'ev-prod-release',
        {
          verdict: 'pass',
          reason:
            'load test: the error spike is the load test, not the release',
          expiresAt: DateTime.fromISO('2099-03-31T18:30').toUTC().toISO(),
        },
      ),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    await waitFor(() => expect(api.getGateStatus).toHaveBeenCalledTimes(2));
  });

  it('overrides to fail when asked, and shows the backend refusal in the dialog', async () => {
    const api = fakeGateApi();
    api.overrideGateEvaluation.mockRejectedValue(
      new Error('expiresAt must be at most 14 days ahead'),
    );
    await renderGates(<EntityGateStatusContent />, api, {
      allowedPermissions: [gateOverridePermission.name],
    });
    await screen.findByRole('region', { name: 'Gates in production' });

    const dialog = await openOverride();
    await user.click(within(dialog).getByLabelText('Fail'));
    await enter(
      within(dialog).getByLabelText(/Reason/),
      'Hold the release until the incident review',
    );
    await user.click(
      within(dialog).getByRole('button', { name: 'Override verdict' }),
    );

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'expiresAt must be at most 14 days ahead',
    );
    expect(api.overrideGateEvaluation).toHaveBeenCalledWith(
      'ev-prod-release',
      expect.objectContaining({
        verdict: 'fail',
        reason: 'Hold the release until the incident review',
      }),
    );
    // The default end is a day ahead.
    const { expiresAt } = api.overrideGateEvaluation.mock.calls[0][1];
    const hoursAhead = DateTime.fromISO(expiresAt).diffNow('hours').hours;
    expect(hoursAhead).toBeGreaterThan(23);
    expect(hoursAhead).toBeLessThanOrEqual(24);
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    expect(api.getGateStatus).toHaveBeenCalledTimes(1);
  });
});
