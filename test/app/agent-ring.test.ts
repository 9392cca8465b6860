// The `conference` instruction that rings an agent for a queued caller, as TaskRouter receives it (the
// assignment's JSON and the desk's REST update name the same fields): the ring outlasts the offer a little,
// the agent's leg is recorded on two channels and filed under the customer's call, and the conference's
// events come back naming the customer (and, on a line that announces its agents, who to announce).
import { describe, expect, it } from 'vitest';
import { routing } from '../../flows/routing.js';
import { agentRing } from '../../functions/app/agent-ring.js';
import { conferenceInstructionFields } from '../../functions/domain/taskrouter-port.js';

const center = { config: { webhookBaseUrl: 'https://cc.example.com' } } as Parameters<typeof agentRing>[0];
const CUSTOMER = `CA${'1'.repeat(32)}`;

describe('ringing an agent for a queued caller', () => {
  it('names every field TaskRouter needs, for the warranty line that announces its agents', () => {
    const ring = agentRing(center, {
      task: { call_sid: CUSTOMER, called: '+18005550100', language: 'en' },
      to: 'client:1002',
      agentId: '1002',
      wrapUpActivitySid: `WA${'2'.repeat(32)}`,
    });
    const fields = conferenceInstructionFields(ring);
    expect(fields).toMatchObject({
      Instruction: 'conference',
      From: '+18005550100',
      To: 'client:1002',
      Timeout: String(routing.ringSeconds + 5),
      EndConferenceOnExit: 'false',
      EndConferenceOnCustomerExit: 'true',
      Beep: 'false',
      PostWorkActivitySid: `WA${'2'.repeat(32)}`,
      Record: 'true',
      RecordingChannels: 'dual',
      RecordingStatusCallbackMethod: 'POST',
      RecordingStatusCallbackEvent: 'completed absent',
      ConferenceStatusCallbackEvent: 'start end join leave',
    });
    expect(fields.RecordingStatusCallback).toContain(CUSTOMER);
    const status = new URL(fields.ConferenceStatusCallback ?? '');
    expect(status.pathname).toBe('/twilio/taskrouter/conference-status');
    expect(Object.fromEntries(status.searchParams)).toEqual({
      announce: '1002',
      customer: CUSTOMER,
      lang: 'en',
    });
  });

  it('leaves out what it cannot know: no recording without the customer call, no announcement elsewhere', () => {
    const fields = conferenceInstructionFields(
      agentRing(center, { task: { called: '+18005550122' }, to: 'client:1004' }),
    );
    expect(fields.Record).toBeUndefined();
    expect(fields.PostWorkActivitySid).toBeUndefined();
    expect(fields.ConferenceStatusCallback).toBe(
      'https://cc.example.com/twilio/taskrouter/conference-status',
    );
    expect(Object.values(fields).every((v) => typeof v === 'string')).toBe(true);
  });
});
