import { screen, within } from '@testing-library/react';
import { ResponseError } from '@backstage/errors';
import { DateTime } from 'luxon';
import { overriddenEvaluation } from '../__testUtils__/gateFixtures';
import { fakeGateApi, renderGates } from '../__testUtils__/renderGates';
import { EntityGateStatusContent } from './EntityGateStatusContent';

// Rendering the tab is slow on a busy machine.
jest.setTimeout(20_000);

describe('EntityGateStatusContent without a plain verdict to show', () => {
  it('explains how CI asks when no gate ever evaluated the entity', async () => {
    const api = fakeGateApi();
    api.getGateStatus.mockResolvedValue({
      entityRef: 'component:default/checkout',
      latest: [],
      recent: [],
    });
    await renderGates(<EntityGateStatusContent />, api);

    expect(
      await screen.findByText('No gate has evaluated this component yet'),
    ).toBeInTheDocument();
    const command = document.querySelector('[data-role="ci-command"]')!;
    const text = command.textContent ?? '';
    expect(text).toContain(
      'curl -fsS -X POST "$BACKSTAGE_URL/api/quality-gates/gates/evaluate"',
    );
    expect(text).toContain('-H "Authorization: Bearer $TOKEN"');
    expect(text).toContain(
      `-d '{"entityRef":"component:default/checkout","environment":"production","version":"'"$GIT_SHA"'"}'`,
    );
    expect(text).toContain(`jq -e '.verdict == "pass"'`);
  });

  it('shows an active override beside the recorded verdict, with who, why and until when', async () => {
    const api = fakeGateApi();
    api.getGateStatus.mockResolvedValue({
      entityRef: 'component:default/checkout',
      latest: [overriddenEvaluation],
      recent: [],
    });
    await renderGates(<EntityGateStatusContent />, api);
    await screen.findByRole('region', { name: 'Gates in production' });

    const until = DateTime.fromISO('2099-11-21T11:00:00.000Z').toLocaleString(
      DateTime.DATETIME_MED,
    );
    expect(
      screen.getByText(
        `Fail — overridden to pass by user:default/jane until ${until}`,
      ),
    ).toBeInTheDocument();
    expect(
      document.querySelector('[data-role="effective"] [data-verdict]'),
    ).toHaveAttribute('data-verdict', 'pass');
    const note = screen.getByRole('note', { name: 'Override' });
    expect(note).toHaveTextContent('Overridden to pass by user:default/jane');
    expect(note).toHaveTextContent(`until ${until}`);
    expect(note).toHaveTextContent(
      '“The error spike is the load test, not the release”',
    );
    // No strip without recent verdicts.
    expect(
      screen.queryByRole('list', { name: /^Recent verdicts/ }),
    ).not.toBeInTheDocument();
  });

  it('shows the backend error', async () => {
    const error = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: {
            name: 'NotFoundError',
            message: 'Entity component:default/checkout was not found',
          },
          request: { method: 'GET', url: '/gates/status' },
          response: { statusCode: 404 },
        }),
        { status: 404, headers: { 'content-type': 'application/json' } },
      ),
    );
    const api = fakeGateApi();
    api.getGateStatus.mockRejectedValue(error);
    await renderGates(<EntityGateStatusContent />, api);

    expect(
      await screen.findByText('Error: The gate status could not be loaded'),
    ).toBeInTheDocument();
    expect(
      within(document.body).getAllByText(/was not found/).length,
    ).toBeGreaterThan(0);
  });
});
