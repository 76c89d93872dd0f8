import { environmentsToShow, nextCandidate } from './nextCandidate';

const versions = [
  {
    version: '1.14.0',
    at: '2026-12-06T10:00:00Z',
    source: 'pipeline' as const,
  },
  {
    version: '1.13.0',
    at: '2026-12-05T10:00:00Z',
    source: 'deployment' as const,
  },
];

describe('nextCandidate', () => {
  it('is the latest build while staging does not run it yet', () => {
    expect(
      nextCandidate({
        environments: [
          {
            environment: 'staging',
            gated: true,
            runningVersion: '1.13.0',
            candidateVersion: '1.14.0',
          },
          {
            environment: 'production',
            gated: true,
            runningVersion: '1.12.0',
            candidateVersion: '1.13.0',
          },
        ],
        versions,
      }),
    ).toBe('1.14.0');
  });

  it('is what staging runs once staging is up to date and production is behind', () => {
    // 1.13.0 was rolled back in production: staging's version is next there.
    expect(
      nextCandidate({
        environments: [
          {
            environment: 'staging',
            gated: true,
            runningVersion: '1.13.0',
            candidateVersion: '1.13.0',
          },
          {
            environment: 'production',
            gated: true,
            runningVersion: '1.12.0',
            candidateVersion: '1.13.0',
          },
        ],
        versions,
      }),
    ).toBe('1.13.0');
  });

  it('is the newest known version when everything is promoted or nothing runs yet', () => {
    expect(
      nextCandidate({
        environments: [
          {
            environment: 'staging',
            gated: true,
            runningVersion: '1.14.0',
            candidateVersion: '1.14.0',
          },
          {
            environment: 'production',
            gated: true,
            runningVersion: '1.14.0',
            candidateVersion: '1.14.0',
          },
        ],
        versions,
      }),
    ).toBe('1.14.0');
    expect(
      nextCandidate({
        environments: [{ environment: 'production', gated: true }],
        versions,
      }),
    ).toBe('1.14.0');
    expect(nextCandidate({ environments: [], versions: [] })).toBeUndefined();
  });
});

describe('environmentsToShow', () => {
  it('keeps the promotion order and adds environments only decisions name', () => {
    expect(
      environmentsToShow(
        {
          environments: [
            { environment: 'staging', gated: true },
            { environment: 'production', gated: true },
          ],
          versions: [],
        },
        ['production', 'canary'],
      ),
    ).toEqual(['staging', 'production', 'canary']);
  });
});
