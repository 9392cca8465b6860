// X-Twilio-Signature (docs/twilio-behaviour.md §2.1, §2.4 vectors): our implementation against the reference vectors and against
// twilio's own getExpectedTwilioSignature/validateRequest.
import twilio from 'twilio';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks.js';
import { describe, expect, it } from 'vitest';
import { signingString, twilioSignature } from '../../../infra/local/twin/webhooks/signature.js';

const TOKEN = '12345';
const BASE = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const PARAMS = {
  CallSid: 'CA1234567890ABCDE',
  Caller: '+14158675309',
  Digits: '1234',
  From: '+14158675309',
  To: '+18005551212',
};

describe('signature vectors (§2.4)', () => {
  it('builds the documented string to sign', () => {
    expect(signingString(BASE, PARAMS)).toBe(
      'https://mycompany.com/myapp.php?foo=1&bar=2CallSidCA1234567890ABCDECaller+14158675309Digits1234From+14158675309To+18005551212',
    );
  });

  it('reproduces every vector', () => {
    expect(twilioSignature(TOKEN, BASE, PARAMS)).toBe('RSOYDt4T1cUTdK1PDd93/VVr8B8=');
    expect(twilioSignature(TOKEN, 'https://mycompany.com:443/myapp.php?foo=1&bar=2', PARAMS)).toBe(
      'kvajT1Ptam85bY51eRf/AJRuM3w=',
    );
    expect(twilioSignature(TOKEN, 'http://mycompany.com:80/myapp.php?foo=1&bar=2', PARAMS)).toBe(
      '0ZXoZLH/DfblKGATFgpif+LLRf4=',
    );
    expect(twilioSignature(TOKEN, 'http://mycompany.com:1234/myapp.php?foo=1&bar=2', PARAMS)).toBe(
      'Zmvh+3yNM1Phv2jhDCwEM3q5ebU=',
    );
    for (const order of [
      ['+1325xxxxxxx', '+1415xxxxxxx'],
      ['+1415xxxxxxx', '+1325xxxxxxx'],
    ]) {
      expect(twilioSignature(TOKEN, BASE, { 'MessagingBinding.Address': order })).toBe(
        '83O6e2vORAoJHUNzJjDWN1jz+BA=',
      );
    }
    expect(
      twilioSignature(TOKEN, BASE, { Sid: 'CA123', SidAccount: 'AC123', Digits: ['5678', '1234', '1234'] }),
    ).toBe('IK+Dwps556ElfBT0I3Rgjkr1wJU=');
    const hash = '0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620';
    expect(twilioSignature(TOKEN, `${BASE}&bodySHA256=${hash}`, {})).toBe('a9nBmqA0ju/hNViExpshrM61xv4=');
    expect(twilioSignature(TOKEN, `https://mycompany.com/myapp.php?bodySHA256=${hash}`, {})).toBe(
      'y77kIzt2vzLz71DgmJGsen2scGs=',
    );
  });

  it('agrees with twilio-node on arbitrary unicode params and is accepted by validateRequest', () => {
    const params = { Body: '您好 & bye', From: '+8613800138000', a: 'x', B: 'y', 'Z.z': '1' };
    const url = 'http://127.0.0.1:3000/twilio/sms?x=%27';
    const ours = twilioSignature('tok', url, params);
    expect(ours).toBe(getExpectedTwilioSignature('tok', url, params));
    expect(twilio.validateRequest('tok', ours, url, params)).toBe(true);
  });
});
