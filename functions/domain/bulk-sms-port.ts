// Bulk SMS storage: the send (settings, status changed from the version read, counts kept by atomic adds so
// concurrent rounds and delivery reports lose none) and its recipients (stored in bulk, listed in order,
// the due ones read in time order without reading the rest, each changed from the version read).
import type { BulkCounts, BulkSms, BulkSmsSettings, BulkSmsStatus, RecipientStatus } from './bulk-sms.js';
import type { BulkRecipient } from './bulk-sms-recipients.js';
import type { Page, PageRequest } from './paging.js';

export type BulkSmsWriteResult =
  | { readonly ok: true; readonly value: BulkSms }
  | { readonly ok: false; readonly reason: 'not-found' }
  | { readonly ok: false; readonly reason: 'conflict'; readonly current: BulkSms };

export type NewRecipient = Omit<BulkRecipient, 'sendId' | 'version' | 'updatedAt'>;

export interface RecipientChange {
  readonly status?: RecipientStatus;
  /** ISO; null takes the recipient off the due list. */
  readonly dueAt?: string | null;
  readonly messageSid?: string;
  /** null clears it. */
  readonly error?: string | null;
}

export type RecipientWriteResult =
  | { readonly ok: true; readonly value: BulkRecipient }
  | { readonly ok: false; readonly reason: 'not-found' }
  | { readonly ok: false; readonly reason: 'conflict'; readonly current: BulkRecipient };

export interface BulkSmsRepo {
  /** A draft with these counts; its recipients must be stored first (addRecipients). Throws if the id exists. */
  create(
    id: string,
    settings: BulkSmsSettings,
    counts: BulkCounts,
    recipients: number,
    by: string,
  ): Promise<BulkSms>;
  get(id: string): Promise<BulkSms | undefined>;
  /** Newest first. */
  list(): Promise<BulkSms[]>;
  /** The sends in one status (the round reads the sending ones). */
  listByStatus(status: BulkSmsStatus): Promise<BulkSms[]>;
  /** Changes the status if the send is still at `expectedVersion`; the counts are left as they are. */
  setStatus(
    id: string,
    expectedVersion: number,
    status: BulkSmsStatus,
    stamps?: { readonly startedAt?: string; readonly finishedAt?: string },
  ): Promise<BulkSmsWriteResult>;
  /** Adds to (negative: takes from) the counts in one write. */
  count(id: string, deltas: Partial<Record<RecipientStatus, number>>): Promise<void>;
  /** Stores recipients as given; the pending and waiting ones with a `dueAt` go on the due list. */
  addRecipients(sendId: string, recipients: readonly NewRecipient[]): Promise<number>;
  getRecipient(sendId: string, id: string): Promise<BulkRecipient | undefined>;
  /** In id order. */
  listRecipients(sendId: string, page?: PageRequest): Promise<Page<BulkRecipient>>;
  /** Recipients on the due list due at or before `at`, earliest first. */
  dueRecipients(sendId: string, at: string, limit: number): Promise<BulkRecipient[]>;
  updateRecipient(
    sendId: string,
    id: string,
    expectedVersion: number,
    change: RecipientChange,
  ): Promise<RecipientWriteResult>;
}
