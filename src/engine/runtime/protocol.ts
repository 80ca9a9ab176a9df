/**
 * The messages between the page and the engine's worker: plain data only, so
 * they cross with structured cloning. Results and progress are typed arrays
 * and plain objects, never tensors; errors cross as their fields and are
 * rebuilt as GlassboxErrors, so `isSuperseded` and the status line work the
 * same on both sides.
 */
import { GlassboxError, type ErrorCode, type ErrorValues } from '../shared/errors.ts';
import type { EngineInfo } from './engine.ts';
import type { SessionReport } from './session.ts';

export interface SessionOptions {
  budgetMs?: number;
  reportEveryMs?: number;
  keep?: boolean;
}

/** Live figures of the engine, for the tests' leak checks and the bench. */
export interface Diagnostics {
  info: EngineInfo;
  numTensors: number;
  numBytes: number;
}

export type Request =
  | { type: 'init'; requested: string | null; models: string[] }
  | { type: 'prefetch'; models: string[] }
  | { type: 'call'; call: number; name: string; args: unknown[] }
  | { type: 'start'; call: number; id: string; name: string; args: unknown; options: SessionOptions }
  | { type: 'pause' | 'resume' | 'cancel'; call: number; id: string }
  | { type: 'diagnose'; call: number };

export type Reply =
  | { type: 'ready'; info: EngineInfo }
  | { type: 'start-failed'; error: WireError }
  | { type: 'done'; call: number; value: unknown; info: EngineInfo }
  | { type: 'error'; call: number; error: WireError; info: EngineInfo }
  | { type: 'report'; call: number; report: SessionReport<unknown> };

export interface WireError {
  message: string;
  code?: ErrorCode;
  /** The error's values (`ErrorValues` of its code), for the page to word it. */
  values?: Readonly<Record<string, string>>;
  hint?: string;
}

export function toWire(error: unknown): WireError {
  if (error instanceof GlassboxError) {
    // The message already carries the hint; send the bare message so it is not added twice.
    const bare = error.hint ? error.message.slice(0, -(error.hint.length + 3)) : error.message;
    return { message: bare, code: error.code, values: { ...error.values }, ...(error.hint ? { hint: error.hint } : {}) };
  }
  return { message: error instanceof Error ? error.message : String(error) };
}

export function fromWire(wire: WireError): Error {
  // The worker is the page's own: its values are those of the code they came with.
  return wire.code ? new GlassboxError(wire.code, wire.message, (wire.values ?? {}) as ErrorValues[ErrorCode], wire.hint) : new Error(wire.message);
}
