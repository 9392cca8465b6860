// Push tickets: signed with the session key, naming the user and the session, good for a minute, and
// refused when forged, altered, expired or malformed.
import { describe, expect, it } from 'vitest';
import { issuePushTicket, PUSH_TICKET_TTL_SECONDS, verifyPushTicket } from '../../functions/domain/push.js';
import { issueSession, verifySession } from '../../functions/domain/session.js';

const KEY = 'k'.repeat(43);
const NOW = Date.parse('2026-03-02T02:00:00Z');

describe('push tickets', () => {
  it('verifies its own ticket until it expires', () => {
    const ticket = issuePushTicket({ sub: '1002', sid: 'jti-1' }, KEY, NOW);
    expect(verifyPushTicket(ticket, KEY, NOW)).toEqual({
      ok: true,
      claims: { sub: '1002', sid: 'jti-1', exp: NOW / 1000 + PUSH_TICKET_TTL_SECONDS },
    });
    expect(verifyPushTicket(ticket, KEY, NOW + (PUSH_TICKET_TTL_SECONDS - 1) * 1000).ok).toBe(true);
    expect(verifyPushTicket(ticket, KEY, NOW + PUSH_TICKET_TTL_SECONDS * 1000)).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('refuses another key, an altered body, a session token and malformed text', () => {
    const ticket = issuePushTicket({ sub: '1002', sid: 'jti-1' }, KEY, NOW);
    expect(verifyPushTicket(ticket, 'x'.repeat(43), NOW)).toEqual({ ok: false, reason: 'bad-signature' });
    const [prefix, , signature] = ticket.split('.');
    const altered = Buffer.from(JSON.stringify({ sub: '1001', sid: 'jti-1', exp: NOW / 1000 + 60 })).toString(
      'base64url',
    );
    expect(verifyPushTicket(`${prefix}.${altered}.${signature}`, KEY, NOW).ok).toBe(false);
    expect(verifyPushTicket(`v1.${altered}.${signature}`, KEY, NOW)).toEqual({
      ok: false,
      reason: 'malformed',
    });
    for (const bad of ['', 'push1', 'push1..', 'push1.a.b.c', 'push1.!!!.x'])
      expect(verifyPushTicket(bad, KEY, NOW).ok).toBe(false);
  });

  it('a session token is not a ticket, nor a ticket a session, though one key signs both', () => {
    const { token } = issueSession({ id: '1002', passwordHash: 'h' }, KEY, 3600, NOW);
    expect(verifySession(token, KEY, NOW).ok).toBe(true);
    expect(verifyPushTicket(token, KEY, NOW)).toEqual({ ok: false, reason: 'malformed' });
    const ticket = issuePushTicket({ sub: '1002', sid: 'jti-1' }, KEY, NOW);
    expect(verifySession(ticket, KEY, NOW)).toEqual({ ok: false, reason: 'malformed' });
    // The prefix is signed: a ticket's body and signature under the session's prefix do not verify.
    const [, body, signature] = ticket.split('.');
    expect(verifySession(`v1.${body}.${signature}`, KEY, NOW)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
  });
});
