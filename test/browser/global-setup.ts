/**
 * One server for the whole browser run: `npm start`'s entry point on a throwaway embedded database (demo accounts and
 * the seed article in every stage of the review workflow). Starting it takes most of a run's fixed cost, so the
 * test files share it; each keeps to its own article and leaves the demo accounts' passwords as it found them.
 */
import { chromiumInstalled, SHARED_SERVER_ENV, startServer, type RunningServer } from './support';

declare global {
  var checkmateBrowserServer: RunningServer | undefined;
}

export default async function globalSetup() {
  if (!chromiumInstalled()) return; // the test files explain, and fail under CI
  const server = await startServer();
  globalThis.checkmateBrowserServer = server;
  process.env[SHARED_SERVER_ENV] = server.base;
}
