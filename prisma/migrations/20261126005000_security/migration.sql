-- Sign-in failure counters (src/auth/login-throttle.ts), shared by every instance. A row past its expires_at
-- counts as absent: the next upsert overwrites it, and a periodic DELETE reclaims the space.

-- CreateTable
CREATE TABLE "login_failures_by_pair" (
    "account" TEXT NOT NULL,
    "client_address" TEXT NOT NULL,
    "failures" INTEGER NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "login_failures_by_pair_pkey" PRIMARY KEY ("account","client_address")
);

-- CreateTable
CREATE TABLE "login_failures_by_address" (
    "client_address" TEXT NOT NULL,
    "failures" INTEGER NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "login_failures_by_address_pkey" PRIMARY KEY ("client_address")
);

-- CreateTable
CREATE TABLE "login_failures_by_account" (
    "account" TEXT NOT NULL,
    "failures" INTEGER NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "login_failures_by_account_pkey" PRIMARY KEY ("account")
);

-- CreateIndex
CREATE INDEX "login_failures_by_pair_expires_at_idx" ON "login_failures_by_pair"("expires_at");

-- CreateIndex
CREATE INDEX "login_failures_by_address_expires_at_idx" ON "login_failures_by_address"("expires_at");

-- CreateIndex
CREATE INDEX "login_failures_by_account_expires_at_idx" ON "login_failures_by_account"("expires_at");

-- The audit trail is append-only: TRUNCATE, which skips row triggers, is refused too (statement trigger; it
-- also fires when a TRUNCATE … CASCADE of another table would reach audit_events).
CREATE TRIGGER "audit_events_no_truncate"
    BEFORE TRUNCATE ON "audit_events"
    FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_append_only"();
