// Twilio's signature rules as the middleware relies on them: reference section 2.4's vectors through
// twilio's own helpers, repeated form keys kept, and the signed URL built from the public base URL.
import { getExpectedTwilioSignature, validateRequest } from 'twilio/lib/webhooks/webhooks.js';
import { describe, expect, it } from 'vitest';
import { parseForm, publicUrl } from '../../functions/http/twilio/signature.js';

const TOKEN = '12345';
const BASE = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const PARAMS = {
  CallSid: 'CA1234567890ABCDE',
  Caller: '+14158675309',
  Digits: '1234',
  From: '+14158675309',
  To: '+18005551212',
};

describe('reference 2.4 test vectors', () => {
  it('signs the documented request', () => {
    expect(getExpectedTwilioSignature(TOKEN, BASE, PARAMS)).toBe('RSOYDt4T1cUTdK1PDd93/VVr8B8=');
    expect(validateRequest(TOKEN, 'RSOYDt4T1cUTdK1PDd93/VVr8B8=', BASE, PARAMS)).toBe(true);
  });

  it('accepts the :443 variant and the ported http variants', () => {
    expect(getExpectedTwilioSignature(TOKEN, 'https://mycompany.com:443/myapp.php?foo=1&bar=2', PARAMS)).toBe(
      'kvajT1Ptam85bY51eRf/AJRuM3w=',
    );
    expect(validateRequest(TOKEN, 'kvajT1Ptam85bY51eRf/AJRuM3w=', BASE, PARAMS)).toBe(true);
    expect(getExpectedTwilioSignature(TOKEN, 'http://mycompany.com:80/myapp.php?foo=1&bar=2', PARAMS)).toBe(
      '0ZXoZLH/DfblKGATFgpif+LLRf4=',
    );
    expect(getExpectedTwilioSignature(TOKEN, 'http://mycompany.com:1234/myapp.php?foo=1&bar=2', PARAMS)).toBe(
      'Zmvh+3yNM1Phv2jhDCwEM3q5ebU=',
    );
  });

  it('signs repeated values sorted and de-duplicated, in either order', () => {
    const a = { 'MessagingBinding.Address': ['+1325xxxxxxx', '+1415xxxxxxx'] };
    const b = { 'MessagingBinding.Address': ['+1415xxxxxxx', '+1325xxxxxxx'] };
    expect(getExpectedTwilioSignature(TOKEN, BASE, a)).toBe('83O6e2vORAoJHUNzJjDWN1jz+BA=');
    expect(getExpectedTwilioSignature(TOKEN, BASE, b)).toBe('83O6e2vORAoJHUNzJjDWN1jz+BA=');
    expect(
      getExpectedTwilioSignature(TOKEN, BASE, {
        Sid: 'CA123',
        SidAccount: 'AC123',
        Digits: ['5678', '1234', '1234'],
      }),
    ).toBe('IK+Dwps556ElfBT0I3Rgjkr1wJU=');
  });

  it('rejects a wrong token and a changed parameter', () => {
    expect(validateRequest('54321', 'RSOYDt4T1cUTdK1PDd93/VVr8B8=', BASE, PARAMS)).toBe(false);
    expect(validateRequest(TOKEN, 'RSOYDt4T1cUTdK1PDd93/VVr8B8=', BASE, { ...PARAMS, Digits: '9' })).toBe(
      false,
    );
  });
});

describe('parseForm', () => {
  it('keeps every value of a repeated key and decodes values', () => {
    const params = parseForm(
      'Digits=5678&Digits=1234&Digits=1234&Sid=CA123&SidAccount=AC123&Body=hi+there%21',
    );
    expect(params).toEqual({
      Digits: ['5678', '1234', '1234'],
      Sid: 'CA123',
      SidAccount: 'AC123',
      Body: 'hi there!',
    });
    expect(validateRequest(TOKEN, 'IK+Dwps556ElfBT0I3Rgjkr1wJU=', BASE, params)).toBe(false);
    const { Body: _body, ...signed } = params;
    expect(validateRequest(TOKEN, 'IK+Dwps556ElfBT0I3Rgjkr1wJU=', BASE, signed)).toBe(true);
  });
});

describe('publicUrl', () => {
  it('uses the configured base, ignoring the host the request reached', () => {
    expect(publicUrl('https://cc.example.com', 'http://10.0.0.7:8080/twilio/voice?lang=zh')).toBe(
      'https://cc.example.com/twilio/voice?lang=zh',
    );
  });
});
