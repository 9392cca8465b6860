// Labels of the admin console (its home and the holiday calendar), in Chinese and English.
import type { Labels } from './lang.js';

export const ADMIN_LABELS = {
  admin: { zh: '管理', en: 'Admin' },
  adminConsole: { zh: '管理控制台', en: 'Admin console' },
  adminConsoleHint: {
    zh: '中心每周可能调整的设置：改动即时生效，均有审计记录。',
    en: 'What the center changes from week to week: changes apply at once and are audited.',
  },
  adminOnly: { zh: '仅管理员可以使用管理控制台。', en: 'Only admins can use the admin console.' },
  usersSection: { zh: '用户与权限', en: 'Users and roles' },
  usersSectionHint: {
    zh: '创建座席、班长和管理员，设置技能与语言，重置密码。',
    en: 'Create agents, supervisors and admins, set skills and languages, reset passwords.',
  },
  whitelistSection: { zh: '白名单与黑名单', en: 'Whitelist and blacklist' },
  whitelistSectionHint: {
    zh: '在班长监控台维护：白名单号码不受拦截，黑名单申请在此审批。',
    en: 'Kept on the supervisor console: whitelisted numbers are never blocked; blacklist requests are decided there.',
  },
  calendarSection: { zh: '节假日与调休', en: 'Holidays and make-up days' },
  calendarSectionHint: {
    zh: '法定节假日热线休息，调休上班日按工作日时间开放。',
    en: 'Public holidays close the lines; make-up working days (调休) open them with weekday hours.',
  },
  promptsSection: { zh: '语音提示', en: 'Voice prompts' },
  promptsSectionHint: {
    zh: '修改来电者听到的欢迎语与提示语。',
    en: 'Change the greetings and prompts callers hear.',
  },
  surveysSection: { zh: '满意度调查', en: 'Surveys' },
  surveysSectionHint: {
    zh: '设计问卷，选择各热线在通话后用按键还是短信调查，查看结果。',
    en: 'Design questionnaires, choose whether each hotline asks by keypad or SMS after a call, read the results.',
  },
  open: { zh: '打开', en: 'Open' },
  calendarTitle: { zh: '节假日日历', en: 'Holiday calendar' },
  calendarHelp: {
    zh: '红色为节假日（热线休息），蓝色为调休上班日（周末按工作日开放）。保存后几秒内对来电生效。',
    en: 'Red: holidays (lines closed). Blue: make-up working days (weekends open with weekday hours). Saved changes reach callers within seconds.',
  },
  sourceBuiltIn: { zh: '当前使用内置日历', en: 'The built-in calendar is in force' },
  sourceConsole: { zh: '当前使用控制台保存的日历', en: 'The calendar saved on the console is in force' },
  previousYear: { zh: '上一年', en: 'Previous year' },
  nextYear: { zh: '下一年', en: 'Next year' },
  holiday: { zh: '节假日', en: 'Holiday' },
  workday: { zh: '调休上班', en: 'Make-up working day' },
  date: { zh: '日期', en: 'Date' },
  dayName: { zh: '名称', en: 'Name' },
  kind: { zh: '类型', en: 'Kind' },
  addDay: { zh: '添加', en: 'Add' },
  removeDay: { zh: '删除', en: 'Remove' },
  saved: { zh: '已保存。', en: 'Saved.' },
  daysOfYear: { zh: '本年日期', en: 'Days this year' },
  noDays: { zh: '本年没有节假日或调休。', en: 'No holidays or make-up days this year.' },
  importTitle: { zh: '导入 CSV 或 iCalendar', en: 'Import CSV or iCalendar' },
  importHelp: {
    zh: 'CSV 列为 日期,名称,类型（节假日/调休），或 date,name,kind（holiday/workday）；.ics 中的全天事件按节假日导入。先预览，确认后才保存。',
    en: 'CSV columns date,name,kind (holiday/workday), or 日期,名称,类型 (节假日/调休); all-day events of an .ics file become holidays. You preview first; nothing is saved until you confirm.',
  },
  chooseFile: { zh: '选择文件', en: 'Choose file' },
  preview: { zh: '预览', en: 'Preview' },
  previewSummary: {
    zh: '文件中 {days} 天可导入，{bad} 行无法导入。',
    en: '{days} days can be imported from the file; {bad} rows cannot.',
  },
  line: { zh: '第 {line} 行', en: 'Line {line}' },
  confirmImport: { zh: '确认导入并保存', en: 'Confirm and save' },
  cancel: { zh: '取消', en: 'Cancel' },
  history: { zh: '修改历史', en: 'History' },
  noHistory: { zh: '尚无修改记录：使用内置设置。', en: 'No changes yet: the built-in setting is in force.' },
  version: { zh: '版本', en: 'Version' },
  by: { zh: '修改人', en: 'By' },
  at: { zh: '时间', en: 'When' },
  daysCount: {
    zh: '{holidays} 个节假日，{workdays} 个调休日',
    en: '{holidays} holidays, {workdays} make-up days',
  },
  builtIn: { zh: '内置日历', en: 'built-in calendar' },
  restoredFrom: { zh: '恢复自版本 {version}', en: 'restored from version {version}' },
  restore: { zh: '恢复', en: 'Restore' },
  restored: { zh: '已恢复版本 {version}。', en: 'Version {version} restored.' },
  'problem_invalid-date': { zh: '日期无效（应为 YYYY-MM-DD）', en: 'not a real date (YYYY-MM-DD)' },
  'problem_name-length': { zh: '名称须为 1 到 60 个字', en: 'needs a name of 1 to 60 characters' },
  'problem_invalid-kind': {
    zh: '类型无效：应为 节假日 或 调休',
    en: 'unknown kind: holiday or workday',
  },
  'problem_both-kinds': {
    zh: '该日期在文件中已作为另一类型出现',
    en: 'the date is in the file already as the other kind',
  },
  'problem_not-all-day': { zh: '不是全天事件', en: 'not an all-day event' },
  problem_recurring: {
    zh: '重复事件无法导入，请逐年列出',
    en: 'repeating events are not imported: list each year',
  },
  'problem_too-long': { zh: '事件超过 31 天，不是节假日', en: 'lasts over 31 days: not a holiday' },
  months: {
    zh: '1月,2月,3月,4月,5月,6月,7月,8月,9月,10月,11月,12月',
    en: 'January,February,March,April,May,June,July,August,September,October,November,December',
  },
  weekdays: { zh: '一,二,三,四,五,六,日', en: 'Mo,Tu,We,Th,Fr,Sa,Su' },
} as const satisfies Labels;

export type AdminLabel = keyof typeof ADMIN_LABELS;
