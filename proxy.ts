// The proxy (Next.js's middleware, renamed in Next.js 16; always on the Node.js runtime) runs
// before every request: security headers (CSP with a per-request nonce, HSTS over HTTPS,
// frame-ancestors 'none', referrer policy, nosniff) on every response, and a session for every
// page and route except sign-in, the health check, Auth.js's own endpoints and the calendar
// feed (calendar apps have no session; the feed's secret token is checked by its handler).
import { NextResponse, type NextRequest } from "next/server";
import { renewSession, serializeCookie } from "@/lib/auth/session-cookie";
import { contentSecurityPolicy, issuerOrigin, makeNonce, staticSecurityHeaders } from "@/lib/security/headers";

const PUBLIC = [/^\/login(\/|$)/, /^\/api\/health$/, /^\/api\/auth(\/|$)/, /^\/api\/kalender\/[^/]+$/];

function isHttps(req: NextRequest): boolean {
  return req.nextUrl.protocol === "https:" || req.headers.get("x-forwarded-proto") === "https";
}

function csp(req: NextRequest, nonce: string): string {
  return contentSecurityPolicy({ nonce, https: isHttps(req), dev: process.env.NODE_ENV === "development", formTargets: issuerOrigin(process.env.OIDC_ISSUER) });
}

function withSecurityHeaders(req: NextRequest, response: NextResponse, policy: string): NextResponse {
  response.headers.set("Content-Security-Policy", policy);
  for (const [k, v] of Object.entries(staticSecurityHeaders(isHttps(req)))) response.headers.set(k, v);
  return response;
}

/**
 * Auth.js's own endpoints get the security headers and nothing else: they read and write the
 * session cookie themselves (a renewal here as well broke the CSRF check of a credentials post).
 * Everything else gets the session renewed (the idle timeout; lib/auth/session-cookie.ts does what
 * Auth.js's session endpoint does, without building a request for it) and, without a session, is
 * sent to sign-in unless it is public.
 */
export async function proxy(req: NextRequest) {
  const nonce = makeNonce();
  const policy = csp(req, nonce);
  if (/^\/api\/auth(\/|$)/.test(req.nextUrl.pathname)) return withSecurityHeaders(req, NextResponse.next(), policy);
  const { session, cookies } = await renewSession(req.headers);
  let response: NextResponse;
  if (!session && !PUBLIC.some((re) => re.test(req.nextUrl.pathname))) {
    const url = req.nextUrl.clone();
    url.pathname = "/login";
    url.search = "";
    response = NextResponse.redirect(url);
  } else {
    // Next.js reads the nonce from the request's CSP header and puts it on its own scripts.
    const requestHeaders = new Headers(req.headers);
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("Content-Security-Policy", policy);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  // Plain Set-Cookie headers, as Auth.js sent them: through `response.cookies` Next.js would treat
  // the renewal as a cookie the request changed and re-render the page after every server action.
  for (const c of cookies) response.headers.append("set-cookie", serializeCookie(c));
  return withSecurityHeaders(req, response, policy);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
