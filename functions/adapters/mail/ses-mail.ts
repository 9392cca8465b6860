// Email through Amazon SES (v2 SendEmail, simple content). The sender must be a verified identity.
import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { MailSender } from '../../domain/channel-ports.js';

export function createSesMail(client: SESv2Client, from: string): MailSender {
  return {
    async send(message) {
      const out = await client.send(
        new SendEmailCommand({
          FromEmailAddress: from,
          Destination: { ToAddresses: [message.to] },
          Content: {
            Simple: {
              Subject: { Data: message.subject, Charset: 'UTF-8' },
              Body: { Text: { Data: message.text, Charset: 'UTF-8' } },
            },
          },
        }),
      );
      return { id: out.MessageId ?? 'unknown' };
    },
  };
}
