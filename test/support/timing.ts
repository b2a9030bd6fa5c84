/**
 * CPU time this process spends running `fn`, in milliseconds. Unlike wall-clock time it does not grow when other
 * processes compete for the cores, so bounds on it hold on a busy CI machine.
 */
export function cpuTimeOf(fn: () => unknown): number {
  const before = process.cpuUsage();
  fn();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/**
 * Asserts that `run` costs at most `factor` times an ordinary input of the same size (CPU time, measured alongside),
 * so a super-linear blow-up fails while a busy machine does not. `floorMs` absorbs noise on tiny timings. Not a
 * speed target: those live in `npm run bench`.
 */
export function expectNoBlowUp(run: () => unknown, reference: () => unknown, factor = 30, floorMs = 250): void {
  reference(); // warm the code paths up
  const ordinary = cpuTimeOf(reference);
  const measured = cpuTimeOf(run);
  expect(measured).toBeLessThan(Math.max(floorMs, ordinary * factor));
}
