// A ticket's files: the list (name, size, who added it and when) with a download link fetched on click
// (the URL is short-lived), and an upload the server checks by the file's bytes and size.
import { useState } from 'react';
import type { Ticket } from '../api.js';
import { CenterTime } from '../center-zone.js';
import { attachmentsApi } from './tickets-api.js';
import { useTicketsText } from './use-tickets-text.js';

interface Props {
  readonly ticket: Ticket;
  readonly busy: boolean;
  readonly run: (action: () => Promise<Ticket>) => void;
  readonly nameOf: (id: string) => string;
}

const size = (bytes: number) =>
  bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

export function AttachmentsCard({ ticket, busy, run, nameOf }: Props) {
  const { text } = useTicketsText();
  const [file, setFile] = useState<File>();
  const [inputKey, setInputKey] = useState(0);
  const open = async (id: string) => {
    const { url } = await attachmentsApi.url(ticket.number, id);
    window.open(url, '_blank', 'noopener');
  };
  return (
    <section className="card" data-testid="attachments">
      <h2>{text('attachments')}</h2>
      {(ticket.attachments ?? []).length === 0 && <p className="muted">{text('none')}</p>}
      <ul>
        {(ticket.attachments ?? []).map((a) => (
          <li key={a.id} data-testid={`attachment-${a.name}`}>
            {a.name} · {size(a.sizeBytes)} · {nameOf(a.by)} · <CenterTime at={a.at} />{' '}
            <button type="button" onClick={() => void open(a.id)}>
              {text('download')}
            </button>
          </li>
        ))}
      </ul>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          if (!file) return;
          run(async () => {
            const updated = await attachmentsApi.attach(ticket.number, file);
            setFile(undefined);
            setInputKey((k) => k + 1);
            return updated;
          });
        }}
      >
        <input
          key={inputKey}
          type="file"
          name="file"
          accept=".pdf,.jpg,.jpeg,.png,.txt,.docx"
          aria-label={text('attachments')}
          onChange={(e) => setFile(e.target.files?.[0])}
        />
        <button type="submit" disabled={busy || !file} data-testid="attach">
          {text('attach')}
        </button>
        <span className="muted">{text('attachHint')}</span>
      </form>
    </section>
  );
}
