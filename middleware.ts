// Every page and route needs a session, except sign-in, the health check and Auth.js itself.
import NextAuth from "next-auth";
import { authConfig } from "@/lib/auth/config";

export const { auth: middleware } = NextAuth(authConfig);

export const config = {
  matcher: ["/((?!login|api/health|api/auth|_next/static|_next/image|favicon.ico).*)"],
};
