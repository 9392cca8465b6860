// Quality scoring on the single table (keys in keys.ts). A form is one item holding its latest version,
// listed on gsi2, with a copy of every version beside it. A score is one item found by recording (gsi2),
// by agent (gsi3, in the agent's shared partition) and by the month its call started (gsi1, for reports);
// open disputes are small marker items in one partition, removed when resolved. A transcript is one item
// per recording; a flagged one is also listed by month (gsi1).
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Clock } from '../../domain/ports.js';
import type { QaForm, QaFormDraft } from '../../domain/quality/form.js';
import type { QaFormWriteResult, QualityRepo } from '../../domain/quality/ports.js';
import type { QaScore } from '../../domain/quality/score-record.js';
import type { Transcript } from '../../domain/quality/transcript.js';
import { timeSortableId } from './ids.js';
import {
  agent,
  byTime,
  ITEM_SK,
  listed,
  QA_DISPUTES,
  QA_FORMS,
  qaFlagMonth,
  qaForm,
  qaFormVersion,
  qaRecording,
  qaScore,
  qaScoreMonth,
  qaTranscript,
  timeSpan,
} from './keys.js';
import { fromItem, getItem, type Item, putIf, queryAll, type TableAccess } from './table-access.js';

function formItem(f: QaForm, sk = ITEM_SK): Item {
  const item: Item = { ...f, pk: qaForm(f.id), sk, entity: sk === ITEM_SK ? 'qa-form' : 'qa-form-version' };
  return sk === ITEM_SK ? { ...item, gsi2pk: QA_FORMS, gsi2sk: f.id } : item;
}

function scoreItem(s: QaScore): Item {
  return {
    ...s,
    pk: qaScore(s.id),
    sk: ITEM_SK,
    entity: 'qa-score',
    gsi1pk: qaScoreMonth(s.callStartedAt.slice(0, 7)),
    gsi1sk: byTime(s.callStartedAt, s.id),
    gsi2pk: qaRecording(s.recordingSid),
    gsi2sk: byTime(s.scoredAt, s.id),
    gsi3pk: agent(s.agentId),
    gsi3sk: listed('qaScore', byTime(s.callStartedAt, s.id)),
  };
}

/** The UTC months (`YYYY-MM`) from one ISO time through another. */
function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (let i = 0; i < 1200; i++) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > last) break;
    months.push(month);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return months;
}

