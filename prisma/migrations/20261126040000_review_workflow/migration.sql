-- Review workflow: rating scales, assignments, sources, desk notes, verdicts and rulings (published verdicts).

-- CreateEnum
CREATE TYPE "SourceType" AS ENUM ('primary_document', 'official_statement', 'dataset', 'expert', 'news_report', 'other');
CREATE TYPE "Stance" AS ENUM ('supports', 'refutes', 'context');
CREATE TYPE "VerdictStatus" AS ENUM ('draft', 'submitted');

-- Claims: retraction
ALTER TABLE "claims" ADD COLUMN "retraction_note" TEXT, ADD COLUMN "retracted_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "rating_scales" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" CITEXT NOT NULL,
    "description" TEXT,
    "is_default" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "rating_scales_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "rating_scales_version_check" CHECK ("version" >= 1)
);

CREATE TABLE "rating_levels" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "scale_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "value" DOUBLE PRECISION,
    "description" TEXT NOT NULL,
    "color" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "archived" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "rating_levels_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "rating_levels_key_check" CHECK ("key" ~ '^[a-z][a-z0-9_]{0,39}$'),
    CONSTRAINT "rating_levels_color_check" CHECK ("color" ~ '^#[0-9a-f]{6}$'),
    CONSTRAINT "rating_levels_position_check" CHECK ("position" >= 1)
);

CREATE TABLE "assignments" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "claim_id" UUID NOT NULL,
    "reviewer_id" UUID NOT NULL,
    "assigned_by_id" UUID,
    "due_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "assignments_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "sources" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "url" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "publisher" TEXT,
    "source_type" "SourceType" NOT NULL,
    "accessed_at" DATE,
    "archived_url" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "sources_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "sources_url_check" CHECK ("url" ~ '^https?://'),
    CONSTRAINT "sources_version_check" CHECK ("version" >= 1)
);

CREATE TABLE "claim_sources" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "claim_id" UUID NOT NULL,
    "source_id" UUID NOT NULL,
    "stance" "Stance" NOT NULL,
    "excerpt" TEXT,
    "added_by_id" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "claim_sources_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "claim_sources_version_check" CHECK ("version" >= 1)
);

CREATE TABLE "notes" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "claim_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "notes_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "verdicts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "claim_id" UUID NOT NULL,
    "reviewer_id" UUID NOT NULL,
    "level_id" UUID,
    "rationale" TEXT NOT NULL DEFAULT '',
    "status" "VerdictStatus" NOT NULL DEFAULT 'draft',
    "submitted_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "verdicts_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "verdicts_version_check" CHECK ("version" >= 1),
    -- A submitted verdict has a level and a time.
    CONSTRAINT "verdicts_submitted_check" CHECK ("status" = 'draft' OR ("level_id" IS NOT NULL AND "submitted_at" IS NOT NULL))
);

CREATE TABLE "verdict_sources" (
    "verdict_id" UUID NOT NULL,
    "source_id" UUID NOT NULL,
    CONSTRAINT "verdict_sources_pkey" PRIMARY KEY ("verdict_id", "source_id")
);

CREATE TABLE "rulings" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "claim_id" UUID NOT NULL,
    "revision" INTEGER NOT NULL,
    "scale_id" UUID NOT NULL,
    "level_id" UUID NOT NULL,
    "level_key" TEXT NOT NULL,
    "level_label" TEXT NOT NULL,
    "level_value" DOUBLE PRECISION,
    "level_color" TEXT NOT NULL,
    "best_value" DOUBLE PRECISION,
    "worst_value" DOUBLE PRECISION,
    "rationale" TEXT NOT NULL,
    "reason" TEXT,
    "correction_note" TEXT,
    "consensus_level_key" TEXT,
    "agreement" DOUBLE PRECISION,
    "sources_snapshot" JSONB,
    "approved_by_id" UUID,
    "approved_at" TIMESTAMPTZ(3) NOT NULL,
    "published_by_id" UUID,
    "published_at" TIMESTAMPTZ(3),
    "superseded_at" TIMESTAMPTZ(3),
    CONSTRAINT "rulings_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "rulings_revision_check" CHECK ("revision" >= 1),
    CONSTRAINT "rulings_published_check" CHECK ("superseded_at" IS NULL OR "published_at" IS NOT NULL)
);

