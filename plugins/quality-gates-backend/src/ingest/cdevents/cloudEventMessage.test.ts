import {
  cloudEventsFromRequest,
  MAX_EVENTS_PER_BATCH,
} from './cloudEventMessage';
import {
  batch,
  binary,
  cdEvent,
  cloudEventOf,
  structured,
} from './__fixtures__/cdEvents';

const read = (message: { headers: Record<string, string>; body: string }) =>
  cloudEventsFromRequest(message.headers, Buffer.from(message.body));

describe('cloudEventsFromRequest', () => {
  const deployed = cdEvent('deployed');

  it('reads structured mode, with or without content-type parameters', () => {
    const message = structured(deployed);
    for (const contentType of [
      'application/cloudevents+json',
      'application/cloudevents+json; charset=utf-8',
      'Application/CloudEvents+JSON;charset=UTF-8',
    ]) {
      const [event] = read({
        ...message,
        headers: { 'content-type': contentType },
      });
      expect(event.id).toBe(deployed.context.id);
      expect(event.type).toBe(deployed.context.type);
      expect(event.data).toEqual(deployed);
    }
  });

  it('reads binary mode: attributes in ce- headers, the CDEvent as the body', () => {
    const message = binary(deployed);
    expect(message.headers).toMatchObject({
      'ce-id': deployed.context.id,
      'ce-type': deployed.context.type,
    });
    for (const contentType of [
      'application/json',
      'application/json;charset=utf-8',
      undefined,
    ]) {
      const [event] = read({
        headers: { ...message.headers, 'content-type': contentType! },
        body: message.body,
      });
      expect(event.source).toBe('/argocd/prod-cluster');
      expect(event.data).toEqual(deployed);
    }
  });

  it('reads batch mode in order', () => {
    const upgraded = cdEvent('upgraded');
    const events = read(batch(deployed, upgraded));
    expect(events.map(event => event.id)).toEqual([
      deployed.context.id,
      upgraded.context.id,
    ]);
  });

  it.each([
    [
      'a request without CloudEvent headers or content type',
      { 'content-type': 'application/json' },
      JSON.stringify(deployed),
      'Not a CloudEvent: send Content-Type application/cloudevents+json (structured mode)',
    ],
    [
      'binary mode without ce-type',
      {
        'content-type': 'application/json',
        'ce-specversion': '1.0',
        'ce-id': '1',
        'ce-source': '/x',
      },
      JSON.stringify(deployed),
      "The CloudEvent is invalid: must have required property 'type'",
    ],
    [
      'binary mode with a non-JSON body type',
      { 'content-type': 'text/plain', 'ce-id': '1' },
      'hello',
      "Unsupported Content-Type 'text/plain' in binary mode",
    ],
    [
      'structured mode without source',
      { 'content-type': 'application/cloudevents+json' },
      JSON.stringify({ specversion: '1.0', id: '1', type: 't', data: {} }),
      "The CloudEvent is invalid: must have required property 'source'",
    ],
    [
      'structured mode without id (the SDK would invent one)',
      { 'content-type': 'application/cloudevents+json' },
      JSON.stringify({ specversion: '1.0', source: '/x', type: 't' }),
      'The CloudEvent has no id attribute',
    ],
    [
      'another CloudEvents version',
      { 'content-type': 'application/cloudevents+json' },
      JSON.stringify({ specversion: '0.3', id: '1', source: '/x', type: 't' }),
      "The CloudEvent has specversion '0.3'; CDEvents are carried by CloudEvents 1.0",
    ],
    [
      'a body that is not JSON',
      { 'content-type': 'application/cloudevents+json' },
      '{"specversion": "1.0",',
      'The body is not valid JSON: ',
    ],
    [
      'a structured event that is not an object',
      { 'content-type': 'application/cloudevents+json' },
      '[1, 2]',
      'The CloudEvent must be a JSON object',
    ],
    [
      'a batch that is not an array',
      { 'content-type': 'application/cloudevents-batch+json' },
      '{}',
      'A CloudEvents batch must be a JSON array of structured events',
    ],
    [
      'an empty batch',
      { 'content-type': 'application/cloudevents-batch+json' },
      '[]',
      `A CloudEvents batch must hold 1 to ${MAX_EVENTS_PER_BATCH} events, not 0`,
    ],
    [
      'an unknown cloudevents format',
      { 'content-type': 'application/cloudevents+avro' },
      '{}',
      "Unsupported Content-Type 'application/cloudevents+avro'",
    ],
  ])('rejects %s', (_case, headers, body, message) => {
    expect(() => cloudEventsFromRequest(headers, Buffer.from(body))).toThrow(
      message,
    );
  });

  it('names the bad event of a batch', () => {
    const bad = { ...cloudEventOf(deployed).toJSON(), source: undefined };
    const message = {
      headers: { 'content-type': 'application/cloudevents-batch+json' },
      body: JSON.stringify([cloudEventOf(deployed), bad]),
    };
    expect(() => read(message)).toThrow(
      "Event 1 of the batch is invalid: must have required property 'source'",
    );
  });

  it('rejects an empty body', () => {
    expect(() =>
      cloudEventsFromRequest(
        { 'content-type': 'application/cloudevents+json' },
        undefined,
      ),
    ).toThrow('The request has no body');
  });
});
