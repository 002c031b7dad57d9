// The session cookie read and renewed without Auth.js's request machinery. Auth.js's auth() answers
// every call by building a Request for /api/auth/session, running its whole action pipeline (options,
// a CSRF token hashed through WebCrypto, cookie parsing, a JSON Response) and re-sealing the cookie,
// and the middleware and the page each called it once per request. This module does what that
// pipeline does for a JWT session and nothing else, with Auth.js's own names, secrets and cookie
// options (tested against Auth.js: each reads the other's cookie):
// - the cookie: `authjs.session-token`, `__Secure-authjs.session-token` over HTTPS (AUTH_URL's
//   protocol if set, otherwise the request's x-forwarded-proto, otherwise https, as Auth.js
//   decides), possibly split into chunks `<name>.0`, `<name>.1` …;
// - the secrets: AUTH_SECRET (or NEXTAUTH_SECRET) and AUTH_SECRET_1…3 for rotation, the newest
//   first, as Auth.js orders them;
// - the token is checked by the same jwt callback as Auth.js's (the absolute eight-hour limit) and
//   renewed with the idle timeout as its lifetime; a token that fails is removed.
import type { JWT } from "next-auth/jwt";
import { authConfig, IDLE_TIMEOUT_SECONDS } from "./config";
import { decodeSessionToken, encodeSessionToken } from "./jwt";

export const SESSION_COOKIE = "authjs.session-token";

export interface CookieToSet {
  name: string;
  value: string;
  options: { httpOnly: true; sameSite: "lax"; path: "/"; secure: boolean; expires: Date };
}

/**
 * The Set-Cookie header for a cookie, as Auth.js writes it. The middleware appends it as a plain
 * header, as Auth.js did: set through NextResponse's `cookies` API it would also be handed to the
 * page as a cookie changed in this request, and Next.js then re-renders the page after every server
 * action (a form's initial values would change under a conflict view, for one).
 */
export function serializeCookie(c: CookieToSet): string {
  const parts = [`${c.name}=${encodeURIComponent(c.value)}`, "Path=/", `Expires=${c.options.expires.toUTCString()}`, "HttpOnly", "SameSite=Lax"];
  if (c.options.secure) parts.push("Secure");
  return parts.join("; ");
}

/** What Auth.js's jwt and session callbacks make of a valid cookie. */
export interface SessionClaims {
  userId: string;
  token: JWT;
}

/** Auth.js's secrets in its order: AUTH_SECRET_3, _2, _1 before AUTH_SECRET; the first seals. */
export function sessionSecrets(env: NodeJS.ProcessEnv = process.env): string[] {
  const secrets: string[] = [];
  const main = env.AUTH_SECRET ?? env.NEXTAUTH_SECRET;
  if (main) secrets.push(main);
  for (const i of [1, 2, 3]) {
    const s = env[`AUTH_SECRET_${i}`];
    if (s) secrets.unshift(s);
  }
  return secrets;
}

/** Whether Auth.js would use secure (`__Secure-`) cookies for a request with these headers. */
export function usesSecureCookies(headers: Pick<Headers, "get">, env: NodeJS.ProcessEnv = process.env): boolean {
  const envUrl = env.AUTH_URL ?? env.NEXTAUTH_URL;
  if (envUrl) return new URL(envUrl).protocol === "https:";
  const proto = headers.get("x-forwarded-proto") ?? "https";
  return (proto.endsWith(":") ? proto : `${proto}:`) === "https:";
}

export function sessionCookieName(secure: boolean): string {
  return `${secure ? "__Secure-" : ""}${SESSION_COOKIE}`;
}

/** name → value of a Cookie header (the first of a name wins, as Auth.js's parser does). */
function parseCookies(header: string | null): Map<string, string> {
  const out = new Map<string, string>();
  if (!header) return out;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (!name || out.has(name)) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      value = decodeURIComponent(value);
    } catch {
      // kept as sent
    }
    out.set(name, value);
  }
  return out;
}

/** The session cookie's value, its chunks joined in order, and the names it was sent under. */
function sessionCookieOf(cookieHeader: string | null, name: string): { value: string; names: string[] } {
  const chunks: [string, string][] = [];
  for (const [n, v] of parseCookies(cookieHeader)) if (n.startsWith(name) && v) chunks.push([n, v]);
  chunks.sort(([a], [b]) => (parseInt(a.split(".").pop() || "0") || 0) - (parseInt(b.split(".").pop() || "0") || 0));
  return { value: chunks.map(([, v]) => v).join(""), names: chunks.map(([n]) => n) };
}

type JwtCallback = (args: { token: JWT }) => JWT | null;
const jwtCallback = authConfig.callbacks.jwt as unknown as JwtCallback;

/** The session's claims if the cookie is sealed with our secret, unexpired and within the absolute limit. */
async function claimsOf(value: string, name: string, secrets: string[]): Promise<SessionClaims | null> {
  if (!value || secrets.length === 0) return null;
  let payload: JWT | null;
  try {
    payload = await decodeSessionToken({ token: value, secret: secrets, salt: name });
  } catch {
    return null;
  }
  if (!payload) return null;
  const token = jwtCallback({ token: payload });
  const userId = token && typeof token.uid === "string" && token.role ? token.uid : null;
  return token && userId ? { userId, token } : null;
}

/** For pages and server actions: who the cookie says is signed in (the user is still checked against the database). */
export async function readSession(headers: Pick<Headers, "get">, env: NodeJS.ProcessEnv = process.env): Promise<SessionClaims | null> {
  const name = sessionCookieName(usesSecureCookies(headers, env));
  return claimsOf(sessionCookieOf(headers.get("cookie"), name).value, name, sessionSecrets(env));
}

/**
 * For the middleware: the session, and the cookies to send back: the token sealed again with a new
 * idle deadline (Auth.js renews it on every request the same way), or, for a cookie that is not a
 * valid session, its removal.
 */
export async function renewSession(headers: Pick<Headers, "get">, env: NodeJS.ProcessEnv = process.env): Promise<{ session: SessionClaims | null; cookies: CookieToSet[] }> {
  const secure = usesSecureCookies(headers, env);
  const name = sessionCookieName(secure);
  const sent = sessionCookieOf(headers.get("cookie"), name);
  if (sent.names.length === 0) return { session: null, cookies: [] };
  const secrets = sessionSecrets(env);
  const session = await claimsOf(sent.value, name, secrets);
  const options = (expires: Date) => ({ httpOnly: true as const, sameSite: "lax" as const, path: "/" as const, secure, expires });
  const removed = (n: string): CookieToSet => ({ name: n, value: "", options: options(new Date(0)) });
  if (!session) return { session, cookies: sent.names.map(removed) };
  const maxAge = IDLE_TIMEOUT_SECONDS;
  const value = await encodeSessionToken({ token: session.token, secret: secrets, salt: name, maxAge });
  const cookies = sent.names.filter((n) => n !== name).map(removed);
  cookies.push({ name, value, options: options(new Date(Date.now() + maxAge * 1000)) });
  return { session, cookies };
}
