/** The dictionaries as flat [key, text] pairs, for tests that check them as a whole. */
type Tree = { [key: string]: string | Tree };

export function leaves(tree: unknown, prefix = ""): [string, string][] {
  return Object.entries(tree as Tree).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === "string" ? [[path, value] as [string, string]] : leaves(value, path);
  });
}
