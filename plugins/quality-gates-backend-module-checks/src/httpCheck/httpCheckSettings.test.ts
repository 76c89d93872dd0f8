import { ConfigReader } from '@backstage/config';
import { readHttpCheckSettings } from './httpCheckSettings';

describe('readHttpCheckSettings', () => {
  it('defaults to a 5 s timeout, any host for central checks and none for repositories', () => {
    expect(readHttpCheckSettings(new ConfigReader({}))).toEqual({
      timeoutMs: 5_000,
      repositoryAllowedHosts: [],
    });
    expect(
      readHttpCheckSettings(
        new ConfigReader({
          qualityGates: {
            checks: {
              http: {
                timeoutSeconds: 2,
                allowedHosts: ['status.example.com', '*.example.net'],
                repositoryAllowedHosts: ['status.example.com'],
              },
            },
          },
        }),
      ),
    ).toEqual({
      timeoutMs: 2_000,
      allowedHosts: ['status.example.com', '*.example.net'],
      repositoryAllowedHosts: ['status.example.com'],
    });
  });

  it('stops the start-up on a wrong value, naming it', () => {
    const read = (http: object) => () =>
      readHttpCheckSettings(
        new ConfigReader({ qualityGates: { checks: { http } } }),
      );
    expect(read({ timeoutSeconds: 0 })).toThrow(
      'qualityGates.checks.http.timeoutSeconds must be a positive number of seconds, got 0',
    );
    expect(read({ allowedHosts: ['https://status.example.com/'] })).toThrow(
      "qualityGates.checks.http.allowedHosts: 'https://status.example.com/' is not a host name",
    );
    for (const entry of [
      'admin@evil.test',
      'status.example.com:8443',
      '*.127.0.0.1',
      'a b',
    ]) {
      expect(read({ repositoryAllowedHosts: [entry] })).toThrow(
        `qualityGates.checks.http.repositoryAllowedHosts: '${entry}' is not a host name`,
      );
    }
  });
});
