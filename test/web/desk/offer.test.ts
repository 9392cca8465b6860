// What the desk shows of an offered call: the IVR's findings from the task attributes, and for a callback
// the customer to be called rather than the hotline the customer will see.
import { describe, expect, it } from 'vitest';
import { routing } from '../../../flows/routing.js';
import { taskFor } from '../../../functions/domain/routing/workflow.js';
import { CALLBACK_INTENT, findingsOf, regionOfNumber } from '../../../web/src/desk/offer.js';

const HOTLINE = '+18005550100';
const CUSTOMER = '+14155550123';

describe('findingsOf', () => {
  it('marks a whitelisted caller, and only on the attribute itself', () => {
    expect(findingsOf({ type: 'inbound', from: CUSTOMER, whitelisted: true }).whitelisted).toBe(true);
    expect(findingsOf({ type: 'inbound', from: CUSTOMER, whitelisted: 'yes' })).not.toHaveProperty(
      'whitelisted',
    );
    expect(findingsOf({ type: 'inbound', from: CUSTOMER })).not.toHaveProperty('whitelisted');
  });

  it('reads an inbound call in snake_case, with the flow as the intent', () => {
    const f = findingsOf({
      type: 'inbound',
      from: CUSTOMER,
      customer_id: 'cus-0004',
      customer_name: 'John Smith',
      policy_number: 'EW-2024-000123',
      ticket_number: 'CLM-2026-000123',
      language: 'en',
      vip: 'platinum',
      queue: 'claims',
      region: 'US',
      flow: 'warranty',
      has_owner: false,
    });
    expect(f).toEqual({
      from: CUSTOMER,
      customerId: 'cus-0004',
      customerName: 'John Smith',
      policyNumber: 'EW-2024-000123',
      ticketNumber: 'CLM-2026-000123',
      language: 'en',
      vip: 'platinum',
      queue: 'claims',
      region: 'US',
      intent: 'warranty',
    });
  });

  it('reads camelCase, falls back to the given number, and leaves out what is missing or empty', () => {
    expect(findingsOf({ customerId: 'cus-0001', customerName: '', lang: 'zh' }, '+8613800000000')).toEqual({
      from: '+8613800000000',
      customerId: 'cus-0001',
      language: 'zh',
    });
    expect(findingsOf({})).toEqual({});
  });

  it('shows the customer of a callback the center places, not the hotline, and marks it a callback', () => {
    const { attributes } = taskFor(routing, {
      queue: 'general',
      flow: 'warranty',
      language: 'en',
      caller: CUSTOMER,
      called: HOTLINE,
      priority: 0,
      vars: { customerId: 'cus-0004', ticketNumber: 'CLM-2026-000123', ownerAgent: '1002' },
      extra: { type: 'callback', callback_number: CUSTOMER, from: HOTLINE, callback_task_id: 'task-1' },
    });
    const f = findingsOf(attributes);
    expect(f.from).toBe(CUSTOMER);
    expect(f.callback).toBe(true);
    expect(f.intent).toBe(CALLBACK_INTENT);
    expect(f.customerId).toBe('cus-0004');
    expect(f.ticketNumber).toBe('CLM-2026-000123');
    expect(f.queue).toBe('general');
  });

  it('keeps a callback reason of its own, and takes the camelCase callback number', () => {
    const f = findingsOf({ type: 'callback', from: HOTLINE, callbackNumber: CUSTOMER, reason: 'refund' });
    expect(f).toMatchObject({ from: CUSTOMER, callback: true, intent: 'refund' });
  });

  it('does not mark an ordinary call as a callback', () => {
    expect(findingsOf({ type: 'inbound', from: CUSTOMER }).callback).toBeUndefined();
  });
});

describe('regionOfNumber', () => {
  it('names Chinese mobiles and cities, North America and the UK', () => {
    expect(regionOfNumber('+8613912345678')).toBe('CN mobile');
    expect(regionOfNumber('+862112345678')).toBe('Shanghai');
    expect(regionOfNumber('+14155550123')).toBe('US/CA');
    expect(regionOfNumber('+442071234567')).toBe('UK');
    expect(regionOfNumber('+33123456789')).toBeUndefined();
    expect(regionOfNumber(undefined)).toBeUndefined();
  });
});