export function createQualityRepo(t: TableAccess, clock: Clock): QualityRepo {
  const scores = (items: Item[]) => items.map((i) => fromItem<QaScore>(i));

  async function disputeMarker(before: QaScore | undefined, after: QaScore): Promise<void> {
    const wasOpen = before?.dispute?.state === 'open';
    const isOpen = after.dispute?.state === 'open';
    if (isOpen && !wasOpen && after.dispute)
      await putIf(
        t,
        { pk: QA_DISPUTES, sk: byTime(after.dispute.at, after.id), scoreId: after.id, entity: 'qa-dispute' },
        'attribute_not_exists(pk)',
      );
    if (wasOpen && !isOpen && before?.dispute)
      await t.doc.send(
        new DeleteCommand({
          TableName: t.tableName,
          Key: { pk: QA_DISPUTES, sk: byTime(before.dispute.at, before.id) },
        }),
      );
  }

  return {
    async putForm(
      draft: QaFormDraft,
      expectedVersion: number | null,
      by: string,
    ): Promise<QaFormWriteResult> {
      const updatedAt = new Date(clock.now()).toISOString();
      const version = (expectedVersion ?? 0) + 1;
      const form: QaForm = { ...draft, version, updatedAt, updatedBy: by };
      if (expectedVersion === null) {
        if (!(await putIf(t, formItem(form), 'attribute_not_exists(pk)')))
          return { ok: false, reason: 'duplicate', field: 'id', value: draft.id };
      } else {
        const written = await putIf(
          t,
          formItem(form),
          '#v = :v',
          { ':v': expectedVersion },
          { '#v': 'version' },
        );
        if (!written) {
          const current = await getItem(t, qaForm(draft.id));
          return current
            ? { ok: false, reason: 'conflict', current: fromItem<QaForm>(current) }
            : { ok: false, reason: 'not-found' };
        }
      }
      // The copy a score points at: written after the lock, never replaced.
      await putIf(t, formItem(form, qaFormVersion(version)), 'attribute_not_exists(pk)');
      return { ok: true, value: form };
    },
    async getForm(id, version) {
      const item = await getItem(t, qaForm(id), version === undefined ? ITEM_SK : qaFormVersion(version));
      return item ? fromItem<QaForm>(item) : undefined;
    },
    async listForms() {
      return (await queryAll(t, { index: 'gsi2', pk: QA_FORMS })).map((i) => fromItem<QaForm>(i));
    },
    async addScore(input) {
      const nowMs = clock.now();
      const score: QaScore = {
        ...input,
        id: timeSortableId(nowMs),
        scoredAt: new Date(nowMs).toISOString(),
        version: 1,
      };
      if (!(await putIf(t, scoreItem(score), 'attribute_not_exists(pk)')))
        throw new Error(`qa score id collision ${score.id}`);
      return score;
    },
    async getScore(id) {
      const item = await getItem(t, qaScore(id));
      return item ? fromItem<QaScore>(item) : undefined;
    },
    async updateScore(score, expectedVersion) {
      const beforeItem = await getItem(t, qaScore(score.id));
      if (!beforeItem) return { ok: false, reason: 'not-found' };
      const before = fromItem<QaScore>(beforeItem);
      const next: QaScore = { ...score, version: expectedVersion + 1 };
      const written = await putIf(
        t,
        scoreItem(next),
        '#v = :v',
        { ':v': expectedVersion },
        { '#v': 'version' },
      );
      if (!written) {
        const current = await getItem(t, qaScore(score.id));
        return current
          ? { ok: false, reason: 'conflict', current: fromItem<QaScore>(current) }
          : { ok: false, reason: 'not-found' };
      }
      await disputeMarker(before, next);
      return { ok: true, value: next };
    },
    async scoresOfRecording(recordingSid) {
      return scores(await queryAll(t, { index: 'gsi2', pk: qaRecording(recordingSid) }));
    },
    async scoresOfAgent(agentId, from, to) {
      return scores(
        await queryAll(t, { index: 'gsi3', pk: agent(agentId), skBetween: timeSpan(from, to, 'qaScore') }),
      ).filter((s) => s.agentId === agentId);
    },
    async scoresBetween(from, to) {
      const all: QaScore[] = [];
      for (const month of monthsBetween(from, to))
        all.push(
          ...scores(
            await queryAll(t, { index: 'gsi1', pk: qaScoreMonth(month), skBetween: timeSpan(from, to) }),
          ),
        );
      return all;
    },
    async putTranscript(tr) {
      const item: Item = { ...tr, pk: qaTranscript(tr.recordingSid), sk: ITEM_SK, entity: 'qa-transcript' };
      // Only flagged calls are listed (a sparse index): what the review queue and the reports count.
      const listedItem =
        tr.flags.length > 0
          ? {
              ...item,
              gsi1pk: qaFlagMonth(tr.callStartedAt.slice(0, 7)),
              gsi1sk: byTime(tr.callStartedAt, tr.recordingSid),
            }
          : item;
      await t.doc.send(new PutCommand({ TableName: t.tableName, Item: listedItem }));
    },
    async getTranscript(recordingSid) {
      const item = await getItem(t, qaTranscript(recordingSid));
      return item ? fromItem<Transcript>(item) : undefined;
    },
    async flaggedBetween(from, to) {
      const all: Transcript[] = [];
      for (const month of monthsBetween(from, to))
        all.push(
          ...(
            await queryAll(t, { index: 'gsi1', pk: qaFlagMonth(month), skBetween: timeSpan(from, to) })
          ).map((i) => fromItem<Transcript>(i)),
        );
      return all;
    },
    async openDisputes() {
      const markers = await queryAll(t, { pk: QA_DISPUTES });
      const found = await Promise.all(markers.map((m) => getItem(t, qaScore(String(m.scoreId)))));
      return scores(found.filter((i): i is Item => i !== undefined));
    },
  };
}
