// The holiday calendar (admins): a year of month grids with holidays and make-up working days, a day added
// or removed (the whole calendar saved, checked by the server), a CSV or iCalendar import previewed and
// confirmed, and the versions with a restore. Saved changes reach callers within seconds.
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { AdminsOnly } from '../admin/admins-only.js';
import {
  type CalendarView,
  calendarApi,
  type DayKind,
  type HolidayCalendar,
  withDay,
} from '../admin/calendar-api.js';
import { CalendarImportBox } from '../admin/calendar-import-box.js';
import { YearGrid } from '../admin/month-grid.js';
import { SettingHistoryBox } from '../admin/setting-history-box.js';
import { useAdminText } from '../admin/use-admin-text.js';
import type { Me } from '../api.js';
import { issuesOf, issueText, useErrorText } from '../errors.js';
import { useLang } from '../i18n.js';
import '../admin/admin.css';
import { SaveStatus } from '../save-status.js';

/** The calendar flows name for the center's lines (flows/calendar.ts). */
const CALENDAR = 'cn';

export function AdminCalendarPage({ me }: { me: Me }) {
  return (
    <AdminsOnly me={me}>
      <CalendarAdmin />
    </AdminsOnly>
  );
}

function CalendarAdmin() {
  const a = useAdminText();
  const { lang } = useLang();
  const { errorText } = useErrorText();
  const [calendar, setCalendar] = useState<CalendarView>();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [form, setForm] = useState({ date: '', name: '', kind: 'holiday' as DayKind });
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  const [changes, setChanges] = useState(0);

  const load = useCallback(async () => {
    try {
      setCalendar(await calendarApi.get(CALENDAR));
    } catch (err) {
      setStatus({ ok: false, text: errorText(err) });
    }
  }, [errorText]);
  useEffect(() => {
    void load();
  }, [load]);

  // A refused day is named by its date, which the generic field message would leave out.
  const refusal = (err: unknown) => {
    const issues = issuesOf(err);
    if (issues.length === 0) return errorText(err);
    return issues
      .map((i) => `${i.path.split('.').slice(2).join('.') || i.path}: ${issueText(i, lang)}`)
      .join('; ');
  };
  const save = async (next: HolidayCalendar): Promise<boolean> => {
    try {
      setCalendar(await calendarApi.replace(CALENDAR, next));
      setStatus({ ok: true, text: a('saved') });
      setChanges((n) => n + 1);
      return true;
    } catch (err) {
      setStatus({ ok: false, text: refusal(err) });
      return false;
    }
  };
  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (!calendar) return;
    if (await save(withDay(calendar, form.date, form.name, form.kind))) setForm({ ...form, name: '' });
  };
  const pick = (date: string) => {
    setForm({ ...form, date });
    setYear(Number(date.slice(0, 4)));
  };

  const inYear = (days: Readonly<Record<string, string>>, kind: DayKind) =>
    Object.entries(days)
      .filter(([date]) => date.startsWith(`${year}-`))
      .map(([date, name]) => ({ date, name, kind }));
  const days = calendar
    ? [...inYear(calendar.holidays, 'holiday'), ...inYear(calendar.makeUpDays, 'workday')].sort((x, y) =>
        x.date.localeCompare(y.date),
      )
    : [];

  // A year ahead with no holidays at all is a year nobody has entered yet: the lines would stay open on
  // Spring Festival. Said until someone adds them.
  const nextYear = new Date().getFullYear() + 1;
  const nextYearEmpty =
    calendar !== undefined && !Object.keys(calendar.holidays).some((d) => d.startsWith(`${nextYear}-`));

  return (
    <div className="calendar-page">
      {nextYearEmpty && (
        <p className="warn" role="status" data-testid="next-year-empty">
          {nextYear} {a('nextYearEmpty')}
        </p>
      )}
      <section className="card" data-testid="calendar">
        <div className="card-head">
          <h1>{a('calendarTitle')}</h1>
          <span className="muted small" data-testid="calendar-source">
            {calendar && a(calendar.source === 'console' ? 'sourceConsole' : 'sourceBuiltIn')}
          </span>
        </div>
        <p className="muted small legend">
          <span className="holiday">■ {a('holiday')}</span> <span className="workday">■ {a('workday')}</span>{' '}
          · {a('calendarHelp')}
        </p>
        <div className="row">
          <button type="button" className="secondary" onClick={() => setYear(year - 1)}>
            ‹ {a('previousYear')}
          </button>
          <strong data-testid="calendar-year">{year}</strong>
          <button type="button" className="secondary" onClick={() => setYear(year + 1)}>
            {a('nextYear')} ›
          </button>
        </div>
        {calendar && <YearGrid year={year} calendar={calendar} selected={form.date} onPick={pick} />}
      </section>
      <div>
        <section className="card" data-testid="calendar-edit">
          <form className="row" onSubmit={(e) => void add(e)} data-testid="add-day">
            <label className="inline">
              {a('date')}{' '}
              <input
                type="date"
                name="date"
                required
                value={form.date}
                onChange={(e) => pick(e.target.value)}
              />
            </label>
            <label className="inline">
              {a('dayName')}{' '}
              <input
                name="name"
                required
                maxLength={60}
                value={form.name}
                onChange={(e) => setForm({ ...form, name: e.target.value })}
              />
            </label>
            <label className="inline">
              {a('kind')}{' '}
              <select
                name="kind"
                value={form.kind}
                onChange={(e) => setForm({ ...form, kind: e.target.value as DayKind })}
              >
                <option value="holiday">{a('holiday')}</option>
                <option value="workday">{a('workday')}</option>
              </select>
            </label>
            <button type="submit" disabled={!calendar}>
              {a('addDay')}
            </button>
          </form>
          <SaveStatus status={status} testId="calendar-status" />
          <h2>
            {a('daysOfYear')} ({days.length})
          </h2>
          {days.length === 0 && <p className="muted">{a('noDays')}</p>}
          <table className="day-list">
            <tbody>
              {days.map((d) => (
                <tr key={d.date} data-testid={`listed-${d.date}`}>
                  <td>{d.date}</td>
                  <td className={d.kind}>{d.kind === 'holiday' ? a('holiday') : a('workday')}</td>
                  <td>{d.name}</td>
                  <td>
                    <button
                      type="button"
                      className="link"
                      onClick={() => calendar && void save(withDay(calendar, d.date, d.name))}
                    >
                      {a('removeDay')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <CalendarImportBox name={CALENDAR} onConfirm={save} />
        <SettingHistoryBox<HolidayCalendar>
          setting={`calendar:${CALENDAR}`}
          testId="calendar-history"
          summary={(value) =>
            value
              ? a('daysCount', {
                  holidays: Object.keys(value.holidays).length,
                  workdays: Object.keys(value.makeUpDays).length,
                })
              : a('builtIn')
          }
          changes={changes}
          onRestored={(version) => {
            setStatus({ ok: true, text: a('restored', { version }) });
            setChanges((n) => n + 1);
            void load();
          }}
        />
      </div>
    </div>
  );
}
