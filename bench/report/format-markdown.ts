import { runNode } from './run-node';

/**
 * Formats the generated markdown as `prettier --check` expects it (the repository's
 * .prettierrc, found from `path`), so the committed report passes the format check like any doc.
 */
export function formatMarkdown(markdown: string, path: string): Promise<string> {
  return runNode(require.resolve('prettier/bin/prettier.cjs'), ['--stdin-filepath', path], markdown);
}
