// A year of the holiday calendar as twelve month grids (weeks start on Monday, as in China): holidays and
// make-up working days marked and named on hover; picking a day hands its date to the add form.
import type { HolidayCalendar } from './calendar-api.js';
import { useAdminText } from './use-admin-text.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** The month's cells, Monday first: null before the 1st so the days fall under their weekday. */
function monthCells(year: number, month: number): { key: string; date: string | null }[] {
  const first = new Date(Date.UTC(year, month, 1)).getUTCDay(); // 0 Sunday
  const blanks = (first + 6) % 7;
  const length = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return [
    ...Array.from({ length: blanks }, (_, i) => ({ key: `blank-${i}`, date: null })),
    ...Array.from({ length }, (_, i) => {
      const date = `${year}-${pad(month + 1)}-${pad(i + 1)}`;
      return { key: date, date };
    }),
  ];
}

export function YearGrid({
  year,
  calendar,
  selected,
  onPick,
}: {
  year: number;
  calendar: HolidayCalendar;
  selected?: string;
  onPick: (date: string) => void;
}) {
  const a = useAdminText();
  const months = a('months').split(',');
  const weekdays = a('weekdays').split(',');
  return (
    <div className="year-grid" data-testid="year-grid">
      {months.map((title, month) => (
        <div className="month" key={title}>
          <h3>{title}</h3>
          <div className="month-days">
            {weekdays.map((d) => (
              <span key={d} className="weekday muted small">
                {d}
              </span>
            ))}
            {monthCells(year, month).map(({ key, date }, i) => {
              if (!date) return <span key={key} />;
              const holiday = calendar.holidays[date];
              const workday = calendar.makeUpDays[date];
              const weekend = i % 7 >= 5;
              const kind = holiday ? 'holiday' : workday ? 'workday' : weekend ? 'weekend' : 'plain';
              return (
                <button
                  type="button"
                  key={date}
                  className={`day ${kind}${selected === date ? ' selected' : ''}`}
                  data-testid={`day-${date}`}
                  data-kind={kind}
                  title={holiday ?? workday ?? date}
                  onClick={() => onPick(date)}
                >
                  {Number(date.slice(8))}
                </button>
              );
            })}
          </div>
        </div>
      ))}
    </div>
  );
}
