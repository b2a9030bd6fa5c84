import { performance } from 'node:perf_hooks';

const time = (fn: () => unknown) => {
  const started = performance.now();
  fn();
  return performance.now() - started;
};

/**
 * Asserts that `run` costs at most `factor` times an ordinary input of the same size, measured alongside it, so a
 * super-linear blow-up fails while a busy machine (which slows both alike) does not. `floorMs` absorbs noise on tiny
 * timings. Not a speed target: those live in `npm run bench`.
 */
export function expectNoBlowUp(run: () => unknown, reference: () => unknown, factor = 30, floorMs = 250): void {
  reference(); // warm the code paths up
  const ordinary = time(reference);
  const measured = time(run);
  expect(measured).toBeLessThan(Math.max(floorMs, ordinary * factor));
}
