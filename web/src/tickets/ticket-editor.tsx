// A ticket's editable fields: subject, description, priority, due time (on the center's clock) and the
// fields of its type. Saving sends only what changed, with the version the form was filled from.
import { type FormEvent, useState } from 'react';
import { PRIORITIES, type Priority } from '../../../functions/domain/model.js';
import type { Ticket } from '../api.js';
import { fromWallInput, toWallInput } from '../center-time.js';
import { centerNow } from '../center-zone.js';
import { labelOf } from '../i18n.js';
import { editableFields } from './ticket-fields.js';
import type { TicketChange } from './tickets-api.js';
import { useTicketsText } from './use-tickets-text.js';

export function TicketEditor({
  ticket,
  zone,
  busy,
  onSave,
  onNothing,
}: {
  ticket: Ticket;
  zone: string;
  busy: boolean;
  onSave: (change: TicketChange) => void;
  onNothing: () => void;
}) {
  const { text, named, lang } = useTicketsText();
  const [subject, setSubject] = useState(ticket.subject);
  const [description, setDescription] = useState(ticket.description ?? '');
  const [priority, setPriority] = useState<Priority>(ticket.priority);
  // The input shows whole minutes: the due time changes only when what it shows changes.
  const shownDue = ticket.dueAt ? toWallInput(Date.parse(ticket.dueAt), zone) : '';
  const [due, setDue] = useState(shownDue);
  const [fields, setFields] = useState<Record<string, string>>({ ...ticket.fields });
  const names = editableFields(ticket);
  // A time already gone is allowed (a date noted late), but said, since it is usually a slip of the year or day.
  const typedDueMs = due && due !== shownDue ? fromWallInput(due, zone) : undefined;
  const duePast = typedDueMs !== undefined && typedDueMs < centerNow();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const dueMs = due ? fromWallInput(due, zone) : undefined;
    const dueAt = dueMs === undefined ? null : new Date(dueMs).toISOString();
    const changedFields = Object.fromEntries(
      names.filter((n) => (fields[n] ?? '') !== (ticket.fields[n] ?? '')).map((n) => [n, fields[n] ?? '']),
    );
    const change: TicketChange = {
      version: ticket.version,
      ...(subject.trim() !== ticket.subject ? { subject: subject.trim() } : {}),
      ...(description !== (ticket.description ?? '') ? { description } : {}),
      ...(priority !== ticket.priority ? { priority } : {}),
      ...(due !== shownDue ? { dueAt } : {}),
      ...(Object.keys(changedFields).length ? { fields: changedFields } : {}),
    };
    if (Object.keys(change).length === 1) onNothing();
    else onSave(change);
  };

  return (
    <form className="card fields ticket-editor" onSubmit={submit} data-testid="ticket-editor">
      <h2>{text('details')}</h2>
      <label>
        {text('subject')}
        <input
          name="subject"
          required
          maxLength={200}
          value={subject}
          onChange={(e) => setSubject(e.target.value)}
        />
      </label>
      <label>
        {text('priority')}
        <select name="priority" value={priority} onChange={(e) => setPriority(e.target.value as Priority)}>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {named('priority', p)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {text('dueAt')}
        <span className="row">
          <input
            type="datetime-local"
            name="dueAt"
            value={due}
            aria-describedby={duePast ? 'due-past' : undefined}
            onChange={(e) => setDue(e.target.value)}
          />
          <button type="button" className="link" onClick={() => setDue('')}>
            {text('clearDue')}
          </button>
        </span>
      </label>
      {/* Beside the field, not in its label: read as a note on the value, not as the field's name. */}
      {duePast && (
        <p className="warn small" role="status" id="due-past" data-testid="due-past">
          {text('duePast')}
        </p>
      )}
      <label className="wide">
        {text('description')}
        <textarea
          name="description"
          rows={3}
          maxLength={8000}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      </label>
      {names.length > 0 && (
        <fieldset className="wide" data-testid="type-fields">
          <legend>{text('typeFields')}</legend>
          {names.map((n) => (
            <label key={n}>
              {labelOf(`field_${n}`, lang) ?? n}
              <input
                name={`field-${n}`}
                maxLength={2000}
                value={fields[n] ?? ''}
                onChange={(e) => setFields({ ...fields, [n]: e.target.value })}
              />
            </label>
          ))}
        </fieldset>
      )}
      <div className="wide">
        <button type="submit" disabled={busy}>
          {text('save')}
        </button>
      </div>
    </form>
  );
}
