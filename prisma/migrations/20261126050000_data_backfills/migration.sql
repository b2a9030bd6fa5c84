-- One-time data tasks that need the application; the hint backfill of claims imported before hints existed is the
-- first. The service runs pending tasks at start (src/triage/hint-backfill.ts) and records their completion.
CREATE TABLE "data_backfills" (
    "name" TEXT NOT NULL,
    "completed_at" TIMESTAMPTZ(3),
    CONSTRAINT "data_backfills_pkey" PRIMARY KEY ("name")
);

INSERT INTO "data_backfills" ("name") VALUES ('claim_hints');
