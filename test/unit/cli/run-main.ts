import { main } from '../../../src/main';

// Runs the command line in this process with its own environment and captured output: for what
// the CLI decides before it touches a database (usage, configuration, refusals).

export interface MainResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runMain(
  args: string[],
  env: Record<string, string | undefined> = {},
): Promise<MainResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(['node', 'licensegraph', ...args], {
    env,
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
}
