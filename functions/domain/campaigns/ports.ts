// Campaigns' storage port: the campaign record (versioned settings and status, counts kept by atomic adds),
// its contacts (imported in bulk, found by id, and the due ones in time order without reading the rest), and
// the center's do-not-call list, which every attempt of every campaign checks.
import type { Page, PageRequest } from '../paging.js';
import type { Answer } from '../surveys.js';
import type {
  AttemptOutcome,
  Campaign,
  CampaignContact,
  CampaignCounts,
  CampaignPacing,
  CampaignSettings,
  CampaignStatus,
  ContactAttempt,
  ContactStatus,
} from './campaign.js';

export type CampaignWriteResult =
  | { readonly ok: true; readonly value: Campaign }
  | { readonly ok: false; readonly reason: 'not-found' }
  | { readonly ok: false; readonly reason: 'conflict'; readonly current: Campaign };

/** A new contact as imported; status pending, due at once. */
export type NewContact = Omit<
  CampaignContact,
  | 'status'
  | 'attempts'
  | 'nextAt'
  | 'history'
  | 'version'
  | 'lastOutcome'
  | 'disposition'
  | 'agentId'
  | 'callSid'
  | 'answers'
>;

/** A contact added one at a time (a lead from an outside system): its id is allocated by the store. */
export type AddedContact = Omit<NewContact, 'id' | 'campaignId'>;

/** Campaigns that take no new contacts: ended by a person, or done with every contact. */
export const CLOSED_STATUSES: readonly CampaignStatus[] = ['stopped', 'completed'];

export type AddContactResult =
  | { readonly ok: true; readonly value: CampaignContact }
  | { readonly ok: false; readonly reason: 'not-found' }
  | { readonly ok: false; readonly reason: 'closed'; readonly status: CampaignStatus }
  /** The number is in the campaign already (`contactId` once that contact is written). */
  | { readonly ok: false; readonly reason: 'duplicate'; readonly contactId?: string };

export interface ContactChange {
  readonly status?: ContactStatus;
  /** ISO; null takes the contact off the due list. */
  readonly nextAt?: string | null;
  readonly attempts?: number;
  readonly lastOutcome?: AttemptOutcome;
  readonly disposition?: string;
  readonly agentId?: string | null;
  readonly callSid?: string | null;
  readonly addAttempt?: ContactAttempt;
  /** Merged into the answers already recorded. */
  readonly answers?: Readonly<Record<string, Answer>>;
}

export type ContactWriteResult =
  | { readonly ok: true; readonly value: CampaignContact }
  | { readonly ok: false; readonly reason: 'not-found' }
  | { readonly ok: false; readonly reason: 'conflict'; readonly current: CampaignContact };

export interface DoNotCallEntry {
  readonly phone: string;
  /** keypad (pressed 9), sms (texted STOP), agent (the person asked), admin (added by hand), import. */
  readonly source: 'keypad' | 'sms' | 'agent' | 'admin' | 'import';
  readonly campaignId?: string;
  readonly addedAt: string;
}

export interface CampaignRepo {
  create(id: string, settings: CampaignSettings, by: string): Promise<Campaign>;
  get(id: string): Promise<Campaign | undefined>;
  /** Every campaign, newest first. */
  list(): Promise<Campaign[]>;
  /** The campaigns the dialler looks at (running ones). */
  listByStatus(status: CampaignStatus): Promise<Campaign[]>;
  /** Replaces settings and/or status if the campaign is still at `expectedVersion`. */
  update(
    id: string,
    expectedVersion: number,
    change: {
      readonly settings?: CampaignSettings;
      readonly status?: CampaignStatus;
      readonly dialRatio?: number;
      readonly pacing?: CampaignPacing;
    },
  ): Promise<CampaignWriteResult>;
  /** Adds to (or, negative, takes from) the running counts and disposition counts in one write. */
  count(
    id: string,
    deltas: Partial<Record<keyof CampaignCounts, number>>,
    disposition?: string,
  ): Promise<void>;
  /**
   * Stores new contacts, pending and due at `dueAt`; their ids must be new to the campaign. Their numbers
   * are claimed in the campaign too, so addContact finds them.
   */
  addContacts(campaignId: string, contacts: readonly NewContact[], dueAt: string): Promise<number>;
  /**
   * Adds one contact, pending and due at `dueAt`, with the next row number (contacts count + 1, allocated
   * atomically, so contacts added together never share an id) and the contacts and pending counts raised;
   * refused when the campaign is closed or already has the number.
   */
  addContact(campaignId: string, contact: AddedContact, dueAt: string): Promise<AddContactResult>;
  getContact(campaignId: string, contactId: string): Promise<CampaignContact | undefined>;
  /** In id order. */
  listContacts(campaignId: string, page?: PageRequest): Promise<Page<CampaignContact>>;
  /** Pending contacts due at or before `at`, earliest first. */
  dueContacts(campaignId: string, at: string, limit: number): Promise<CampaignContact[]>;
  /** Changes a contact if it is still at `expectedVersion`. */
  updateContact(
    campaignId: string,
    contactId: string,
    expectedVersion: number,
    change: ContactChange,
  ): Promise<ContactWriteResult>;
  /** Do-not-call: one entry per number, the first reason kept. */
  addDoNotCall(entry: DoNotCallEntry): Promise<void>;
  isDoNotCall(phone: string): Promise<boolean>;
  /** The listed numbers among these (one batched read). */
  doNotCallAmong(phones: readonly string[]): Promise<Set<string>>;
}
