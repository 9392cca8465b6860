// Sending a text message from one of the center's numbers. Its one adapter speaks Twilio's Messages
// REST API (the twin locally).
export interface MessagingPort {
  sendSms(input: { readonly from: string; readonly to: string; readonly body: string }): Promise<void>;
}
