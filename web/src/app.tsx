// The shell: who is signed in (from the session cookie), the header, and which page the path shows.
import { lazy, type ReactNode, Suspense, useEffect, useState } from 'react';
import { api, type Me } from './api.js';
import { signedInUser } from './center-zone.js';
import { DeskProvider } from './desk/desk-provider.js';
import { LangProvider, useLang } from './i18n.js';
import { ADMIN_LABELS } from './labels-admin.js';
import { BULK_SMS_LABELS } from './labels-bulk-sms.js';
import { CAMPAIGN_LABELS } from './labels-campaigns.js';
import { KB_LABELS } from './labels-kb.js';
import { PLANNING_LABELS } from './labels-planning.js';
import { QUALITY_LABELS } from './labels-quality.js';
import { REPORTS_LABELS } from './labels-reports.js';
import { SURVEY_LABELS } from './labels-surveys.js';
import { Link } from './link.js';
import { AccountPage } from './pages/account-page.js';
import { AgentPage } from './pages/agent-page.js';
import { CustomerPage } from './pages/customer-page.js';
import { LoginPage } from './pages/login-page.js';
import { PhonePage } from './pages/phone-page.js';
import { SupervisorPage } from './pages/supervisor-page.js';
import { UsersPage } from './pages/users-page.js';
import { matchRoute, navigate, usePath } from './router.js';

// Planning and reports carry the charting library: only supervisors who open them download it.
const PlanningPage = lazy(() =>
  import('./pages/planning-page.js').then((m) => ({ default: m.PlanningPage })),
);
// The knowledge base is read now and then, not on every call: its page loads when opened.
const KbPage = lazy(() => import('./pages/kb-page.js').then((m) => ({ default: m.KbPage })));
// Quality scoring is a supervisor's occasional workspace: it loads when opened.
const QualityPage = lazy(() => import('./pages/quality-page.js').then((m) => ({ default: m.QualityPage })));
// Campaigns are a supervisor's occasional workspace: the page loads when opened.
const CampaignsPage = lazy(() =>
  import('./pages/campaigns-page.js').then((m) => ({ default: m.CampaignsPage })),
);
const ReportsPage = lazy(() => import('./pages/reports-page.js').then((m) => ({ default: m.ReportsPage })));
// Bulk SMS is a supervisor's occasional campaign work: the page loads when opened.
const BulkSmsPage = lazy(() => import('./pages/bulk-sms-page.js').then((m) => ({ default: m.BulkSmsPage })));
const SurveysPage = lazy(() => import('./pages/surveys-page.js').then((m) => ({ default: m.SurveysPage })));
// The tickets pages are a workspace of their own, loaded when first opened.
const TicketsPage = lazy(() => import('./pages/tickets-page.js').then((m) => ({ default: m.TicketsPage })));
const TicketPage = lazy(() => import('./pages/ticket-page.js').then((m) => ({ default: m.TicketPage })));
// The admin console is opened by few, and rarely: its pages load when first opened.
const AdminPage = lazy(() => import('./pages/admin-page.js').then((m) => ({ default: m.AdminPage })));
const AdminCalendarPage = lazy(() =>
  import('./pages/admin-calendar-page.js').then((m) => ({ default: m.AdminCalendarPage })),
);
const ApiKeysPage = lazy(() => import('./admin/api-keys-page.js').then((m) => ({ default: m.ApiKeysPage })));
const AdminForwardingPage = lazy(() =>
  import('./pages/admin-forwarding-page.js').then((m) => ({ default: m.AdminForwardingPage })),
);
const AdminSmsTemplatesPage = lazy(() =>
  import('./pages/admin-sms-templates-page.js').then((m) => ({ default: m.AdminSmsTemplatesPage })),
);
const AdminQueuesPage = lazy(() =>
  import('./pages/admin-queues-page.js').then((m) => ({ default: m.AdminQueuesPage })),
);
const AdminWrapUpPage = lazy(() =>
  import('./pages/admin-wrap-up-page.js').then((m) => ({ default: m.AdminWrapUpPage })),
);
// Recorded prompts are an admin's occasional work: the page loads when opened.
const PromptsPage = lazy(() => import('./pages/prompts-page.js').then((m) => ({ default: m.PromptsPage })));

type Session = { state: 'checking' } | { state: 'signed-out' } | { state: 'signed-in'; me: Me };

export function App() {
  return (
    <LangProvider>
      <Shell />
    </LangProvider>
  );
}

