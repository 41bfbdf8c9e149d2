import { createInterface } from 'node:readline';
import type { TextOutput } from './progress';

/**
 * Asks a yes-or-no question and reads one line of `input`. Only y or yes (any case) is a yes, and
 * input that ends before a line (Ctrl-D) is a no.
 */
export async function confirm(question: string, input: NodeJS.ReadableStream, output: TextOutput): Promise<boolean> {
  output.write(`${question} [y/N] `);
  // terminal: false leaves echo and line editing to the terminal, which is enough for a one-line reply.
  const lines = createInterface({ input, terminal: false });
  try {
    const answer = await new Promise<string | null>((resolve) => {
      lines.once('line', resolve);
      lines.once('close', () => resolve(null));
    });
    if (answer === null) output.write('\n');
    return answer !== null && /^y(es)?$/i.test(answer.trim());
  } finally {
    lines.close();
  }
}
