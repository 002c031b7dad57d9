// A coordinator's calendar subscription (.ics). Calendar apps send no session, so the secret
// token in the URL is the only key: a valid token of an active coordinator gets the feed, anything
// else (including a signed-in user with a wrong token) gets 404. The read is audited in lib.
import { readCalendarFeed } from "@/lib/calendar/queries";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const ics = await readCalendarFeed(token);
  if (ics === null) return new Response("Hittades inte.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
  return new Response(ics, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": 'inline; filename="uppfoljningar.ics"',
      "cache-control": "no-store",
      "x-robots-tag": "noindex",
    },
  });
}