/** Where a sign-in lands: the desk for agents, else the console the account is for. */
function landingOf(me: Me): string {
  if (me.roles.includes('agent')) return '/agent';
  if (me.roles.includes('supervisor')) return '/supervisor';
  if (me.roles.includes('admin')) return '/admin';
  return '/agent';
}

function Shell() {
  const { t } = useLang();
  const path = usePath();
  const route = matchRoute(path);
  const [session, setSession] = useState<Session>({ state: 'checking' });

  useEffect(() => {
    signedInUser().then(
      ({ user }) => setSession({ state: 'signed-in', me: user }),
      () => setSession({ state: 'signed-out' }),
    );
  }, []);

  const signedIn = session.state === 'signed-in' ? session.me : undefined;
  // The caller phone stands for a customer's handset, so it needs no staff login.
  const needsLogin = route.page !== 'phone' && route.page !== 'not-found';

  useEffect(() => {
    if (route.page === 'home') navigate(signedIn ? landingOf(signedIn) : '/login', true);
    else if (route.page === 'login' && signedIn) navigate(landingOf(signedIn), true);
  }, [route.page, signedIn]);

  let body: ReactNode;
  if (session.state === 'checking') body = <p className="muted">{t('loading')}</p>;
  else if (!signedIn && needsLogin)
    body = (
      <LoginPage
        onSignedIn={(me) => {
          // The center's zone and clock, now that the session lets us ask, before the first page counts
          // its "today" from them.
          void signedInUser()
            .catch(() => undefined)
            .then(() => setSession({ state: 'signed-in', me }));
        }}
      />
    );
  else if (route.page === 'phone') body = <PhonePage />;
  else if (route.page === 'not-found') body = <p>{t('notFound')}</p>;
  else if (!signedIn) body = null;
  else if (route.page === 'customer') body = <CustomerPage id={route.id} me={signedIn} />;
  else if (route.page === 'supervisor') body = <SupervisorPage me={signedIn} />;
  else if (route.page === 'planning')
    body = (
      <Suspense fallback={<p className="muted">{t('loading')}</p>}>
        <PlanningPage me={signedIn} />
      </Suspense>
    );
  else if (route.page === 'reports')
    body = (
      <Suspense fallback={<p className="muted">{t('loading')}</p>}>
        <ReportsPage me={signedIn} />
      </Suspense>
    );
  else if (route.page === 'bulk-sms')
    body = (
      <Suspense fallback={<p className="muted">{t('loading')}</p>}>
        <BulkSmsPage me={signedIn} />
      </Suspense>
    );
  else if (route.page === 'quality')
    body = (
      <Suspense fallback={<p className="muted">{t('loading')}</p>}>
        <QualityPage me={signedIn} />
      </Suspense>
    );
  else if (route.page === 'campaigns')
    body = (
      <Suspense fallback={<p className="muted">{t('loading')}</p>}>
        <CampaignsPage me={signedIn} />
      </Suspense>
    );
  else if (route.page === 'tickets')
    body = (
      <Suspense fallback={<p className="muted">{t('loading')}</p>}>
        <TicketsPage me={signedIn} />
      </Suspense>
    );
  else if (route.page === 'ticket')
    body = (
      <Suspense fallback={<p className="muted">{t('loading')}</p>}>
        <TicketPage key={route.number} me={signedIn} number={route.number} />
      </Suspense>
    );
  else if (route.page === 'account') body = <AccountPage me={signedIn} />;
  else if (route.page === 'users') body = <UsersPage me={signedIn} />;
  else if (route.page === 'admin')
    body = (
      <Suspense fallback={<p className="muted">{t('loading')}</p>}>
        <AdminPage me={signedIn} />
      </Suspense>
    );
  else if (route.page === 'admin-calendar')
    body = (
      <Suspense fallback={<p className="muted">{t('loading')}</p>}>
        <AdminCalendarPage me={signedIn} />
      </Suspense>
    );
  else if (route.page === 'admin-api-keys')
    body = (
      <Suspense fallback={<p className="muted">{t('loading')}</p>}>
        <ApiKeysPage me={signedIn} />
      </Suspense>
    );
  else if (route.page === 'admin-forwarding')
    body = (
      <Suspense fallback={<p className="muted">{t('loading')}</p>}>
        <AdminForwardingPage me={signedIn} />
      </Suspense>
    );
  else if (route.page === 'admin-sms-templates')
    body = (
      <Suspense fallback={<p className="muted">{t('loading')}</p>}>
        <AdminSmsTemplatesPage me={signedIn} />
      </Suspense>
    );
  else if (route.page === 'admin-queues')
    body = (
      <Suspense fallback={<p className="muted">{t('loading')}</p>}>
        <AdminQueuesPage me={signedIn} />
      </Suspense>
    );
  else if (route.page === 'admin-wrap-up')
    body = (
      <Suspense fallback={<p className="muted">{t('loading')}</p>}>
        <AdminWrapUpPage me={signedIn} />
      </Suspense>
    );
  else if (route.page === 'surveys')
    body = (
      <Suspense fallback={<p className="muted">{t('loading')}</p>}>
        <SurveysPage me={signedIn} />
      </Suspense>
    );
  else if (route.page === 'prompts')
    body = (
      <Suspense fallback={<p className="muted">{t('loading')}</p>}>
        <PromptsPage me={signedIn} />
      </Suspense>
    );
  else if (route.page === 'kb')
    body = (
      <Suspense fallback={<p className="muted">{t('loading')}</p>}>
        <KbPage me={signedIn} {...(route.id ? { id: route.id } : {})} />
      </Suspense>
    );
  else body = <AgentPage me={signedIn} />;

  // The desk lives as long as the agent's session, not the /agent page: moving between pages keeps the
  // phone link and the call. The supervisor console has a softphone of its own.
  // Only agents have a TaskRouter worker to take calls with.
  const deskOn = !!signedIn && route.page !== 'supervisor' && signedIn.roles.includes('agent');
  return (
    <DeskProvider enabled={deskOn}>
      <Header me={signedIn} onSignedOut={() => setSession({ state: 'signed-out' })} />
      <main>{body}</main>
    </DeskProvider>
  );
}

