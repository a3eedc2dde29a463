/** Structured logging: one JSON object a line. Callers pass fields, never request bodies or client details. */
export interface Logger {
  info(fields: Record<string, unknown>): void;
  error(fields: Record<string, unknown>): void;
}

export function jsonLogger(write: (line: string) => void = (l) => console.log(l)): Logger {
  const emit = (level: string, fields: Record<string, unknown>) =>
    write(JSON.stringify({ level, ...fields }));
  return { info: (f) => emit('info', f), error: (f) => emit('error', f) };
}

/** A logger that keeps lines in memory, for tests that inspect what was logged. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, ...jsonLogger((l) => lines.push(l)) };
}

/**
 * Lines gathered and written together once per turn of the event loop: one write call instead of one per
 * request under load. `flush()` writes what is waiting (call it before exiting).
 * @example const out = batchedLines((chunk) => process.stderr.write(chunk)); jsonLogger(out.line)
 */
export function batchedLines(write: (chunk: string) => void) {
  let waiting: string[] = [];
  const flush = () => {
    if (waiting.length === 0) return;
    const chunk = `${waiting.join('\n')}\n`;
    waiting = [];
    write(chunk);
  };
  return {
    line(line: string) {
      if (waiting.length === 0) setImmediate(flush);
      waiting.push(line);
    },
    flush,
  };
}
