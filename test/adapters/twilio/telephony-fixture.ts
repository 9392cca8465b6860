// What a TelephonyPort implementation hands the contract suite for each test (the port, phones that
// answer or only ring, a hold-music URL whose fetches it counts, the provider's clock), and the SIDs
// and TwiML the cases share.
import type { TelephonyPort } from '../../../functions/domain/telephony-port.js';

export interface TelephonyFixture {
  readonly port: TelephonyPort;
  /** Our number, the caller ID of the calls we place. */
  readonly callerId: string;
  /** Three addresses that answer at once when dialed: a customer's, an agent's and a supervisor's phone. */
  readonly phones: readonly [string, string, string];
  /** An address that rings and never answers. */
  readonly silentPhone: string;
  /** A URL answering TwiML to play to a participant on hold. */
  readonly holdUrl: string;
  /** How many times the provider has fetched `holdUrl`. */
  holdUrlFetches(): number;
  /** Lets the provider's time run on; with a manual clock, at once. */
  advance(seconds: number): Promise<void>;
  /** Waits until the provider has finished what it does on its own (ringing, answering, joining). */
  settle(): Promise<void>;
  teardown(): Promise<void>;
}

export const UNKNOWN_CALL = `CA${'0'.repeat(32)}`;
export const UNKNOWN_CONFERENCE = `CF${'0'.repeat(32)}`;
export const WAIT = '<Response><Pause length="3600"/></Response>';
export const joinConference = (name: string) =>
  `<Response><Dial><Conference beep="false">${name}</Conference></Dial></Response>`;
