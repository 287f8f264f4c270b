import { execFile } from 'node:child_process';

/**
 * Runs a Node script in a process of its own, hands it `input` on stdin and resolves to its
 * stdout. The report's ES-module-only tools (vega-lite, prettier's formatter) run this way: this
 * CommonJS harness, and Jest's module system in its tests, cannot load them in process.
 */
export function runNode(script: string, args: readonly string[], input: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [script, ...args], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${script} failed: ${stderr || error.message}`));
      else resolve(stdout);
    });
    child.stdin?.end(input);
  });
}
