// The contract every TelephonyPort implementation must pass, as one shared suite: an implementation's
// test file calls describeTelephonyContract with a setup that gives each test a clean provider and
// phones to dial.
import { afterEach, beforeEach, describe } from 'vitest';
import { callCases } from './telephony-calls.case.js';
import { conferenceCases } from './telephony-conferences.case.js';
import type { TelephonyFixture } from './telephony-fixture.js';
import { recordingCases } from './telephony-recording.case.js';

export type { TelephonyFixture } from './telephony-fixture.js';

export function describeTelephonyContract(name: string, setup: () => Promise<TelephonyFixture>): void {
  describe(`TelephonyPort contract: ${name}`, () => {
    let current: TelephonyFixture | undefined;
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
    callCases(fixture);
    conferenceCases(fixture);
    recordingCases(fixture);
  });
}
