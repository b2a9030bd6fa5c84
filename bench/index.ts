/** `npm run bench`: every benchmark, one JSON line each, then a check against the targets in the README. */
import { runIngestBench } from './ingest.bench';
import { runSplitBench } from './split.bench';

const SPLIT_TARGET_MB_PER_SEC = 1;

async function main() {
  const split = await runSplitBench();
  console.log(JSON.stringify(split));
  const ingest = await runIngestBench();
  console.log(JSON.stringify(ingest));

  const misses: string[] = [];
  if (split.mbPerSec < SPLIT_TARGET_MB_PER_SEC) misses.push(`splitting ${split.mbPerSec} MB/s < ${SPLIT_TARGET_MB_PER_SEC} MB/s`);
  if (misses.length > 0) {
    console.error(`Targets missed: ${misses.join('; ')}`);
    process.exit(1);
  }
  console.log('All benchmark targets met.');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
