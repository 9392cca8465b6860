// The admin console's home: one section per thing admins keep (users, the caller lists, the holiday
// calendar, queues, wrap-up, the voice prompts, forwarding, the SMS templates, the API keys), each saying what it is
// for and linking to where it is kept.
import { useAdminText } from '../admin/use-admin-text.js';
import type { Me } from '../api.js';
import type { AdminLabel } from '../labels-admin.js';
import { Link } from '../link.js';
import '../admin/admin.css';

const SECTIONS: readonly { to: string; title: AdminLabel; hint: AdminLabel; id: string }[] = [
  { id: 'users', to: '/admin/users', title: 'usersSection', hint: 'usersSectionHint' },
  { id: 'whitelist', to: '/supervisor', title: 'whitelistSection', hint: 'whitelistSectionHint' },
  { id: 'calendar', to: '/admin/calendar', title: 'calendarSection', hint: 'calendarSectionHint' },
  { id: 'queues', to: '/admin/queues', title: 'queuesSection', hint: 'queuesSectionHint' },
  { id: 'wrap-up', to: '/admin/wrap-up', title: 'wrapUpSection', hint: 'wrapUpSectionHint' },
  { id: 'prompts', to: '/admin/prompts', title: 'promptsSection', hint: 'promptsSectionHint' },
  { id: 'surveys', to: '/surveys', title: 'surveysSection', hint: 'surveysSectionHint' },
  { id: 'forwarding', to: '/admin/forwarding', title: 'forwardingSection', hint: 'forwardingSectionHint' },
  {
    id: 'sms-templates',
    to: '/admin/sms-templates',
    title: 'templatesSection',
    hint: 'templatesSectionHint',
  },
  { id: 'api-keys', to: '/admin/api-keys', title: 'apiKeysSection', hint: 'apiKeysSectionHint' },
];

export function AdminPage({ me }: { me: Me }) {
  const a = useAdminText();
  if (!me.roles.includes('admin'))
    return (
      <p className="notice" data-testid="admins-only">
        {a('adminOnly')}
      </p>
    );
  return (
    <div>
      <h1>{a('adminConsole')}</h1>
      <p className="muted">{a('adminConsoleHint')}</p>
      <div className="admin-sections">
        {SECTIONS.map((s) => (
          <section className="card" key={s.id} data-testid={`admin-section-${s.id}`}>
            <h2>{a(s.title)}</h2>
            <p className="muted small">{a(s.hint)}</p>
            <Link to={s.to}>{a('open')} →</Link>
          </section>
        ))}
      </div>
    </div>
  );
}
