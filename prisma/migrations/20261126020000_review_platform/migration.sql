-- Extensions live in "public" (the default search_path), so every schema that uses them finds them.
CREATE EXTENSION IF NOT EXISTS "citext" WITH SCHEMA "public";
CREATE EXTENSION IF NOT EXISTS "pg_trgm" WITH SCHEMA "public";

-- Users: case-insensitive unique e-mail.
ALTER TABLE "users" ALTER COLUMN "email" SET DATA TYPE CITEXT;

-- Articles: claim count kept on the row, version, keyset and trigram indexes.
ALTER TABLE "articles" ADD COLUMN "claim_count" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
UPDATE "articles" a SET "claim_count" = (SELECT count(*) FROM "claims" c WHERE c."article_id" = a."id");
ALTER TABLE "articles" ADD CONSTRAINT "articles_claim_count_check" CHECK ("claim_count" >= 0),
    ADD CONSTRAINT "articles_version_check" CHECK ("version" >= 1);
DROP INDEX "articles_created_at_idx";
CREATE INDEX "articles_created_at_id_idx" ON "articles"("created_at", "id");
CREATE INDEX "articles_title_idx" ON "articles" USING GIN ("title" gin_trgm_ops);

-- Claims: sentence span (narrowing is undoable), hint, claimant, status time, version.
ALTER TABLE "claims" ADD COLUMN "sentence_start" INTEGER,
    ADD COLUMN "sentence_end" INTEGER,
    ADD COLUMN "hint" DOUBLE PRECISION,
    ADD COLUMN "status_changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    ADD COLUMN "claimant_name" TEXT,
    ADD COLUMN "claimant_role" TEXT,
    ADD COLUMN "claim_date" DATE,
    ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
UPDATE "claims" SET "sentence_start" = "start", "sentence_end" = "end", "status_changed_at" = "updated_at";
ALTER TABLE "claims" ALTER COLUMN "sentence_start" SET NOT NULL, ALTER COLUMN "sentence_end" SET NOT NULL;
ALTER TABLE "claims"
    ADD CONSTRAINT "claims_position_check" CHECK ("position" >= 1),
    ADD CONSTRAINT "claims_paragraph_check" CHECK ("paragraph" >= 1),
    ADD CONSTRAINT "claims_span_check" CHECK (0 <= "start" AND "start" < "end"),
    ADD CONSTRAINT "claims_sentence_span_check" CHECK ("sentence_start" <= "start" AND "end" <= "sentence_end"),
    ADD CONSTRAINT "claims_hint_check" CHECK ("hint" IS NULL OR ("hint" >= 0 AND "hint" <= 1)),
    ADD CONSTRAINT "claims_version_check" CHECK ("version" >= 1);

-- Renumbering positions after a merge or split shifts many rows in one UPDATE: the key is checked at the end
-- of the statement, not row by row.
DROP INDEX "claims_article_id_position_key";
ALTER TABLE "claims" ADD CONSTRAINT "claims_article_id_position_key" UNIQUE ("article_id", "position") DEFERRABLE INITIALLY IMMEDIATE;

CREATE INDEX "claims_article_id_hint_position_idx" ON "claims"("article_id", "hint" DESC, "position");
CREATE INDEX "claims_status_status_changed_at_id_idx" ON "claims"("status", "status_changed_at", "id");

-- Audit: context beside the state snapshots.
ALTER TABLE "audit_events" ADD COLUMN "context" JSONB;
