-- New workflow states. A new enum value cannot be used in the transaction that adds it, and the migrator runs
-- each migration in one transaction: so they come alone, before anything uses them.
ALTER TYPE "ClaimStatus" ADD VALUE 'published';
ALTER TYPE "ClaimStatus" ADD VALUE 'correcting';
ALTER TYPE "ClaimStatus" ADD VALUE 'retracted';
