// The contract every TaskRouterPort implementation must pass, as one shared suite: an implementation's
// test file calls describeTaskRouterContract with a setup that builds a fresh workspace for each test.
// The port cannot create workers, queues or calls, so the fixture does that the provider's own way.
import { afterEach, beforeEach, describe } from 'vitest';
import type { TaskRouterFixture } from './taskrouter-fixture.js';
import { statisticsCases } from './taskrouter-statistics.case.js';
import { taskCases } from './taskrouter-tasks.case.js';
import { workerCases } from './taskrouter-workers.case.js';

export type { NamedSid, TaskRouterFixture } from './taskrouter-fixture.js';

export function describeTaskRouterContract(name: string, setup: () => Promise<TaskRouterFixture>): void {
  describe(`TaskRouterPort contract: ${name}`, () => {
    let current: TaskRouterFixture | undefined;
    beforeEach(async () => {
      current = await setup();
    });
    afterEach(async () => {
      await current?.teardown();
      current = undefined;
    });
    const fixture = () => {
      if (!current) throw new Error('the fixture is built in beforeEach');
      return current;
    };
    workerCases(fixture);
    taskCases(fixture);
    statisticsCases(fixture);
  });
}