function Header({ me, onSignedOut }: { me: Me | undefined; onSignedOut: () => void }) {
  const { t, lang, setLang } = useLang();
  const signOut = () => api.logout().finally(onSignedOut);
  return (
    <header>
      <strong>{t('appName')}</strong>
      <nav>
        <Link to="/agent">{t('agentDesktop')}</Link>
        <Link to="/supervisor">{t('supervisorConsole')}</Link>
        {me && (
          <Link to="/tickets" data-testid="tickets-link">
            {t('tickets')}
          </Link>
        )}
        {me && (me.roles.includes('supervisor') || me.roles.includes('admin')) && (
          <Link to="/planning" data-testid="planning-link">
            {PLANNING_LABELS.planning[lang]}
          </Link>
        )}
        {me && (me.roles.includes('supervisor') || me.roles.includes('admin')) && (
          <Link to="/reports" data-testid="reports-link">
            {REPORTS_LABELS.reports[lang]}
          </Link>
        )}
        {me && (me.roles.includes('supervisor') || me.roles.includes('admin')) && (
          <Link to="/surveys" data-testid="surveys-link">
            {SURVEY_LABELS.surveys[lang]}
          </Link>
        )}
        {me && (me.roles.includes('supervisor') || me.roles.includes('admin')) && (
          <Link to="/campaigns" data-testid="campaigns-link">
            {CAMPAIGN_LABELS.campaigns[lang]}
          </Link>
        )}
        {me && (me.roles.includes('supervisor') || me.roles.includes('admin')) && (
          <Link to="/bulk-sms" data-testid="bulk-sms-link">
            {BULK_SMS_LABELS.bulkSms[lang]}
          </Link>
        )}
        {me && (
          <Link to="/quality" data-testid="quality-link">
            {QUALITY_LABELS.quality[lang]}
          </Link>
        )}
        {me && (
          <Link to="/kb" data-testid="kb-link">
            {KB_LABELS.kb[lang]}
          </Link>
        )}
        <Link to="/phone">{t('callerPhone')}</Link>
        {me?.roles.includes('admin') && (
          <Link to="/admin/users" data-testid="users-link">
            {t('users')}
          </Link>
        )}
        {me?.roles.includes('admin') && (
          <Link to="/admin" data-testid="admin-link">
            {ADMIN_LABELS.admin[lang]}
          </Link>
        )}
      </nav>
      <span className="spacer" />
      <button type="button" className="link" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
        {lang === 'zh' ? 'English' : '中文'}
      </button>
      {me && (
        <>
          <Link to="/account" data-testid="whoami" title={t('myAccount')}>
            {me.name} ({me.id})
          </Link>
          <button type="button" onClick={signOut}>
            {t('signOut')}
          </button>
        </>
      )}
    </header>
  );
}
