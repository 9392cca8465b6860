// UI labels in Chinese and English; the choice is remembered in this browser.
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { CALLBACK_LABELS } from './labels-callbacks.js';
import { CLOCK_LABELS } from './labels-clock.js';
import { CODE_LABELS } from './labels-codes.js';
import { DESK_LABELS } from './labels-desk.js';
import { DIAL_LABELS } from './labels-dial.js';
import { ERROR_LABELS } from './labels-errors.js';
import { PHONE_LABELS } from './labels-phone.js';
import { TIMELINE_LABELS } from './labels-timeline.js';
import { TRANSFER_LABELS } from './labels-transfer.js';
import { USER_LABELS } from './labels-users.js';
import { VOICEMAIL_LABELS } from './labels-voicemail.js';
import { WHITELIST_LABELS } from './labels-whitelist.js';
import type { Labels, Lang } from './lang.js';

// Re-exported: the components take the language type from the module that gives them the labels.
export type { Lang } from './lang.js';

const LABELS = {
  appName: { zh: '呼叫中心', en: 'Contact Center' },
  signIn: { zh: '登录', en: 'Sign in' },
  signOut: { zh: '退出', en: 'Sign out' },
  agentId: { zh: '工号', en: 'Agent ID' },
  password: { zh: '密码', en: 'Password' },
  wrongCredentials: { zh: '工号或密码错误', en: 'Wrong ID or password' },
  demoHint: {
    zh: '演示账号见 README 或 npm start 的输出',
    en: 'Demo logins are in the README and in the npm start output',
  },
  signedInAs: { zh: '当前用户', en: 'Signed in as' },
  roles: { zh: '角色', en: 'Roles' },
  myAccount: { zh: '我的账户', en: 'My account' },
  changePassword: { zh: '修改密码', en: 'Change password' },
  currentPassword: { zh: '当前密码', en: 'Current password' },
  newPassword: { zh: '新密码', en: 'New password' },
  newPasswordAgain: { zh: '再次输入新密码', en: 'New password again' },
  passwordsDiffer: { zh: '两次输入的新密码不一致。', en: 'The two new passwords differ.' },
  passwordChanged: {
    zh: '密码已修改，其他会话已退出。',
    en: 'Password changed; your other sessions are signed out.',
  },
  skills: { zh: '技能', en: 'Skills' },
  skillLevels: {
    zh: '技能等级（1-5，同等条件下等级高的坐席先接）',
    en: 'Skill levels (1-5: the most proficient free agent gets the call first)',
  },
  languages: { zh: '语言', en: 'Languages' },
  extension: { zh: '分机', en: 'Extension' },
  agentDesktop: { zh: '座席工作台', en: 'Agent desktop' },
  supervisorConsole: { zh: '班长监控台', en: 'Supervisor console' },
  callerPhone: { zh: '模拟来电', en: 'Caller phone' },
  search: { zh: '搜索', en: 'Search' },
  searchHint: {
    zh: '姓名、电话、保单号、VIN、车牌、单号或客户标识号',
    en: 'Name, phone, policy number, VIN, plate, ticket number or customer ID code',
  },
  noResults: { zh: '没有找到客户', en: 'No customer found' },
  customer: { zh: '客户', en: 'Customer' },
  phones: { zh: '电话', en: 'Phones' },
  company: { zh: '单位', en: 'Company' },
  idCode: { zh: '客户标识号', en: 'Customer ID code' },
  vip: { zh: 'VIP 等级', en: 'VIP tier' },
  owner: { zh: '专属座席', en: 'Owner agent' },
  region: { zh: '区域', en: 'Region' },
  notes: { zh: '备注', en: 'Notes' },
  assets: { zh: '车辆与设备', en: 'Vehicles and devices' },
  policies: { zh: '延保保单', en: 'Warranty policies' },
  tickets: { zh: '工单', en: 'Tickets' },
  tasks: { zh: '待办', en: 'Tasks' },
  dealer: { zh: '经销商', en: 'Dealer' },
  none: { zh: '无', en: 'None' },
  back: { zh: '返回搜索', en: 'Back to search' },
  loading: { zh: '加载中…', en: 'Loading…' },
  notFound: { zh: '页面不存在', en: 'Page not found' },
  comingLater: { zh: '后续版本提供', en: 'Comes in a later issue' },
  agentLater: {
    zh: '来电弹屏、软电话、状态切换和话后处理将在后续版本加入。现在可以搜索客户并查看其资料。',
    en: 'Screen pop on incoming calls, the softphone, presence and wrap-up come in a later issue. For now you can search customers and open their records.',
  },
  supervisorLater: {
    zh: '实时队列、座席状态、监听/强插和报表将在后续版本加入。',
    en: 'Live queues, agent states, listen/barge and reports come in a later issue.',
  },
  phoneLater: {
    zh: '模拟来电（拨打热线、按键、说话）需要本地 Twilio 仿真，将在后续版本加入。演示热线：',
    en: 'Placing a simulated call (dial the hotline, press keys, speak) needs the local Twilio twin, which comes in a later issue. Demo hotline:',
  },
  needsSupervisor: { zh: '此页面需要班长或管理员角色', en: 'This page needs the supervisor or admin role' },
  ...DESK_LABELS,
  ...CALLBACK_LABELS,
  ...DIAL_LABELS,
  ...WHITELIST_LABELS,
  ...TRANSFER_LABELS,
  ...USER_LABELS,
  ...CLOCK_LABELS,
  ...VOICEMAIL_LABELS,
  ...TIMELINE_LABELS,
  ...ERROR_LABELS,
  ...CODE_LABELS,
  ...PHONE_LABELS,
} as const satisfies Labels;

export type LabelKey = keyof typeof LABELS;

const STORAGE_KEY = 'cc-lang';

function initialLang(): Lang {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'zh' || saved === 'en') return saved;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

const LangContext = createContext<{ lang: Lang; setLang: (lang: Lang) => void }>({
  lang: 'zh',
  setLang: () => {},
});

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = (next: Lang) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLangState(next);
  };
  // Screen readers and fonts pick the language from <html lang>.
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  return <LangContext.Provider value={{ lang, setLang }}>{children}</LangContext.Provider>;
}

/** A label by a key built at run time, or undefined when the catalogue has none. */
export function labelOf(key: string, lang: Lang): string | undefined {
  return (LABELS as Labels)[key]?.[lang];
}

export function useLang() {
  const { lang, setLang } = useContext(LangContext);
  const t = (key: LabelKey) => LABELS[key][lang];
  /** For keys built at run time (a state, a reason): falls back to the key itself. */
  const tx = (key: string) => (LABELS as Labels)[key]?.[lang] ?? key;
  return { lang, setLang, t, tx };
}
