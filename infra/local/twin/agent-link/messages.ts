// The agent link's wire format: JSON messages between the twin and a browser page. The web app's local
// connection implementation speaks exactly this; the Twilio implementation maps the SDKs' events to it.

export type ServerMessage =
  | { readonly type: 'ready'; readonly identity: string; readonly workerSid?: string }
  | {
      readonly type: 'incoming';
      readonly callSid: string;
      readonly from: string;
      readonly to: string;
      readonly parameters: Readonly<Record<string, string>>;
    }
  | { readonly type: 'ring-ended'; readonly callSid: string; readonly outcome: string }
  /** The page's call is live (it accepted, or its outgoing call was answered). */
  | { readonly type: 'connected'; readonly callSid: string }
  /** The page's call is joined to another party (a queued caller, a conference). */
  | { readonly type: 'bridged'; readonly callSid: string; readonly peerCallSid: string }
  | { readonly type: 'disconnected'; readonly callSid: string }
  | {
      readonly type: 'reservation';
      /** created, accepted, rejected, timeout, canceled, rescinded, completed, wrapup */
      readonly event: string;
      readonly reservationSid: string;
      readonly taskSid: string;
      readonly taskQueueSid: string;
      readonly taskAttributes: unknown;
    }
  | { readonly type: 'activity'; readonly activitySid: string; readonly activityName: string }
  | { readonly type: 'pong'; readonly at: number }
  | { readonly type: 'error'; readonly message: string; readonly code?: number };

export type BrowserMessage =
  | { readonly type: 'ping' }
  | { readonly type: 'accept'; readonly callSid: string }
  | { readonly type: 'reject'; readonly callSid: string }
  | { readonly type: 'hangup'; readonly callSid: string };

const MAX_MESSAGE = 4096;

/** Reads one message from a browser; anything else gets a clear reason, never an exception. */
export function parseBrowserMessage(
  text: string,
):
  | { readonly ok: true; readonly message: BrowserMessage }
  | { readonly ok: false; readonly message: string } {
  if (text.length > MAX_MESSAGE)
    return { ok: false, message: `message longer than ${MAX_MESSAGE} characters` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: 'message is not JSON' };
  }
  if (!value || typeof value !== 'object') return { ok: false, message: 'message is not a JSON object' };
  const { type, callSid } = value as Record<string, unknown>;
  if (type === 'ping') return { ok: true, message: { type } };
  if (type === 'accept' || type === 'reject' || type === 'hangup') {
    if (typeof callSid !== 'string' || !/^CA[0-9a-f]{32}$/.test(callSid)) {
      return { ok: false, message: `${type} needs callSid, a CA… call SID` };
    }
    return { ok: true, message: { type, callSid } };
  }
  return { ok: false, message: 'type must be one of ping, accept, reject, hangup' };
}
