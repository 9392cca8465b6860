// A deployment's numbers, not the demo ones, decide a call's flow, its wrap-up codes, the caller ids the
// dialling policy allows and the default sender; the local stack (no numbers configured) keeps the demo.
import { describe, expect, it } from 'vitest';
import { HOTLINE_NUMBERS } from '../../flows/numbers.js';
import { flowFor } from '../../functions/app/answer-call.js';
import { centerNumber } from '../../functions/app/center.js';
import { dispositionsFor } from '../../functions/app/desk/dispositions.js';
import { ownNumbers } from '../../functions/app/dial-guard.js';
import { callbackCallerId, hotlinesOf } from '../../functions/app/hotlines.js';
import { DEFAULT_DIAL_POLICY } from '../../functions/domain/dial-policy-data.js';

const deployed = {
  hotlines: [
    { number: '+8640012345678', flow: 'rescue' },
    { number: '+862161234567', flow: 'it-support' },
  ],
  channels: { smsFrom: '+862161234567', callbackCallerId: '+8640012345678', playbackTtlSeconds: 300 },
  defaultPhoneRegion: 'CN',
} as const;

describe("the center's numbers", () => {
  it('are the demo numbers when none are configured', () => {
    expect(hotlinesOf({})).toBe(HOTLINE_NUMBERS);
    expect(flowFor(hotlinesOf({}), '+18005550122').flow.name).toBe('it-support');
  });

  it("are the deployment's, each running its own flow with the demo line's blacklist behaviour", () => {
    const lines = hotlinesOf(deployed);
    expect(lines.map((l) => [l.number, l.flow, l.blocked])).toEqual([
      ['+8640012345678', 'rescue', 'message'],
      ['+862161234567', 'it-support', 'reject'],
    ]);
    expect(flowFor(lines, '+862161234567').flow.name).toBe('it-support');
    // A number that is none of the center's (a demo one, here) runs the default flow.
    expect(flowFor(lines, '+18005550100').flow.name).toBe('warranty');
    const call = { direction: 'inbound' as const, from: '+8613800138000', to: '+8640012345678' };
    expect(dispositionsFor(lines, call)).toMatchObject({ hotline: '+8640012345678', flow: 'rescue' });
  });

  it('give callbacks their caller id and texts their sender, and the dialling policy allows only them', () => {
    expect(callbackCallerId(deployed)).toBe('+8640012345678');
    expect(callbackCallerId({ hotlines: deployed.hotlines })).toBe('+8640012345678');
    expect(centerNumber({ config: { ...deployed, channels: { playbackTtlSeconds: 300 } } } as never)).toBe(
      '+8640012345678',
    );
    const own = ownNumbers(deployed as never, DEFAULT_DIAL_POLICY);
    expect(own).toEqual(expect.arrayContaining(['+8640012345678', '+862161234567']));
    expect(own).not.toContain(HOTLINE_NUMBERS[0].number);
  });
});
