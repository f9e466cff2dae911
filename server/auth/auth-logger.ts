/**
 * next-auth's log lines, one each: a junk or expired session cookie is routine (anyone can send one), so it
 * gets its code and the library's reason, never a stack trace; nothing of the cookie itself is printed.
 */
import "server-only";

type Write = (line: string) => void;

function reasonOf(metadata: unknown): string {
  if (metadata instanceof Error) return metadata.message;
  if (metadata && typeof metadata === "object") {
    const { error, message } = metadata as { error?: unknown; message?: unknown };
    if (error instanceof Error) return error.message;
    if (typeof message === "string") return message;
  }
  return "";
}

export function authLogger(write: Write = (line) => console.warn(line)) {
  const line = (level: string, code: string, metadata?: unknown) => {
    const reason = reasonOf(metadata).split("\n")[0]!.slice(0, 200);
    write(`[auth] ${level} ${code}${reason ? `: ${reason}` : ""}`);
  };
  return {
    error: (code: string, metadata: unknown) => line("error", code, metadata),
    warn: (code: string) => line("warn", code),
    debug: () => undefined,
  };
}
