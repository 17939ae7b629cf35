/**
 * A problem that stops the process from starting, told in one line that names the setting or
 * the cause; the process entry prints it without a stack trace and exits with status 2.
 */
export class StartupError extends Error {
  override name = 'StartupError';
}
