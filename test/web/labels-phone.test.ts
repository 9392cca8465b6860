// Which of the phone page's own messages a refusal of the sim API gets: by status and the field it names.
import { describe, expect, it } from 'vitest';
import { PHONE_LABELS, simErrorMessage } from '../../web/src/labels-phone.js';
import { SimError } from '../../web/src/sim-api.js';

describe('simErrorMessage', () => {
  it('names the cause of each refusal the sim API gives', () => {
    expect(simErrorMessage(new SimError(404, '+1: not-configured', 'to'))).toBe('simErrNotConfigured');
    expect(simErrorMessage(new SimError(404, 'no such call'))).toBe('simErrNoCall');
    expect(simErrorMessage(new SimError(409, 'call is completed'))).toBe('simErrEnded');
    expect(simErrorMessage(new SimError(400, 'digits are 0-9, * and #', 'digits'))).toBe('simErrDigits');
    expect(simErrorMessage(new SimError(400, 'from is a required non-empty string', 'from'))).toBe(
      'simErrFrom',
    );
    expect(simErrorMessage(new SimError(400, 'body must be JSON', 'body'))).toBe('simErrBadRequest');
    expect(simErrorMessage(new SimError(0, 'Failed to fetch'))).toBe('simErrUnreachable');
    expect(simErrorMessage(new SimError(500, 'boom'))).toBe('simErrOther');
    expect(simErrorMessage(new TypeError('Failed to fetch'))).toBe('simErrUnreachable');
  });

  it('has every message in Chinese and English', () => {
    for (const [key, text] of Object.entries(PHONE_LABELS)) {
      expect(text.zh, key).toMatch(/\S/);
      expect(text.en, key).toMatch(/\S/);
    }
  });
});
