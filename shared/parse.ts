// Parses untrusted input with a valibot schema: its output, or BAD_REQUEST with the first problem as a
// sentence a person can read.
import * as v from 'valibot';
import { refuse, type Result } from './core.js';

export function parse<S extends v.GenericSchema>(schema: S, input: unknown): Result<v.InferOutput<S>> {
  const result = v.safeParse(schema, input);
  if (result.success) return { ok: true, value: result.output };
  return refuse('BAD_REQUEST', result.issues[0]?.message);
}
