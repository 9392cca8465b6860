// The desk's ticket form starts on the ticket a call's queue needs: a complaint line's caller is not
// filed as a claim unless the agent notices and changes it.
import { describe, expect, it } from 'vitest';
import { kindForQueue } from '../../../web/src/desk/ticket-form.js';

describe('the ticket a call starts on', () => {
  it('follows the queue the call came through, and is a claim otherwise', () => {
    expect(kindForQueue('complaints')).toBe('complaint');
    expect(kindForQueue('rescue')).toBe('rescue');
    expect(kindForQueue('support')).toBe('fault');
    expect(kindForQueue('claims')).toBe('claim');
    expect(kindForQueue('general')).toBe('claim');
    expect(kindForQueue(undefined)).toBe('claim');
  });
});
