// The session cookie's encryption, as Auth.js does it (a JWE with "dir" and A256CBC-HS512, its key
// derived from AUTH_SECRET with HKDF-SHA-256 and the cookie name as salt, the key's JWK thumbprint
// as "kid"), with two differences:
// - the derived key and its thumbprint are kept once computed. Auth.js derives both again on every
//   call, and every request decodes the cookie twice and encodes it once (the middleware renews
//   it; the page reads it);
// - the cipher and the MAC are node:crypto's synchronous ones. jose goes through WebCrypto, where
//   each step is an asynchronous job with a key object made for it: under load that was most of
//   the session's cost (a CPU profile of the caseload at 20 users: ~8 % of the server's time).
// Cookies written by either implementation are read by the other (tested), so switching keeps
// every user signed in. The proxy (proxy.ts, Next.js's middleware) runs on the Node.js runtime.
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import type { JWT, JWTDecodeParams, JWTEncodeParams } from "next-auth/jwt";

const ALG = "dir";
const ENC = "A256CBC-HS512";
/** What a cookie may be sealed with: Auth.js writes A256CBC-HS512 and reads A256GCM as well. */
const KEY_BYTES: Record<string, number> = { "A256CBC-HS512": 64, A256GCM: 32 };
/** Seconds of clock difference allowed when checking exp and nbf (as Auth.js sets it). */
const CLOCK_TOLERANCE = 15;

interface DerivedKey {
  key: Buffer;
  kid: string;
}

/** Per content encryption, secret and salt. A handful of entries at most (secret rotation). */
const derived = new Map<string, DerivedKey>();

/** RFC 7638 thumbprint of a symmetric JWK: the hash of {"k","kty"} in that order. */
function thumbprint(key: Buffer): string {
  const jwk = JSON.stringify({ k: key.toString("base64url"), kty: "oct" });
  return createHash(`sha${key.byteLength << 3}`).update(jwk).digest("base64url");
}

export function derivedKey(enc: string, secret: string, salt: string): DerivedKey {
  const length = KEY_BYTES[enc];
  if (!length) throw new Error("Unsupported JWT Content Encryption Algorithm");
  const id = `${enc}\u0000${salt}\u0000${secret}`;
  let entry = derived.get(id);
  if (!entry) {
    const key = Buffer.from(hkdfSync("sha256", secret, salt, `Auth.js Generated Encryption Key (${salt})`, length));
    entry = { key, kid: thumbprint(key) };
    derived.set(id, entry);
  }
  return entry;
}

const secretsOf = (secret: JWTEncodeParams["secret"]) => (Array.isArray(secret) ? secret : [secret]) as string[];
const now = () => Math.floor(Date.now() / 1000);

/** The 32-byte tag of A256CBC-HS512 (RFC 7518 5.2.2): HMAC-SHA-512 over aad, iv, ciphertext and aad's bit length. */
function cbcTag(macKey: Buffer, aad: Buffer, iv: Buffer, ciphertext: Buffer): Buffer {
  const al = Buffer.alloc(8);
  al.writeBigUInt64BE(BigInt(aad.length * 8));
  return createHmac("sha512", macKey).update(aad).update(iv).update(ciphertext).update(al).digest().subarray(0, 32);
}

export async function encodeSessionToken(params: JWTEncodeParams): Promise<string> {
  const { token = {}, secret, maxAge = 30 * 24 * 60 * 60, salt } = params;
  const { key, kid } = derivedKey(ENC, secretsOf(secret)[0], salt);
  const iat = now();
  const header = Buffer.from(JSON.stringify({ alg: ALG, enc: ENC, kid })).toString("base64url");
  const plaintext = Buffer.from(JSON.stringify({ ...token, iat, exp: iat + maxAge, jti: randomUUID() }));
  const iv = randomBytes(16);
  const cipher = createCipheriv("aes-256-cbc", key.subarray(32), iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  const tag = cbcTag(key.subarray(0, 32), Buffer.from(header, "ascii"), iv, ciphertext);
  return `${header}..${iv.toString("base64url")}.${ciphertext.toString("base64url")}.${tag.toString("base64url")}`;
}

const B64URL = /^[A-Za-z0-9_-]*$/;

function decryptWith(key: Buffer, enc: string, aad: Buffer, iv: Buffer, ciphertext: Buffer, tag: Buffer): Buffer {
  if (enc === "A256GCM") {
    if (iv.length !== 12 || tag.length !== 16) throw new Error("JWE invalid");
    const decipher = createDecipheriv("aes-256-gcm", key, iv);
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  }
  if (iv.length !== 16 || tag.length !== 32) throw new Error("JWE invalid");
  // The tag first, in constant time: nothing is decrypted from a cookie that was not sealed with this key.
  if (!timingSafeEqual(tag, cbcTag(key.subarray(0, 32), aad, iv, ciphertext))) throw new Error("JWE decryption failed");
  const decipher = createDecipheriv("aes-256-cbc", key.subarray(32), iv);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
}

/** Validates the claims as jose's jwtDecrypt does for Auth.js: a JSON object, exp and nbf with 15 s tolerance. */
function checkedClaims(plaintext: Buffer): JWT {
  const claims: unknown = JSON.parse(plaintext.toString("utf8"));
  if (!claims || typeof claims !== "object" || Array.isArray(claims)) throw new Error("JWT Claims Set must be a top-level JSON object");
  const { exp, nbf, iat } = claims as { exp?: unknown; nbf?: unknown; iat?: unknown };
  const t = now();
  for (const [name, v] of [["exp", exp], ["nbf", nbf], ["iat", iat]] as const) if (v !== undefined && typeof v !== "number") throw new Error(`"${name}" claim must be a number`);
  if (typeof exp === "number" && exp <= t - CLOCK_TOLERANCE) throw new Error('"exp" claim timestamp check failed');
  if (typeof nbf === "number" && nbf > t + CLOCK_TOLERANCE) throw new Error('"nbf" claim timestamp check failed');
  return claims as JWT;
}

export async function decodeSessionToken(params: JWTDecodeParams): Promise<JWT | null> {
  const { token, secret, salt } = params;
  if (!token) return null;
  const parts = token.split(".");
  if (parts.length !== 5 || !parts.every((p) => B64URL.test(p))) throw new Error("Invalid Compact JWE");
  const [protectedHeader, encryptedKey, iv, ciphertext, tag] = parts;
  const header: unknown = JSON.parse(Buffer.from(protectedHeader, "base64url").toString("utf8"));
  if (!header || typeof header !== "object") throw new Error("JWE Protected Header invalid");
  const { alg, enc, kid, zip, crit } = header as Record<string, unknown>;
  if (alg !== ALG) throw new Error('"alg" (Algorithm) Header Parameter value not allowed');
  if (typeof enc !== "string" || !KEY_BYTES[enc]) throw new Error('"enc" (Encryption Algorithm) Header Parameter value not allowed');
  if (zip !== undefined || crit !== undefined) throw new Error("JWE header parameter not supported");
  if (encryptedKey !== "") throw new Error("Encountered unexpected JWE Encrypted Key");
  const aad = Buffer.from(protectedHeader, "ascii");
  const ivBytes = Buffer.from(iv, "base64url");
  const cipherBytes = Buffer.from(ciphertext, "base64url");
  const tagBytes = Buffer.from(tag, "base64url");
  for (const s of secretsOf(secret)) {
    const d = derivedKey(enc, s, salt);
    if (kid !== undefined && kid !== d.kid) continue;
    return checkedClaims(decryptWith(d.key, enc, aad, ivBytes, cipherBytes, tagBytes));
  }
  throw new Error("no matching decryption secret");
}
