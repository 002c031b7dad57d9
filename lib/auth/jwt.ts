// The session cookie's encryption, as Auth.js does it (a JWE with "dir" and A256CBC-HS512, its key
// derived from AUTH_SECRET with HKDF-SHA-256 and the cookie name as salt, the key's JWK thumbprint
// as "kid"), with one difference: the derived key and its thumbprint are kept once computed.
// Auth.js derives both again on every call, and every request decodes the cookie twice and
// encodes it at least once (the middleware renews it; the page reads it). Cookies written by
// either implementation are read by the other (tested), so switching keeps every user signed in.
// Runs in the middleware and the server alike: WebCrypto and jose only.
import { EncryptJWT, base64url, calculateJwkThumbprint, jwtDecrypt, type JWTPayload } from "jose";
import type { JWT, JWTDecodeParams, JWTEncodeParams } from "next-auth/jwt";

const ALG = "dir";
const ENC = "A256CBC-HS512";
const KEY_BYTES: Record<string, number> = { "A256CBC-HS512": 64, A256GCM: 32 };

interface DerivedKey {
  key: Uint8Array;
  kid: string;
}

/** Per content encryption, secret and salt. A handful of entries at most (secret rotation). */
const derived = new Map<string, Promise<DerivedKey>>();

async function derive(enc: string, secret: string, salt: string): Promise<DerivedKey> {
  const length = KEY_BYTES[enc];
  if (!length) throw new Error("Unsupported JWT Content Encryption Algorithm");
  const text = new TextEncoder();
  const material = await crypto.subtle.importKey("raw", text.encode(secret), "HKDF", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits(
    { name: "HKDF", hash: "SHA-256", salt: text.encode(salt), info: text.encode(`Auth.js Generated Encryption Key (${salt})`) },
    material,
    length * 8,
  );
  const key = new Uint8Array(bits);
  const kid = await calculateJwkThumbprint({ kty: "oct", k: base64url.encode(key) }, `sha${key.byteLength << 3}` as "sha512");
  return { key, kid };
}

export function derivedKey(enc: string, secret: string, salt: string): Promise<DerivedKey> {
  const id = `${enc}\u0000${salt}\u0000${secret}`;
  let entry = derived.get(id);
  if (!entry) {
    entry = derive(enc, secret, salt);
    // A failure is not kept: the next call tries again.
    entry.catch(() => derived.delete(id));
    derived.set(id, entry);
  }
  return entry;
}

const secretsOf = (secret: JWTEncodeParams["secret"]) => (Array.isArray(secret) ? secret : [secret]) as string[];
const now = () => Math.floor(Date.now() / 1000);

export async function encodeSessionToken(params: JWTEncodeParams): Promise<string> {
  const { token = {}, secret, maxAge = 30 * 24 * 60 * 60, salt } = params;
  const { key, kid } = await derivedKey(ENC, secretsOf(secret)[0], salt);
  return new EncryptJWT(token as JWTPayload)
    .setProtectedHeader({ alg: ALG, enc: ENC, kid })
    .setIssuedAt()
    .setExpirationTime(now() + maxAge)
    .setJti(crypto.randomUUID())
    .encrypt(key);
}

export async function decodeSessionToken(params: JWTDecodeParams): Promise<JWT | null> {
  const { token, secret, salt } = params;
  if (!token) return null;
  const secrets = secretsOf(secret);
  const { payload } = await jwtDecrypt(
    token,
    async ({ kid, enc }) => {
      for (const s of secrets) {
        const d = await derivedKey(enc, s, salt);
        if (kid === undefined || kid === d.kid) return d.key;
      }
      throw new Error("no matching decryption secret");
    },
    { clockTolerance: 15, keyManagementAlgorithms: [ALG], contentEncryptionAlgorithms: [ENC, "A256GCM"] },
  );
  return payload as JWT;
}
