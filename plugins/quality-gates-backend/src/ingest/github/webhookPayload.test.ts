import { parseWebhookPayload } from './webhookPayload';

describe('parseWebhookPayload', () => {
  const json = '{"zen":"Keep it logically awesome.","hook_id":1}';

  it('reads JSON bodies', () => {
    expect(
      parseWebhookPayload(Buffer.from(json), 'application/json; charset=utf-8'),
    ).toEqual({ zen: 'Keep it logically awesome.', hook_id: 1 });
    // Content type missing: JSON, as GitHub sends for json webhooks.
    expect(parseWebhookPayload(Buffer.from(json), undefined)).toEqual({
      zen: 'Keep it logically awesome.',
      hook_id: 1,
    });
  });

  it('reads the payload field of form bodies', () => {
    const form = new URLSearchParams({ payload: json }).toString();
    expect(
      parseWebhookPayload(
        Buffer.from(form),
        'application/x-www-form-urlencoded',
      ),
    ).toEqual({ zen: 'Keep it logically awesome.', hook_id: 1 });
  });

  it.each([
    ['malformed JSON', '{"zen":', 'application/json', /not valid JSON/],
    ['a JSON array', '[1,2]', 'application/json', /must be a JSON object/],
    [
      'a form without payload',
      'other=1',
      'application/x-www-form-urlencoded',
      /no payload field/,
    ],
    [
      'another media type',
      json,
      'text/plain',
      /Unsupported Content-Type 'text\/plain'/,
    ],
  ])('rejects %s', (_case, body, contentType, message) => {
    expect(() => parseWebhookPayload(Buffer.from(body), contentType)).toThrow(
      message,
    );
  });
});
