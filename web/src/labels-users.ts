// Labels of the admins' Users page, in Chinese and English.
import type { Labels } from './lang.js';

export const USER_LABELS = {
  users: { zh: '用户管理', en: 'Users' },
  adminsOnly: { zh: '仅管理员可以管理用户。', en: 'Only admins can manage users.' },
  usersHint: {
    zh: '座席、班长和管理员；有座席角色的用户保存后立即可以接听电话',
    en: 'Agents, supervisors and admins; users with the agent role can take calls as soon as they are saved',
  },
  filterUsers: { zh: '按工号或姓名筛选', en: 'Filter by ID or name' },
  loadMore: { zh: '加载更多', en: 'Load more' },
  userId: { zh: '工号', en: 'ID' },
  userName: { zh: '姓名', en: 'Name' },
  regions: { zh: '区域', en: 'Regions' },
  disabled: { zh: '已停用', en: 'Disabled' },
  disabledMark: { zh: '停用', en: 'disabled' },
  userDisabled: { zh: '停用此用户（不能登录、不再接听）', en: 'Disable this user (no sign-in, no calls)' },
  edit: { zh: '编辑', en: 'Edit' },
  newUser: { zh: '新建用户', en: 'New user' },
  createUser: { zh: '创建用户', en: 'Create user' },
  initialPassword: { zh: '初始密码', en: 'Initial password' },
  generate: { zh: '生成', en: 'Generate' },
  handOver: {
    zh: '请把此密码交给用户，用户登录后在“我的账户”中修改。它不会再次显示。',
    en: 'Hand this password to the user, who changes it under My account. It is not shown again.',
  },
  userCreated: { zh: '已创建用户', en: 'Created user' },
  editUser: { zh: '编辑用户', en: 'Edit user' },
  saveUser: { zh: '保存修改', en: 'Save changes' },
  userSaved: { zh: '已保存', en: 'Saved' },
  nothingChanged: { zh: '没有修改', en: 'Nothing changed' },
  close: { zh: '关闭', en: 'Close' },
  userChangedElsewhere: {
    zh: '该用户已被他人修改，已载入最新内容',
    en: 'Someone else changed this user; the latest is loaded',
  },
  resetPassword: { zh: '重置密码', en: 'Reset password' },
  resetPasswordHint: {
    zh: '重置后该用户的所有会话都会退出',
    en: "The user's sessions end when the password is reset",
  },
  passwordReset: { zh: '密码已重置，新密码：', en: 'Password reset. The new password:' },
  role_agent: { zh: '座席', en: 'agent' },
  role_supervisor: { zh: '班长', en: 'supervisor' },
  role_admin: { zh: '管理员', en: 'admin' },
  lang_zh: { zh: '中文', en: 'Chinese' },
  lang_en: { zh: '英文', en: 'English' },
} as const satisfies Labels;
