// Files on a ticket: checked (type from the bytes, size), stored in the media bucket under the ticket, and
// listed on it; read back through a short-lived presigned URL. Adding one commutes with other changes, so
// a version race is retried on the fresh ticket rather than refused.
import { createHash, randomUUID } from 'node:crypto';
import {
  ATTACHMENT_TYPES,
  MAX_ATTACHMENT_BYTES,
  safeAttachmentName,
  sniffAttachment,
} from '../domain/attachments.js';
import type { MediaStore } from '../domain/channel-ports.js';
import type { Ticket, TicketAttachment, User } from '../domain/model.js';
import { HttpProblem, invalidField, NotFoundError } from '../domain/problems.js';
import { existingTicket, type TicketDeps } from './tickets.js';

export interface AttachmentDeps extends TicketDeps {
  readonly media: MediaStore;
  readonly playbackTtlSeconds: number;
}

export async function attachToTicket(
  deps: AttachmentDeps,
  user: User,
  number: string,
  file: { readonly name: string; readonly bytes: Uint8Array },
): Promise<Ticket> {
  if (file.bytes.length === 0) throw invalidField('body.file', 'required', 'the file is empty');
  if (file.bytes.length > MAX_ATTACHMENT_BYTES)
    throw new HttpProblem(
      413,
      'too-large',
      `The file is ${(file.bytes.length / 1048576).toFixed(1)} MB; a ticket takes files up to ${MAX_ATTACHMENT_BYTES / 1048576} MB.`,
      { limitBytes: MAX_ATTACHMENT_BYTES },
    );
  const name = safeAttachmentName(file.name);
  const kind = sniffAttachment(file.bytes, name);
  if (!kind)
    throw invalidField(
      'body.file',
      'invalid-format',
      `"${name}" is not a PDF, JPEG, PNG, plain text (.txt) or Word (.docx) file`,
    );
  await existingTicket(deps, number);
  const id = randomUUID();
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const s3Key = `attachments/${number}/${id}/${name}`;
  await deps.media.put(s3Key, file.bytes, { contentType: ATTACHMENT_TYPES[kind], sha256 });
  const attachment: TicketAttachment = {
    id,
    name,
    contentType: ATTACHMENT_TYPES[kind],
    sizeBytes: file.bytes.length,
    sha256,
    s3Key,
    at: new Date(deps.clock.now()).toISOString(),
    by: user.id,
  };
  for (let attempt = 0; ; attempt++) {
    const current = await existingTicket(deps, number);
    const result = await deps.store.tickets.update(
      number,
      current.version,
      { addAttachment: attachment },
      user.id,
    );
    if (result.ok) return result.value;
    if (result.reason !== 'conflict' || attempt >= 4)
      throw new Error(`attachment not recorded on ${number}: ${result.reason}`);
  }
}

/** A URL the browser downloads the file from, valid a few minutes. */
export async function attachmentUrl(
  deps: AttachmentDeps,
  number: string,
  id: string,
): Promise<{ url: string; name: string; expiresInSeconds: number }> {
  const ticket = await existingTicket(deps, number);
  const found = ticket.attachments?.find((a) => a.id === id);
  if (!found) throw new NotFoundError('attachment', id);
  const url = await deps.media.presignGet(found.s3Key, deps.playbackTtlSeconds);
  return { url, name: found.name, expiresInSeconds: deps.playbackTtlSeconds };
}
