// Canonical forms of the keys callers give us (VIN, plate, policy number, id code), so that what an
// agent types, what the IVR hears and what the database holds compare equal.

/** VINs are 17 characters from A-Z and 0-9 without I, O and Q (ISO 3779). */
export const VIN_PATTERN = /^[A-HJ-NPR-Z0-9]{17}$/;

export function normaliseVin(raw: string): string {
  return raw.replace(/[\s-]/g, '').toUpperCase();
}

export function isValidVin(raw: string): boolean {
  return VIN_PATTERN.test(normaliseVin(raw));
}

/** Plates: upper case, without spaces, dots, middle dots and dashes (沪A·12345 == 沪A12345). */
export function normalisePlate(raw: string): string {
  return raw.replace(/[\s.·・-]/g, '').toUpperCase();
}

export function normalisePolicyNumber(raw: string): string {
  return raw.replace(/\s/g, '').toUpperCase();
}

export function normaliseIdCode(raw: string): string {
  return raw.replace(/\s/g, '').toUpperCase();
}
