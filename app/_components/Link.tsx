// Links inside the app: Next.js's Link (a client-side navigation) without prefetching. Every
// signed-in page is rendered per request (it depends on who is signed in and is audited), so a
// prefetch cannot fetch a page ahead: Next.js then fetches only the route's tree, one request per
// link that comes into view, each through the session check (~4 ms of the server's CPU). A caseload
// in a browser made 14–15 of them, 2–3 × the page's own cost, for nothing a click would not fetch
// anyway. Every file links through this one (Link.test.ts).
import NextLink from "next/link";
import type { ComponentProps } from "react";

export default function Link(props: Omit<ComponentProps<typeof NextLink>, "prefetch">) {
  return <NextLink {...props} prefetch={false} />;
}
