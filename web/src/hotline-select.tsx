// A choice of the center's hotline numbers (flows/numbers.ts): the caller ID of a call out, or the number
// the caller phone rings.
import { HOTLINE_NUMBERS } from '../../flows/numbers.js';

export function HotlineSelect({
  name,
  value,
  onChange,
}: {
  name?: string;
  value: string;
  onChange: (number: string) => void;
}) {
  return (
    <select {...(name ? { name } : {})} value={value} onChange={(e) => onChange(e.target.value)}>
      {HOTLINE_NUMBERS.map((n) => (
        <option key={n.number} value={n.number}>
          {n.number} · {n.name}
        </option>
      ))}
    </select>
  );
}
