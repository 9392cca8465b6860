// Caller IDs as Twilio sends them (docs/twilio-behaviour.md §1.1): E.164 passes, anything else is kept raw.
import { describe, expect, it } from 'vitest';
import { callerId } from '../../functions/domain/caller-id.js';

describe('callerId', () => {
  it('accepts E.164 and keeps other caller ids raw', () => {
    expect(callerId('+8613800138000')).toEqual({ ok: true, e164: '+8613800138000' });
    expect(callerId(' +18005550100 ')).toEqual({ ok: true, e164: '+18005550100' });
    expect(callerId('anonymous')).toEqual({ ok: false, raw: 'anonymous' });
    expect(callerId('13800138000')).toEqual({ ok: false, raw: '13800138000' });
    expect(callerId('+0123456789')).toEqual({ ok: false, raw: '+0123456789' });
  });
});
