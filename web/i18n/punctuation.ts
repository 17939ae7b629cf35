/**
 * A sentence that ends with a name ending in a stop ("Welcome, Luz M.") gets one full stop, not
 * two: names are the reader's own choice, and "Luz M.." reads like a mistake. Runs on every
 * translated message, after the names are put in.
 */
export function oneFullStop(text: string): string {
  return text.replace(/([.!?…])\.(?=\s|$)/g, '$1');
}
