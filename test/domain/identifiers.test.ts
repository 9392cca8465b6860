// Canonical keys and the ticket workflow: what callers type compares equal to what is stored.
import { describe, expect, it } from 'vitest';
import {
  isValidVin,
  normalisePlate,
  normalisePolicyNumber,
  normaliseVin,
} from '../../functions/domain/identifiers.js';
import { normalisePhone } from '../../functions/domain/phone.js';
import {
  checkTransition,
  formatTicketNumber,
  TICKET_NUMBER_PATTERN,
} from '../../functions/domain/ticket-workflow.js';

describe('identifiers', () => {
  it('normalises VINs and rejects I, O and Q', () => {
    expect(normaliseVin(' lsgbc5e4-0kg123456 ')).toBe('LSGBC5E40KG123456');
    expect(isValidVin('LSGBC5E40KG123456')).toBe(true);
    expect(isValidVin('LSGBC5E40KG12345O')).toBe(false);
    expect(isValidVin('LSGBC5E40KG1234')).toBe(false);
  });
  it('normalises plates and policy numbers', () => {
    expect(normalisePlate('沪a·12345')).toBe('沪A12345');
    expect(normalisePlate('京 B-88888')).toBe('京B88888');
    expect(normalisePolicyNumber(' ew 2025 0001')).toBe('EW20250001');
  });
  it('reads national and international phone numbers into E.164', () => {
    expect(normalisePhone('138 0013 8000', 'CN')).toEqual({
      ok: true,
      e164: '+8613800138000',
      country: 'CN',
    });
    expect(normalisePhone('+1 800 555 0100', 'CN')).toMatchObject({ ok: true, e164: '+18005550100' });
    expect(normalisePhone('12345', 'CN')).toEqual({ ok: false, reason: 'invalid-phone' });
  });
});

describe('ticket workflow', () => {
  it('formats human-readable numbers', () => {
    expect(formatTicketNumber('claim', 2026, 123)).toBe('CLM-2026-000123');
    expect(formatTicketNumber('rescue', 2026, 1_234_567)).toBe('RSC-2026-1234567');
    expect(TICKET_NUMBER_PATTERN.test('CMP-2026-000001')).toBe(true);
    expect(TICKET_NUMBER_PATTERN.test('XYZ-2026-000001')).toBe(false);
  });
  it('allows the documented transitions and names the allowed ones otherwise', () => {
    expect(checkTransition('new', 'open')).toEqual({ ok: true });
    expect(checkTransition('resolved', 'open')).toEqual({ ok: true });
    expect(checkTransition('closed', 'open')).toEqual({
      ok: false,
      reason: 'invalid-transition',
      allowed: [],
    });
    expect(checkTransition('new', 'closed')).toMatchObject({
      ok: false,
      allowed: expect.arrayContaining(['resolved']),
    });
  });
});
