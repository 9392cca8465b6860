// Sending a text message from one of the center's numbers. Its one adapter speaks Twilio's Messages
// REST API (the twin locally).
export interface MessagingPort {
  sendSms(input: { readonly from: string; readonly to: string; readonly body: string }): Promise<void>;
  /** Sends with a status callback; the provider's message id and first status come back. */
  send(input: {
    readonly from: string;
    readonly to: string;
    readonly body: string;
    readonly statusCallback?: string;
  }): Promise<{ readonly sid: string; readonly status: string }>;
}
