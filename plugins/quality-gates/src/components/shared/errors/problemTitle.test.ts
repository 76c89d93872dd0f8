import { ResponseError } from '@backstage/errors';
import { problemTitle } from './problemTitle';

async function responseError(
  status: number,
  statusText: string,
  body?: object,
) {
  return ResponseError.fromResponse(
    new Response(body ? JSON.stringify(body) : '', {
      status,
      statusText,
      headers: body ? { 'content-type': 'application/json' } : {},
    }),
  );
}

describe('problemTitle', () => {
  it('says what was not found in words', async () => {
    const error = await responseError(404, 'Not Found', {
      error: { name: 'NotFoundError', message: 'No such decision' },
      response: { statusCode: 404 },
    });
    expect(error.message).toMatch(/^Request failed with/);
    expect(
      problemTitle(error, { notFound: 'This gate decision no longer exists' }),
    ).toBe('This gate decision no longer exists');
  });

  it("carries the server's own message for other failures", async () => {
    const error = await responseError(400, 'Bad Request', {
      error: { name: 'InputError', message: 'from must be before to' },
      response: { statusCode: 400 },
    });
    expect(
      problemTitle(error, {
        notFound: 'unused',
        failed: 'The decisions could not be loaded',
      }),
    ).toBe('The decisions could not be loaded: from must be before to');
  });

  it('falls back to the status line without a message from the server', async () => {
    const error = await responseError(502, 'Bad Gateway');
    expect(problemTitle(error)).toBe('Request failed with 502 Bad Gateway');
  });

  it('says a refusal without a message as such', async () => {
    expect(problemTitle(await responseError(403, 'Forbidden'))).toBe(
      'You are not allowed to see this',
    );
  });

  it('takes any other error by its message', () => {
    expect(problemTitle(new TypeError('Failed to fetch'))).toBe(
      'Failed to fetch',
    );
  });
});
