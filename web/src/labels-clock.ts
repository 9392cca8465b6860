// Labels of the center's clock on the caller phone page, in Chinese and English.
import type { Labels } from './lang.js';

export const CLOCK_LABELS = {
  centerTime: { zh: '中心时间', en: 'Center time' },
  clockMode_system: { zh: '系统时钟', en: 'system clock' },
  clockMode_running: { zh: '模拟时钟，运行中', en: 'simulated clock, running' },
  clockMode_manual: { zh: '模拟时钟，已停住', en: 'simulated clock, stopped' },
  clockFixed: {
    zh: '以 SIM_CLOCK 启动本地环境即可调整时间。',
    en: 'Start the local stack with SIM_CLOCK to change the time.',
  },
  clockSetTo: { zh: '把时间调到', en: 'Set the time to' },
  clockSet: { zh: '调整', en: 'Set' },
  clockSkip_1m: { zh: '+1 分钟', en: '+1 min' },
  clockSkip_10m: { zh: '+10 分钟', en: '+10 min' },
  clockSkip_1h: { zh: '+1 小时', en: '+1 h' },
  clockNoPast: {
    zh: '时间只能向前调：已经安排的事不能倒退。',
    en: 'The clock only moves forward: what is scheduled cannot run backwards.',
  },
} as const satisfies Labels;
