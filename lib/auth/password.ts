// Password hashing with argon2id (OWASP's first choice), parameters from OWASP's cheat sheet.
import { hash, verify } from "@node-rs/argon2";

// Algorithm.Argon2id is 2 in @node-rs/argon2; the const enum cannot be imported under isolatedModules.
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

export { MIN_PASSWORD_LENGTH } from "./password-policy";
