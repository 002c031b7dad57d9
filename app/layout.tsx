import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getLocale, getMessages } from "@/lib/i18n/server";
import "./globals.css";

/** Every page's title ends with the app's name; a page without one of its own shows the name alone. */
export async function generateMetadata(): Promise<Metadata> {
  const t = await getMessages();
  return { title: { default: t.app.name, template: `%s · ${t.app.name}` }, description: t.app.description };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body>{children}</body>
    </html>
  );
}