-- CreateIndex
CREATE UNIQUE INDEX "rating_scales_name_key" ON "rating_scales"("name");
CREATE INDEX "rating_scales_created_at_id_idx" ON "rating_scales"("created_at", "id");
CREATE UNIQUE INDEX "rating_levels_scale_id_key_key" ON "rating_levels"("scale_id", "key");
CREATE UNIQUE INDEX "assignments_claim_id_reviewer_id_key" ON "assignments"("claim_id", "reviewer_id");
CREATE INDEX "assignments_reviewer_id_due_at_idx" ON "assignments"("reviewer_id", "due_at");
CREATE UNIQUE INDEX "sources_url_key" ON "sources"("url");
CREATE INDEX "sources_created_at_id_idx" ON "sources"("created_at", "id");
CREATE INDEX "sources_title_idx" ON "sources" USING GIN ("title" gin_trgm_ops);
CREATE UNIQUE INDEX "claim_sources_claim_id_source_id_key" ON "claim_sources"("claim_id", "source_id");
CREATE INDEX "claim_sources_source_id_idx" ON "claim_sources"("source_id");
CREATE INDEX "notes_claim_id_created_at_idx" ON "notes"("claim_id", "created_at");
CREATE UNIQUE INDEX "verdicts_claim_id_reviewer_id_key" ON "verdicts"("claim_id", "reviewer_id");
CREATE INDEX "verdicts_reviewer_id_idx" ON "verdicts"("reviewer_id");
CREATE INDEX "verdict_sources_source_id_idx" ON "verdict_sources"("source_id");
CREATE UNIQUE INDEX "rulings_claim_id_revision_key" ON "rulings"("claim_id", "revision");
CREATE INDEX "rulings_level_id_idx" ON "rulings"("level_id");
CREATE INDEX "rulings_published_at_id_idx" ON "rulings"("published_at", "id");

-- Articles: their rating scale
ALTER TABLE "articles" ADD COLUMN "rating_scale_id" UUID;

-- AddForeignKey
ALTER TABLE "articles" ADD CONSTRAINT "articles_rating_scale_id_fkey" FOREIGN KEY ("rating_scale_id") REFERENCES "rating_scales"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "rating_scales" ADD CONSTRAINT "rating_scales_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "rating_levels" ADD CONSTRAINT "rating_levels_scale_id_fkey" FOREIGN KEY ("scale_id") REFERENCES "rating_scales"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_assigned_by_id_fkey" FOREIGN KEY ("assigned_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "sources" ADD CONSTRAINT "sources_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "claim_sources" ADD CONSTRAINT "claim_sources_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "claim_sources" ADD CONSTRAINT "claim_sources_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "claim_sources" ADD CONSTRAINT "claim_sources_added_by_id_fkey" FOREIGN KEY ("added_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "notes" ADD CONSTRAINT "notes_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "notes" ADD CONSTRAINT "notes_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "verdicts" ADD CONSTRAINT "verdicts_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "verdicts" ADD CONSTRAINT "verdicts_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "verdicts" ADD CONSTRAINT "verdicts_level_id_fkey" FOREIGN KEY ("level_id") REFERENCES "rating_levels"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "verdict_sources" ADD CONSTRAINT "verdict_sources_verdict_id_fkey" FOREIGN KEY ("verdict_id") REFERENCES "verdicts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "verdict_sources" ADD CONSTRAINT "verdict_sources_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "rulings" ADD CONSTRAINT "rulings_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "rulings" ADD CONSTRAINT "rulings_scale_id_fkey" FOREIGN KEY ("scale_id") REFERENCES "rating_scales"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "rulings" ADD CONSTRAINT "rulings_level_id_fkey" FOREIGN KEY ("level_id") REFERENCES "rating_levels"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "rulings" ADD CONSTRAINT "rulings_approved_by_id_fkey" FOREIGN KEY ("approved_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "rulings" ADD CONSTRAINT "rulings_published_by_id_fkey" FOREIGN KEY ("published_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The desk's default scale: six levels on the truth axis, best first, and two outcomes without a value.
WITH scale AS (
    INSERT INTO "rating_scales" ("name", "description", "is_default", "updated_at")
    VALUES ('Truth scale', 'Six levels from true to pants on fire, plus misleading and unverifiable.', true, CURRENT_TIMESTAMP)
    RETURNING "id"
)
INSERT INTO "rating_levels" ("scale_id", "key", "label", "value", "description", "color", "position")
SELECT scale."id", l.key, l.label, l.value, l.description, l.color, l.position FROM scale, (VALUES
    ('true', 'True', 5::float8, 'The statement is accurate and nothing significant is missing.', '#1a7f37', 1),
    ('mostly_true', 'Mostly true', 4, 'The statement is accurate but needs clarification or additional information.', '#4d8f1f', 2),
    ('half_true', 'Half true', 3, 'The statement is partially accurate but leaves out important details or takes things out of context.', '#9a6700', 3),
    ('mostly_false', 'Mostly false', 2, 'The statement contains an element of truth but ignores critical facts that would give a different impression.', '#c4510c', 4),
    ('false', 'False', 1, 'The statement is not accurate.', '#cf222e', 5),
    ('pants_on_fire', 'Pants on fire', 0, 'The statement is not accurate and makes a ridiculous claim.', '#8b0a1a', 6),
    ('misleading', 'Misleading', NULL, 'Accurate in its parts, but presented so as to give a false impression.', '#8250df', 7),
    ('unverifiable', 'Unverifiable', NULL, 'The available evidence can neither confirm nor refute the statement.', '#57606a', 8)
) AS l(key, label, value, description, color, position);
