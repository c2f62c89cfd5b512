// What a search box finds: every word typed, in any of the texts, whatever the case; «е» finds
// «ё» (and the other way round). One rule for every view that searches.

const fold = (s: string) => s.toLowerCase().replace(/ё/g, "е");

/** True when every word of `query` is in one of `texts` (an empty query finds everything). */
export function found(query: string, texts: (string | null | undefined)[]): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fold(texts.filter(Boolean).join("\n"));
  return words.every((w) => haystack.includes(w));
}
