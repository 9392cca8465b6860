// One entry of a customer's timeline: every kind of contact the center has with them, told apart by
// `kind`, each with when it happened. Built by the timeline use case; read by the customer page.
import type { Disposition } from './disposition.js';
import type { CallRecord } from './model.js';

interface Entry {
  /** ISO 8601, UTC. */
  readonly at: string;
}

export type TimelineEntry = Entry &
  (
    | {
        readonly kind: 'call';
        readonly callSid: string;
        readonly direction: CallRecord['direction'];
        readonly from: string;
        readonly to: string;
        readonly status: string;
        readonly agentId?: string;
        readonly queue?: string;
        readonly durationSeconds?: number;
        readonly disposition?: string;
        /** The hotline's label for an agent's outcome; IVR outcomes (after-hours, voicemail...) have none. */
        readonly dispositionLabel?: Disposition['label'];
        readonly notes?: string;
        readonly ticketNumbers: readonly string[];
      }
    | {
        readonly kind: 'recording';
        readonly sid: string;
        readonly callSid?: string;
        readonly agentId?: string;
        readonly durationSeconds: number;
        readonly channels: 1 | 2;
        readonly playable: boolean;
      }
    | {
        readonly kind: 'voicemail';
        readonly recordingSid: string;
        readonly callSid: string;
        readonly mailbox: string;
        readonly durationSeconds: number;
        readonly status: string;
        readonly reason: string;
        readonly playable: boolean;
      }
    | {
        readonly kind: 'sms';
        readonly sid: string;
        readonly direction: string;
        readonly body: string;
        readonly status: string;
        readonly agentId?: string;
      }
    | {
        readonly kind: 'ticket';
        readonly number: string;
        readonly ticketType: string;
        readonly status: string;
        readonly subject: string;
      }
    | { readonly kind: 'note'; readonly ticketNumber: string; readonly by: string; readonly text: string }
    | {
        readonly kind: 'task';
        readonly id: string;
        readonly taskKind: string;
        readonly status: string;
        readonly dueAt: string;
        readonly assigneeId?: string;
        readonly ticketNumber?: string;
        readonly note?: string;
      }
    | { readonly kind: 'fax'; readonly id: string; readonly pages?: number; readonly ticketNumber?: string }
  );
