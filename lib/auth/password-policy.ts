// Rules for passwords an admin sets: long beats complicated. Kept apart from password.ts so that
// client forms can import it without pulling in the native argon2 addon.
export const MIN_PASSWORD_LENGTH = 12;
