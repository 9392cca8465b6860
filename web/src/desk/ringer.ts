// The ring: a WebAudio double tone (no sound file to load), the tab title blinking, and a system
// notification when the tab is hidden, so a call is not missed in a background tab (a missed ring in a background tab is a common complaint about hosted desks).

let context: AudioContext | undefined;
let timer: ReturnType<typeof setInterval> | undefined;
let titleTimer: ReturnType<typeof setInterval> | undefined;
let notification: Notification | undefined;
let savedTitle = '';

function burst(ctx: AudioContext): void {
  const gain = ctx.createGain();
  gain.gain.value = 0.08;
  gain.connect(ctx.destination);
  for (const frequency of [440, 480]) {
    const osc = ctx.createOscillator();
    osc.frequency.value = frequency;
    osc.connect(gain);
    osc.start();
    osc.stop(ctx.currentTime + 1.6);
  }
}

/** Ask once, on a user gesture (the browser ignores requests made without one). */
export function askNotificationPermission(): void {
  if (typeof Notification !== 'undefined' && Notification.permission === 'default') {
    void Notification.requestPermission().catch(() => {});
  }
}

export function startRinging(title: string, body: string): void {
  stopRinging();
  try {
    context ??= new AudioContext();
    void context.resume().catch(() => {});
    const ctx = context;
    burst(ctx);
    timer = setInterval(() => burst(ctx), 4000);
  } catch {
    // No audio (autoplay policy before any click): the visual ring still shows.
  }
  savedTitle = document.title;
  let on = false;
  titleTimer = setInterval(() => {
    on = !on;
    document.title = on ? `☎ ${title}` : savedTitle;
  }, 800);
  if (document.visibilityState === 'hidden' && typeof Notification !== 'undefined') {
    if (Notification.permission === 'granted') {
      notification = new Notification(title, { body, requireInteraction: true, tag: 'incoming-call' });
      notification.onclick = () => {
        window.focus();
        notification?.close();
      };
    }
  }
}

export function stopRinging(): void {
  if (timer) clearInterval(timer);
  if (titleTimer) clearInterval(titleTimer);
  timer = undefined;
  if (titleTimer && savedTitle) document.title = savedTitle;
  titleTimer = undefined;
  notification?.close();
  notification = undefined;
}
