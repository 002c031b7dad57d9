// The calendar link forms carry nothing: the feed is always the signed-in user's own.
import { z } from "zod";

export const calendarFeedSchema = z.object({}).strict();

/** The token in a feed URL: 32 random bytes, base64url. Anything else is not looked up. */
export const FEED_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
