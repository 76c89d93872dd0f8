import { copyBuffer, copyJson, copyText } from './spanCopy';

describe('copyText', () => {
  it("writes values in COPY's text format", () => {
    expect(copyText(null)).toBe('\\N');
    expect(copyText(undefined)).toBe('\\N');
    expect(copyText(1763899200000003)).toBe('1763899200000003');
    expect(copyText(new Date('2026-12-07T10:00:00Z'))).toBe(
      '2026-12-07T10:00:00.000Z',
    );
    expect(copyText('plain')).toBe('plain');
    // The literal text \N must not read as null.
    expect(copyText('a\tb\nc\rd\\N')).toBe('a\\tb\\nc\\rd\\\\N');
    expect(copyText('{"cmd":"echo \\"hi\\""}')).toBe(
      '{"cmd":"echo \\\\"hi\\\\""}',
    );
  });

  it('escapes only the backslashes of JSON text', () => {
    const json = JSON.stringify({ cmd: 'a\tb\nc \\N "q"' });
    expect(copyJson(json)).toBe(copyText(json));
    expect(copyJson('{"a":1}')).toBe('{"a":1}');
  });
});

describe('copyBuffer', () => {
  it('joins chunks into one buffer of their UTF-8 bytes', () => {
    const chunks = ['a\tβ\n', '', 'ünïcode ✓\t\\N\n', '🚀\n'];
    const buffer = copyBuffer(chunks);
    expect(buffer.toString('utf8')).toBe(chunks.join(''));
    expect(buffer.length).toBe(Buffer.byteLength(chunks.join('')));
    expect(copyBuffer([]).length).toBe(0);
  });
});
