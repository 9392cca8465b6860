// A message as the Messaging twin keeps it, and what a sender hands it to send. A leaf: the engine stores
// messages and the Messaging TwiML runner reads and sends them, without either importing the other.

export type MessageStatus =
  | 'queued'
  | 'sending'
  | 'sent'
  | 'delivered'
  | 'undelivered'
  | 'failed'
  | 'received';
export type MessageDirection = 'inbound' | 'outbound-api' | 'outbound-reply';

export interface Message {
  readonly sid: string;
  readonly from: string;
  readonly to: string;
  readonly body: string;
  readonly mediaUrls: readonly string[];
  readonly direction: MessageDirection;
  status: MessageStatus;
  readonly dateCreated: number;
  dateUpdated: number;
  dateSent?: number;
  errorCode?: number;
  errorMessage?: string;
  readonly statusCallback?: string;
}

/** An outbound message to send: a REST create or a TwiML reply. */
export interface OutgoingMessage {
  readonly from: string;
  readonly to: string;
  readonly body: string;
  readonly mediaUrls?: readonly string[];
  readonly statusCallback?: string;
  readonly direction?: MessageDirection;
  /** Twilio's own STOP/START/HELP confirmations go out regardless of the opt-out. */
  readonly system?: boolean;
}
