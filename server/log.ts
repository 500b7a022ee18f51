// Structured logs. They carry event names, short room references and error codes — never names,
// answers, codes or tokens; the redact list is a second line of defence, not the first.
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: { paths: ['*.name', '*.token', '*.tokens', '*.code', '*.auth', '*.text', '*.answer'], censor: '[hidden]' },
    },
    destination,
  );
}

/** What was thrown or rejected, as an Error (a rejection may carry anything). */
export function asError(thrown: unknown): Error {
  return thrown instanceof Error ? thrown : new Error(String(thrown));
}
