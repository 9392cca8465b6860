// Holiday calendars through the API: the built-in one until an admin saves one; a bad day refused with
// each named (path, code, message) and nothing written; CSV (English or Chinese headers) and iCalendar
// imports previewed with every bad row named by its line and nothing written; bad files refused whole;
// every save audited and kept as a version, and an earlier version restored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendars } from '../../flows/calendar.js';
import { createHarness, type Harness } from './harness.js';

const PATH = '/api/admin/calendars/cn';

describe('holiday calendar API', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.stop());

  const upload = async (name: string, content: string | Uint8Array<ArrayBuffer>, type = '') => {
    const form = new FormData();
    form.append('file', new File([content], name, { type }));
    const res = await h.app.request(`${PATH}/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${h.tokens.admin}` },
      body: form,
    });
    // biome-ignore lint/suspicious/noExplicitAny: a test reads whatever the route answered
    return { status: res.status, body: (await res.json()) as any };
  };

  it('shows the built-in calendar until an admin saves one', async () => {
    const res = await h.as('admin', 'GET', PATH);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ name: 'cn', source: 'built-in', ...calendars.cn });
    expect((await h.as('admin', 'GET', '/api/admin/calendars/mars')).status).toBe(404);
  });

  it('refuses a calendar with bad days, naming each, and writes nothing', async () => {
    const res = await h.as('admin', 'PUT', PATH, {
      holidays: { '2027-02-30': '不存在', '2027-10-01': '国庆节', '2027-10-02': '' },
      makeUpDays: { '2027-10-01': '冲突', '2027/09/26': 'x'.repeat(61) },
    });
    expect(res.status).toBe(400);
    expect(res.body.issues).toEqual([
      expect.objectContaining({ path: 'body.holidays.2027-02-30', code: 'invalid-date' }),
      expect.objectContaining({ path: 'body.holidays.2027-10-02', code: 'name-length' }),
      expect.objectContaining({ path: 'body.makeUpDays.2027/09/26', code: 'invalid-date' }),
      expect.objectContaining({ path: 'body.makeUpDays.2027/09/26', code: 'name-length' }),
      expect.objectContaining({ path: 'body.makeUpDays.2027-10-01', code: 'both-kinds' }),
    ]);
    const many = Object.fromEntries(
      Array.from({ length: 401 }, (_, i) => [
        new Date(Date.UTC(2027, 0, 1 + i)).toISOString().slice(0, 10),
        '假',
      ]),
    );
    const tooMany = await h.as('admin', 'PUT', PATH, { holidays: many, makeUpDays: {} });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.issues).toEqual([expect.objectContaining({ code: 'too-many-days' })]);
    expect((await h.as('admin', 'GET', PATH)).body.source).toBe('built-in');
  });

  it('previews a CSV with Chinese headers, naming each bad row by its line, and writes nothing', async () => {
    const csv = [
      '日期,名称,类型',
      '2027-01-01,元旦,节假日',
      '2027/2/6,春节调休,调休',
      '2027-02-30,不存在的日子,节假日',
      '2027-02-07,春节,放风筝',
      '',
      '2027-01-01,元旦,调休',
      '2027-02-08,,节假日',
    ].join('\n');
    const res = await upload('假日.csv', `\ufeff${csv}`, 'text/csv');
    expect(res.status).toBe(200);
    expect(res.body.format).toBe('csv');
    expect(res.body.days).toBe(2);
    expect(res.body.problems).toEqual([
      expect.objectContaining({ line: 4, code: 'invalid-date' }),
      expect.objectContaining({ line: 5, code: 'invalid-kind' }),
      expect.objectContaining({ line: 7, code: 'both-kinds' }),
      expect.objectContaining({ line: 8, code: 'name-length' }),
    ]);
    // Merged over the calendar in force: the built-in days stay, the file's are added.
    expect(res.body.calendar.holidays).toMatchObject({ ...calendars.cn.holidays, '2027-01-01': '元旦' });
    expect(res.body.calendar.makeUpDays).toMatchObject({ '2027-02-06': '春节调休' });
    expect(res.body.issues).toEqual([]);
    expect((await h.as('admin', 'GET', PATH)).body.source).toBe('built-in');
  });

  it('takes English headers in any order and workday/make-up kinds', async () => {
    const res = await upload(
      'days.csv',
      'kind,date,name\nholiday,2027-05-01,Labour Day\nmake-up,2027-05-08,Make-up\n',
    );
    expect(res.status).toBe(200);
    expect(res.body.problems).toEqual([]);
    expect(res.body.calendar.makeUpDays['2027-05-08']).toBe('Make-up');
    expect(res.body.calendar.holidays['2027-05-01']).toBe('Labour Day');
  });

  it('previews an iCalendar file: each day of an all-day event is a holiday, a timed event is named', async () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//test//EN',
      'BEGIN:VEVENT',
      'UID:national-day-2027',
      'DTSTART;VALUE=DATE:20271001',
      'DTEND;VALUE=DATE:20271008',
      'SUMMARY:国庆节',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:meeting',
      'DTSTART:20271009T010000Z',
      'DTEND:20271009T020000Z',
      'SUMMARY:Team meeting',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:new-year',
      'DTSTART;VALUE=DATE:20280101',
      'SUMMARY:元旦',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const res = await upload('holidays.ics', ics, 'text/calendar');
    expect(res.status).toBe(200);
    expect(res.body.format).toBe('ics');
    expect(res.body.days).toBe(8);
    const added = Object.entries(res.body.calendar.holidays as Record<string, string>).filter(
      ([, name]) => name === '国庆节',
    );
    expect(added.map(([date]) => date)).toEqual([
      '2027-10-01',
      '2027-10-02',
      '2027-10-03',
      '2027-10-04',
      '2027-10-05',
      '2027-10-06',
      '2027-10-07',
    ]);
    expect(res.body.calendar.holidays['2028-01-01']).toBe('元旦');
    expect(res.body.problems).toEqual([expect.objectContaining({ line: 10, code: 'not-all-day' })]);
  });

  it('refuses a file it cannot read at all, saying why', async () => {
    const refused = async (name: string, content: string | Uint8Array<ArrayBuffer>, code: string) => {
      const res = await upload(name, content);
      expect(res.status, name).toBe(400);
      expect(res.body.issues, name).toEqual([expect.objectContaining({ path: 'body.file', code })]);
    };
    await refused('empty.csv', '', 'empty-file');
    await refused('big.csv', `date,name,kind\n${'2027-01-01,元旦,节假日\n'.repeat(10_000)}`, 'file-too-big');
    // 日期 in GBK, as a spreadsheet saves "CSV" on a Chinese Windows.
    await refused('gbk.csv', new Uint8Array([0xc8, 0xd5, 0xc6, 0xda, 0x2c, 0x0a]), 'not-utf8');
    await refused('photo.png', 'hello', 'unknown-file-type');
    await refused('nohead.csv', '2027-01-01,元旦,节假日\n', 'missing-columns');
    await refused('quote.csv', 'date,name,kind\n2027-01-01,"元旦,节假日\n', 'unreadable-file');
    const noFile = await h.app.request(`${PATH}/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${h.tokens.admin}` },
      body: new FormData(),
    });
    expect(noFile.status).toBe(400);
  });

  it('saves a calendar, audited and versioned; an earlier version comes back on restore', async () => {
    const first = await h.as('admin', 'PUT', PATH, {
      holidays: { '2027-01-01': ' 元旦 ' },
      makeUpDays: { '2027-02-06': '春节调休' },
    });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      name: 'cn',
      source: 'console',
      holidays: { '2027-01-01': '元旦' },
      makeUpDays: { '2027-02-06': '春节调休' },
    });
    const second = await h.as('admin', 'PUT', PATH, { holidays: { '2027-05-01': '劳动节' }, makeUpDays: {} });
    expect(second.status).toBe(200);
    const audit = (await h.store.audit.byActor('admin')).items.filter((e) => e.action === 'calendar.replace');
    expect(audit.map((e) => e.detail)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          before: 'default',
          after: expect.objectContaining({ holidays: { '2027-01-01': '元旦' } }),
        }),
        expect.objectContaining({
          before: expect.objectContaining({ holidays: { '2027-01-01': '元旦' } }),
          after: expect.objectContaining({ holidays: { '2027-05-01': '劳动节' } }),
        }),
      ]),
    );
    const history = await h.as('admin', 'GET', '/api/admin/settings/calendar:cn/history');
    expect(history.status).toBe(200);
    expect(history.body.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const restored = await h.as('admin', 'POST', '/api/admin/settings/calendar:cn/restore', { version: 1 });
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ version: 3, restoredFrom: 1 });
    expect((await h.as('admin', 'GET', PATH)).body.holidays).toEqual({ '2027-01-01': '元旦' });
    expect(
      (await h.store.audit.byActor('admin')).items.find((e) => e.action === 'calendar.replace.restore'),
    ).toMatchObject({
      target: 'calendar:cn',
      detail: { restoredFrom: 1 },
    });
  });
});
