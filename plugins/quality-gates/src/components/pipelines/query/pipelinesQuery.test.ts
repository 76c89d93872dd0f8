import {
  parsePipelinesQuery,
  pathSubject,
  runsRequest,
  withPipelinesQuery,
} from './pipelinesQuery';

const parse = (search: string) =>
  parsePipelinesQuery(new URLSearchParams(search));

describe('pipelines query in the URL', () => {
  it('reads filters, page, selection and path; drops what it does not know', () => {
    expect(
      parse(
        'pipeline=build&result=failure&commit=abc&page=3&pageSize=50&run=r1&trace=t1&sha=abc&range=7d',
      ),
    ).toEqual({
      pipeline: 'build',
      result: 'failure',
      commit: 'abc',
      page: 2,
      pageSize: 50,
      run: 'r1',
      trace: 't1',
      sha: 'abc',
    });
    expect(parse('result=flaky&page=-1&pageSize=7')).toEqual({
      page: 0,
      pageSize: 25,
    });
  });

  it('follows one path at a time: a commit before a version', () => {
    expect(pathSubject(parse('sha=abc&version=1.0'))).toEqual({ sha: 'abc' });
    expect(pathSubject(parse('version=1.0'))).toEqual({ version: '1.0' });
    expect(pathSubject(parse(''))).toBeUndefined();
  });

  it('writes the query, keeping the range and leaving defaults out', () => {
    const params = withPipelinesQuery(new URLSearchParams('range=7d&page=4'), {
      pipeline: 'build',
      page: 0,
      pageSize: 25,
      run: 'r1',
    });
    expect(params.toString()).toBe('range=7d&pipeline=build&run=r1');
  });

  it('asks for the page shown with the filters set', () => {
    const window = { from: 'A', to: 'B' };
    expect(
      runsRequest(
        'component:default/checkout',
        { pipeline: 'build', commit: 'abc', page: 2, pageSize: 50, run: 'r1' },
        window,
      ),
    ).toEqual({
      entityRef: 'component:default/checkout',
      from: 'A',
      to: 'B',
      pipelineName: 'build',
      sha: 'abc',
      limit: 50,
      offset: 100,
    });
  });
});
