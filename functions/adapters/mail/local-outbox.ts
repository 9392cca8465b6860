// The local stand-in for SES: mail is kept in memory, and with a folder also written there as one JSON
// file per message (`<dataDir>/outbox/`), so a developer can read what would have been sent.
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MailOutbox, SentMail } from '../../domain/channel-ports.js';
import type { Clock } from '../../domain/ports.js';

export function createLocalOutbox(clock: Clock, folder?: string): MailOutbox {
  const sent: SentMail[] = [];
  if (folder) {
    mkdirSync(folder, { recursive: true });
    for (const file of readdirSync(folder)
      .filter((f) => f.endsWith('.json'))
      .sort())
      sent.push(JSON.parse(readFileSync(join(folder, file), 'utf8')) as SentMail);
  }
  return {
    async send(message) {
      const at = new Date(clock.now()).toISOString();
      const mail: SentMail = { id: randomUUID(), at, ...message };
      sent.push(mail);
      if (folder)
        writeFileSync(
          join(folder, `${at.replace(/[:.]/g, '-')}-${mail.id}.json`),
          JSON.stringify(mail, null, 2),
        );
      return { id: mail.id };
    },
    list: async () => [...sent],
  };
}
