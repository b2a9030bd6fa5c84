/** autocannon ships no types; the bench uses only the callback form (bench/harness/load-worker.ts). */
declare module 'autocannon' {
  function autocannon(options: Record<string, unknown>, callback: (error: Error | null, result: any) => void): unknown;
  export default autocannon;
}
