// Runs before every request: security headers (CSP with a per-request nonce, HSTS over HTTPS,
// frame-ancestors 'none', referrer policy, nosniff) on every response, and a session for every
// page and route except sign-in, the health check, Auth.js's own endpoints and the calendar
// feed (calendar apps have no session; the feed's secret token is checked by its handler).
import NextAuth from "next-auth";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { authConfig } from "@/lib/auth/config";
import { contentSecurityPolicy, issuerOrigin, makeNonce, staticSecurityHeaders } from "@/lib/security/headers";

const { auth } = NextAuth(authConfig);

const PUBLIC = [/^\/login(\/|$)/, /^\/api\/health$/, /^\/api\/auth(\/|$)/, /^\/api\/kalender\/[^/]+$/];

function isHttps(req: NextRequest): boolean {
  return req.nextUrl.protocol === "https:" || req.headers.get("x-forwarded-proto") === "https";
}

const withAuth = auth((req) => {
  const https = isHttps(req);
  const nonce = makeNonce();
  const csp = contentSecurityPolicy({
    nonce,
    https,
    dev: process.env.NODE_ENV === "development",
    formTargets: issuerOrigin(process.env.OIDC_ISSUER),
  });
  const path = req.nextUrl.pathname;
  let response: NextResponse;
  if (!req.auth?.user && !PUBLIC.some((re) => re.test(path))) {
    const url = req.nextUrl.clone();
    url.pathname = "/login";
    url.search = "";
    response = NextResponse.redirect(url);
  } else {
    // Next.js reads the nonce from the request's CSP header and puts it on its own scripts.
    const requestHeaders = new Headers(req.headers);
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("Content-Security-Policy", csp);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  response.headers.set("Content-Security-Policy", csp);
  for (const [k, v] of Object.entries(staticSecurityHeaders(https))) response.headers.set(k, v);
  return response;
});

/**
 * Auth.js's own endpoints get the security headers but not the session wrapper: running the
 * wrapper there as well broke the CSRF check of a credentials post to /api/auth/callback.
 */
export function middleware(req: NextRequest, ev: NextFetchEvent) {
  if (/^\/api\/auth(\/|$)/.test(req.nextUrl.pathname)) {
    const https = isHttps(req);
    const response = NextResponse.next();
    response.headers.set("Content-Security-Policy", contentSecurityPolicy({ nonce: makeNonce(), https, dev: process.env.NODE_ENV === "development", formTargets: issuerOrigin(process.env.OIDC_ISSUER) }));
    for (const [k, v] of Object.entries(staticSecurityHeaders(https))) response.headers.set(k, v);
    return response;
  }
  return (withAuth as unknown as (req: NextRequest, ev: NextFetchEvent) => ReturnType<typeof NextResponse.next>)(req, ev);
}

export const config = {
  runtime: "nodejs",
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
