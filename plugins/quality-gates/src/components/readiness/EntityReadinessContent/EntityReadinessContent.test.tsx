import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  EntityReadinessResponse,
  readinessEvaluatePermission,
} from '@can-i-deploy/plugin-quality-gates-common';
import { DateTime } from 'luxon';
import { checkoutReadiness } from '../__testUtils__/readinessFixtures';
import {
  checkPanel,
  fakeEntityReadinessApi,
  renderEntityReadiness,
} from '../__testUtils__/renderEntityReadiness';

// Only evaluating now is allowed here; other files allow one exemption
// permission each (the permission hook caches decisions per file).
const ALLOWED = [readinessEvaluatePermission.name];
describe('EntityReadinessContent', () => {
  it('shows the level on the ladder, the score and when it was evaluated', async () => {
    const api = fakeEntityReadinessApi();
    await renderEntityReadiness(api, ALLOWED);

    expect(api.getEntityReadiness).toHaveBeenCalledWith(
      'component:default/checkout',
    );
    const ladder = screen.getByRole('list', { name: 'Readiness levels' });
    const rungs = within(ladder).getAllByRole('listitem');
    expect(rungs.map(rung => rung.textContent)).toEqual([
      'Bronze reached',
      'Silver next',
      'Gold not yet',
    ]);
    expect(screen.getByText('Score 50%')).toBeInTheDocument();
    const evaluated = DateTime.fromISO('2026-11-20T10:00:00.000Z');
    expect(
      screen.getByText(evaluated.toRelative()!, { exact: false }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(`(${evaluated.toLocaleString(DateTime.DATETIME_MED)})`, {
        exact: false,
      }),
    ).toBeInTheDocument();
  });

  it('shows every check in its state, in words, with what needs work first', async () => {
    await renderEntityReadiness(fakeEntityReadinessApi(), ALLOWED);

    const states = Array.from(document.querySelectorAll('[data-check]')).map(
      panel => [
        panel.getAttribute('data-check'),
        within(panel as HTMLElement).getAllByText(
          /^(Passed|Warning|Failed|Error|Not reported|Exempt|Not applicable)$/,
        )[0].textContent,
      ],
    );
    expect(states).toEqual([
      ['alerts', 'Failed'],
      ['docs', 'Error'],
      ['source', 'Not reported'],
      ['dashboards', 'Warning'],
      ['on-call', 'Exempt'],
      ['owner', 'Passed'],
      ['sbom', 'Not applicable'],
    ]);
  });

  it('says what is missing, how to fix it, links the evidence and lists each alert', async () => {
    await renderEntityReadiness(fakeEntityReadinessApi(), ALLOWED);
    const alerts = checkPanel('alerts');

    const missing = within(alerts).getByRole('list', {
      name: 'What is missing',
    });
    expect(missing).toHaveTextContent(
      'runbook_url on alert CheckoutHighErrorRate',
    );
    // How to fix is markdown: bold text and a working link.
    expect(within(alerts).getByText('runbook_url').tagName).toBe('STRONG');
    expect(
      within(alerts).getByRole('link', { name: /^the guide/ }),
    ).toHaveAttribute('href', 'https://example.com/runbooks');
    expect(
      within(alerts).getByRole('link', {
        name: /^alerts\/checkout.rules.yaml/,
      }),
    ).toHaveAttribute(
      'href',
      'https://github.com/example-corp/checkout/blob/main/alerts/checkout.rules.yaml',
    );

    // Items with problems are open; the toggle hides them.
    const items = within(alerts).getByRole('list', {
      name: 'Checked alert rules',
    });
    expect(items).toHaveTextContent('CheckoutHighErrorRate');
    expect(items).toHaveTextContent('runbook_url annotation is not a URL');
    expect(items).toHaveTextContent('for duration');
    expect(items).toHaveTextContent('CheckoutLatencyHigh');
    await userEvent.click(
      within(alerts).getByRole('button', {
        name: /Hide 2 alert rules, 1 with problems/,
      }),
    );
    await waitFor(() =>
      expect(
        within(alerts).queryByRole('list', { name: 'Checked alert rules' }),
      ).not.toBeInTheDocument(),
    );

    // A passed check does not tell people how to fix it.
    expect(
      within(checkPanel('owner')).queryByText('How to fix'),
    ).not.toBeInTheDocument();
  });

  it('shows who exempted a check, why and until when, and the audit trail', async () => {
    await renderEntityReadiness(fakeEntityReadinessApi(), ALLOWED);
    const notice = within(checkPanel('on-call')).getByRole('note', {
      name: 'Exemption',
    });
    expect(notice).toHaveTextContent('user:default/platform-lead');
    expect(notice).toHaveTextContent(
      'Reason: On-call moves to the new paging tool in December',
    );
    expect(notice).toHaveTextContent(
      `Exempt until ${DateTime.fromISO(
        '2026-12-31T22:59:59.999Z',
      ).toLocaleString(DateTime.DATE_MED)}`,
    );

    const audit = screen.getByRole('table', { name: 'Exemptions' });
    const rows = within(audit).getAllByRole('row').slice(1);
    expect(rows.map(row => row.children[1].textContent)).toEqual([
      'In force',
      'Revoked',
    ]);
    expect(rows[1]).toHaveTextContent('user:default/sre-lead');
  });

  it('evaluates on demand and shows the new result', async () => {
    const api = fakeEntityReadinessApi();
    const afterEvaluation: EntityReadinessResponse = {
      ...checkoutReadiness,
      summary: {
        ...checkoutReadiness.summary!,
        level: 'silver',
        nextLevel: 'gold',
        score: 83,
      },
    };
    api.getEntityReadiness
      .mockResolvedValueOnce(checkoutReadiness)
      .mockResolvedValue(afterEvaluation);
    await renderEntityReadiness(api, ALLOWED);
    expect(screen.getByText('Score 50%')).toBeInTheDocument();

    await userEvent.click(
      await screen.findByRole('button', { name: 'Evaluate now' }),
    );

    expect(api.evaluateEntityReadiness).toHaveBeenCalledWith(
      'component:default/checkout',
    );
    expect(await screen.findByText('Score 83%')).toBeInTheDocument();
    expect(api.getEntityReadinessHistory).toHaveBeenCalledTimes(2);
  });

  it('summarises the history trend', async () => {
    await renderEntityReadiness(fakeEntityReadinessApi(), ALLOWED);
    expect(
      await screen.findByText(
        /score 20% → score 50%, No level → Bronze \(2 changes\)/,
      ),
    ).toBeInTheDocument();
  });

  it('explains an entity that was never evaluated', async () => {
    const api = fakeEntityReadinessApi({
      ...checkoutReadiness,
      summary: undefined,
      exemptions: [],
      checks: checkoutReadiness.checks.map(check => ({
        ...check,
        result: {
          checkId: check.id,
          state: 'not_reported',
          message: 'Not evaluated yet.',
        },
      })),
    });
    api.getEntityReadinessHistory.mockResolvedValue({
      entityRef: 'component:default/checkout',
      items: [],
    });
    await renderEntityReadiness(api, ALLOWED);

    expect(
      await screen.findByRole('button', { name: 'Evaluate now' }),
    ).toBeEnabled();
    expect(
      screen.getByText(/Not evaluated yet. The scheduled job/),
    ).toBeInTheDocument();
    expect(
      screen.getByText('No history yet: it starts with the first evaluation.'),
    ).toBeInTheDocument();
  });
});
