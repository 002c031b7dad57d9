import Link from "@/app/_components/Link";
import { getMessages } from "@/lib/i18n/server";

export default async function NotFound() {
  const t = await getMessages();
  return (
    <main id="main" className="narrow">
      <h1>{t.common.notFound}</h1>
      <p>{t.common.notFoundHelp}</p>
      <p>
        <Link href="/">{t.common.back}</Link>
      </p>
    </main>
  );
}
