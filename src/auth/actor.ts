import type { Role } from '../generated/prisma/enums';

/** The signed-in user on whose behalf a request acts; services record it in the audit trail. */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  role: Role;
  requestId?: string;
}
