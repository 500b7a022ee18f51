// Under CI=true a missing Redis or browser fails the run; on a developer's machine the suites that
// need it are skipped with one loud line saying what to install.
export const IN_CI = process.env.CI === 'true' || process.env.CI === '1';

export function missing(what: string, install: string): void {
  const line = `${what} is not available: ${install}`;
  if (IN_CI) throw new Error(`${line} (required under CI=true)`);
  console.warn(`\n!!! SKIPPING tests that need ${line}\n`);
}
