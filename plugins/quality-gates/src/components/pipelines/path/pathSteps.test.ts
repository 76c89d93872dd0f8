import { shaPath } from '../__testUtils__/pipelineFixtures';
import { orderedSteps, stepTitle } from './pathSteps';

describe('path steps', () => {
  it('orders steps by time, keeping the given order for equal times', () => {
    expect(orderedSteps(shaPath.steps).map(stepTitle)).toEqual([
      'CI: build #411',
      'CI: build #412',
      'Deployment to staging',
      'Deployment to production-eu',
    ]);

    const [run, deployment] = [shaPath.steps[3], shaPath.steps[2]];
    const sameTime = [run, { ...deployment, at: run.at }];
    expect(orderedSteps(sameTime)).toEqual(sameTime);
  });
});
