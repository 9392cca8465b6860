// Incoming phone numbers and TwiML Applications: where an inbound call or SMS to a number is sent, with the
// fallback and status callback URLs, as configured through the IncomingPhoneNumbers and Applications resources.
import { newSid } from '../rest-common.js';
import type { HttpMethod } from './types.js';

export interface UrlSettings {
  voiceUrl?: string;
  voiceMethod: HttpMethod;
  voiceFallbackUrl?: string;
  voiceFallbackMethod: HttpMethod;
  statusCallback?: string;
  statusCallbackMethod: HttpMethod;
  smsUrl?: string;
  smsMethod: HttpMethod;
  smsFallbackUrl?: string;
  smsFallbackMethod: HttpMethod;
}

export interface PhoneNumber extends UrlSettings {
  readonly sid: string;
  readonly phoneNumber: string;
  friendlyName: string;
  voiceApplicationSid?: string;
  smsApplicationSid?: string;
  readonly dateCreated: number;
  dateUpdated: number;
}

export interface Application extends UrlSettings {
  readonly sid: string;
  friendlyName: string;
  readonly dateCreated: number;
  dateUpdated: number;
}

export type UrlSettingsInput = Partial<UrlSettings>;

const DEFAULTS: UrlSettings = {
  voiceMethod: 'POST',
  voiceFallbackMethod: 'POST',
  statusCallbackMethod: 'POST',
  smsMethod: 'POST',
  smsFallbackMethod: 'POST',
};

export class PhoneNumberStore {
  readonly numbers = new Map<string, PhoneNumber>();
  readonly applications = new Map<string, Application>();

  constructor(private readonly now: () => number) {}

  addNumber(
    phoneNumber: string,
    settings: UrlSettingsInput & {
      friendlyName?: string;
      voiceApplicationSid?: string;
      smsApplicationSid?: string;
    } = {},
  ): PhoneNumber {
    const now = this.now();
    const pn: PhoneNumber = {
      ...DEFAULTS,
      sid: newSid('PN'),
      phoneNumber,
      friendlyName: settings.friendlyName ?? phoneNumber,
      dateCreated: now,
      dateUpdated: now,
    };
    Object.assign(pn, stripUndefined(settings));
    this.numbers.set(pn.sid, pn);
    return pn;
  }

  addApplication(settings: UrlSettingsInput & { friendlyName?: string } = {}): Application {
    const now = this.now();
    const app: Application = {
      ...DEFAULTS,
      sid: newSid('AP'),
      friendlyName: '',
      dateCreated: now,
      dateUpdated: now,
    };
    Object.assign(app, stripUndefined(settings));
    this.applications.set(app.sid, app);
    return app;
  }

  update<T extends PhoneNumber | Application>(target: T, changes: Partial<T>): T {
    Object.assign(target, stripUndefined(changes), { dateUpdated: this.now() });
    return target;
  }

  byNumber(phoneNumber: string): PhoneNumber | undefined {
    for (const pn of this.numbers.values()) if (pn.phoneNumber === phoneNumber) return pn;
    return undefined;
  }

  /** Voice settings for a number: its Application's when it has one (Twilio then ignores the number's URLs). */
  voiceSettings(pn: PhoneNumber): UrlSettings & { applicationSid?: string } {
    const app = pn.voiceApplicationSid ? this.applications.get(pn.voiceApplicationSid) : undefined;
    return app ? { ...app, applicationSid: app.sid } : pn;
  }

  smsSettings(pn: PhoneNumber): UrlSettings {
    const app = pn.smsApplicationSid ? this.applications.get(pn.smsApplicationSid) : undefined;
    return app ?? pn;
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
