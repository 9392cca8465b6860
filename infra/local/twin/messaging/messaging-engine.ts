// Programmable Messaging in the twin (docs/twilio-behaviour.md §6): outbound messages with status callbacks queued -> sent ->
// delivered on the clock, inbound messages posted to the number's SMS URL with the §6.1 parameters, Messaging
// TwiML replies (<Message>, <Redirect>), and opt-out keywords with error 21610.
import type { TimerClock } from '../../../../functions/domain/manual-clock.js';
import type { TwinContext } from '../ports.js';
import { newSid, TwilioRestError } from '../rest-common.js';
import type { BusyTracker } from '../voice/busy-tracker.js';
import type { PhoneNumberStore } from '../voice/phone-numbers.js';
import type { Message, MessageStatus, OutgoingMessage } from './message.js';
import { runMessagingTwiml } from './messaging-twiml.js';
import { classify, DEFAULT_REPLIES, OptOutList } from './opt-out.js';

// Re-exported: the REST routes and the simulator take the message types from the engine that keeps them.
export type { Message, MessageDirection, MessageStatus } from './message.js';

export interface MessagingTiming {
  readonly sentAfterMs: number;
  readonly deliveredAfterMs: number;
}

export interface MessagingDeps {
  readonly ctx: TwinContext;
  readonly numbers: PhoneNumberStore;
  readonly busy: BusyTracker;
  readonly timing?: Partial<MessagingTiming>;
}

export class MessagingEngine {
  readonly messages = new Map<string, Message>();
  readonly optOuts = new OptOutList();
  readonly timing: MessagingTiming;

  constructor(readonly deps: MessagingDeps) {
    this.timing = { sentAfterMs: 500, deliveredAfterMs: 1500, ...deps.timing };
  }

  get clock(): TimerClock {
    return this.deps.ctx.clock;
  }

  /** An outbound message (REST create or a TwiML reply). Throws TwilioRestError 21610 to opted-out recipients. */
  send(input: OutgoingMessage): Message {
    if (!input.to) throw new TwilioRestError(400, 21604, "A 'To' phone number is required.");
    if (!input.from) throw new TwilioRestError(400, 21603, "A 'From' phone number is required.");
    if (!input.body && !input.mediaUrls?.length)
      throw new TwilioRestError(400, 21602, 'Message body is required.');
    if (input.body.length > 1600)
      throw new TwilioRestError(
        400,
        21617,
        'The concatenated message body exceeds the 1600 character limit.',
      );
    if (!input.system && this.optOuts.isOptedOut(input.from, input.to)) {
      this.deps.ctx.log.append({
        kind: 'error',
        code: 21610,
        summary: `send to unsubscribed ${input.to} refused`,
      });
      throw new TwilioRestError(400, 21610, 'Attempt to send to unsubscribed recipient');
    }
    const now = this.clock.now();
    const msg: Message = {
      sid: newSid('SM'),
      from: input.from,
      to: input.to,
      body: input.body,
      mediaUrls: input.mediaUrls ?? [],
      direction: input.direction ?? 'outbound-api',
      status: 'queued',
      dateCreated: now,
      dateUpdated: now,
      ...(input.statusCallback ? { statusCallback: input.statusCallback } : {}),
    };
    this.messages.set(msg.sid, msg);
    this.deps.ctx.log.append({
      kind: 'event',
      correlationId: msg.sid,
      summary: `message ${msg.from} -> ${msg.to}`,
    });
    this.progress(msg, 'queued');
    this.clock.at(now + this.timing.sentAfterMs, () => this.progress(msg, 'sent'));
    this.clock.at(now + this.timing.deliveredAfterMs, () => this.progress(msg, 'delivered'));
    return msg;
  }

  private progress(msg: Message, status: MessageStatus): void {
    msg.status = status;
    msg.dateUpdated = this.clock.now();
    if (status === 'sent') msg.dateSent = msg.dateUpdated;
    if (!msg.statusCallback) return;
    const params: Record<string, string> = {
      MessageSid: msg.sid,
      MessageStatus: status,
      SmsSid: msg.sid,
      SmsStatus: status,
      AccountSid: this.deps.ctx.account.accountSid,
      From: msg.from,
      To: msg.to,
      ApiVersion: '2010-04-01',
    };
    if (status === 'delivered') params.RawDlrDoneDate = dlrDate(this.clock.now());
    const send = this.deps.ctx.webhooks.send({
      url: msg.statusCallback,
      method: 'POST',
      params,
      correlationId: msg.sid,
    });
    void this.deps.busy.track(msg.sid, send);
  }

  /** An SMS from a phone to one of our numbers (sim API). */
  async receive(input: {
    readonly from: string;
    readonly to: string;
    readonly body: string;
    readonly mediaUrls?: readonly string[];
  }): Promise<Message> {
    const now = this.clock.now();
    const media = input.mediaUrls ?? [];
    const msg: Message = {
      sid: newSid(media.length ? 'MM' : 'SM'),
      from: input.from,
      to: input.to,
      body: input.body,
      mediaUrls: media,
      direction: 'inbound',
      status: 'received',
      dateCreated: now,
      dateUpdated: now,
    };
    this.messages.set(msg.sid, msg);
    const keyword = classify(input.body);
    if (keyword === 'STOP') this.optOuts.optOut(input.to, input.from);
    if (keyword === 'START') this.optOuts.optIn(input.to, input.from);
    if (keyword)
      this.send({
        from: input.to,
        to: input.from,
        body: DEFAULT_REPLIES[keyword],
        direction: 'outbound-reply',
        system: true,
      });
    const pn = this.deps.numbers.byNumber(input.to);
    const settings = pn ? this.deps.numbers.smsSettings(pn) : undefined;
    if (!settings?.smsUrl) return msg;
    const params: Record<string, string> = {
      MessageSid: msg.sid,
      SmsSid: msg.sid,
      SmsMessageSid: msg.sid,
      AccountSid: this.deps.ctx.account.accountSid,
      From: msg.from,
      To: msg.to,
      Body: msg.body,
      NumMedia: String(media.length),
      NumSegments: String(Math.max(1, Math.ceil(msg.body.length / 160))),
      SmsStatus: 'received',
      ApiVersion: '2010-04-01',
      ...(keyword ? { OptOutType: keyword } : {}),
    };
    media.forEach((url, i) => {
      params[`MediaUrl${i}`] = url;
      params[`MediaContentType${i}`] = guessType(url);
    });
    await this.deps.busy.track(
      msg.sid,
      runMessagingTwiml(
        this,
        msg,
        { url: settings.smsUrl, method: settings.smsMethod },
        params,
        settings.smsFallbackUrl,
      ),
    );
    return msg;
  }
}

function dlrDate(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getUTCFullYear() % 100)}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}${two(d.getUTCHours())}${two(d.getUTCMinutes())}`;
}

function guessType(url: string): string {
  if (/\.png$/i.test(url)) return 'image/png';
  if (/\.gif$/i.test(url)) return 'image/gif';
  if (/\.pdf$/i.test(url)) return 'application/pdf';
  return 'image/jpeg';
}
