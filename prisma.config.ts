import { defineConfig } from 'prisma/config';

// Only the Prisma CLI reads this file (generate, and migrate where its schema engine is installed).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? '' },
});
