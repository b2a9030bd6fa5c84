export default async function globalTeardown() {
  await globalThis.checkmateBrowserServer?.stop();
}
