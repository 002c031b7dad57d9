// Name normalisation for tolerant search: case and accents are folded, so "Åsa", "asa" and
// "ÅSA" all match, as do "Jalal" and "Jalāl".
export function foldName(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/[æ]/g, "ae")
    .replace(/[ø]/g, "o")
    .replace(/[^\p{L}\p{N} -]/gu, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** The stored search key for a participant. */
export function searchNameOf(firstName: string, lastName: string): string {
  return foldName(`${firstName} ${lastName}`);
}
