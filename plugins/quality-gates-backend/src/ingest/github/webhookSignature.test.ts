import { createHmac } from 'node:crypto';
import { isValidWebhookSignature } from './webhookSignature';

function sign(secret: string, body: Buffer) {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

describe('isValidWebhookSignature', () => {
  // Example from GitHub's documentation on validating webhook deliveries.
  it("matches GitHub's documented example", () => {
    expect(
      isValidWebhookSignature(
        Buffer.from('Hello, World!'),
        'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17',
        ["It's a Secret to Everybody"],
      ),
    ).toBe(true);
  });

  const body = Buffer.from('{"zen":"Design for failure.","emoji":"🚀"}');

  it('accepts any configured secret, for rotation', () => {
    expect(
      isValidWebhookSignature(body, sign('old', body), ['new', 'old']),
    ).toBe(true);
    expect(
      isValidWebhookSignature(
        body,
        sign('new', body).toUpperCase().replace('SHA256', 'sha256'),
        ['new'],
      ),
    ).toBe(true);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['made with another secret', sign('other', body)],
    ['over other bytes', sign('new', Buffer.from(`${body} `))],
    ['SHA-1 (X-Hub-Signature style)', `sha1=${'a'.repeat(40)}`],
    ['truncated', sign('new', body).slice(0, -2)],
    ['not hex', `sha256=${'z'.repeat(64)}`],
  ])('rejects a signature that is %s', (_case, header) => {
    expect(isValidWebhookSignature(body, header, ['new'])).toBe(false);
  });

  it('checks the raw bytes, not a decoded string', () => {
    // Invalid UTF-8 decodes to U+FFFD; a string-based check would accept it.
    const raw = Buffer.from([0x7b, 0xff, 0x7d]);
    const decoded = Buffer.from(raw.toString('utf8'));
    expect(isValidWebhookSignature(raw, sign('new', decoded), ['new'])).toBe(
      false,
    );
    expect(isValidWebhookSignature(raw, sign('new', raw), ['new'])).toBe(true);
  });
});
