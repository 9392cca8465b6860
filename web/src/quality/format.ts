// Small formatters of the quality pages: a time in a recording as m:ss.s, a percent score.
export function clockOf(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds - m * 60;
  return `${m}:${s < 10 ? '0' : ''}${s.toFixed(1)}`;
}

export const percentOf = (n: number | null | undefined) =>
  n === null || n === undefined ? '—' : n.toFixed(1);
