import { checkoutStats } from '../__testUtils__/pipelineFixtures';
import {
  durationPoints,
  failurePoints,
  shownPipeline,
  slowestTask,
  taskPoints,
} from './statsSeries';

const [deploy, build] = checkoutStats.pipelines;

describe('pipeline statistics as chart series', () => {
  it('labels weeks by their Monday and keeps weeks without data as gaps', () => {
    expect(durationPoints(build)).toEqual([
      { week: 'Oct 19', p50: 200, p95: 500 },
      { week: 'Oct 26', p50: 220, p95: 500 },
      { week: 'Nov 2', p50: 240, p95: 500 },
    ]);
    expect(failurePoints(build).map(point => point.failureRate)).toEqual([
      0,
      null,
      0.2,
    ]);
    expect(taskPoints(build.tasks[0])[0]).toEqual({
      week: 'Oct 19',
      p50: 120,
      p95: 300,
    });
  });

  it('shows the pipeline asked for, else the one that runs most', () => {
    expect(shownPipeline(checkoutStats.pipelines, 'deploy')).toBe(deploy);
    expect(shownPipeline(checkoutStats.pipelines, undefined)).toBe(build);
    expect(shownPipeline(checkoutStats.pipelines, 'gone')).toBe(build);
    expect(shownPipeline([], undefined)).toBeUndefined();
  });

  it('starts with the slowest task at p95', () => {
    expect(slowestTask(build.tasks)?.taskName).toBe('unit-tests');
    expect(slowestTask([])).toBeUndefined();
  });
});
