import type { Backend } from './backends.ts';

export interface Settings {
  /** Measured seconds per HTTP target. */
  seconds: number;
  /** Seconds of load thrown away before each measurement. */
  warmupSeconds: number;
  connections: number;
  /** Repetitions of each start-up measurement. */
  reps: number;
  /** LOG_LEVEL of the Verbonden server under test. */
  logLevel: string;
}

/** A target from the issue: met or not, printed and stored, never an exit code. */
export interface Bar {
  label: string;
  met: boolean;
  value: number;
  limit: number;
  detail: string;
}

export interface ScenarioReport {
  scenario: string;
  backend: Backend['kind'];
  results: Record<string, unknown>;
  bars: Bar[];
}

export interface ScenarioContext {
  settings: Settings;
  /** A folder for this run's data folders and logs. */
  workDir: string;
  backend: Backend;
}

export type Scenario = (ctx: ScenarioContext) => Promise<ScenarioReport>;
