/** Java's `String.compareTo`: UTF-16 code-unit order, which `<` also uses (`localeCompare` does not). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
