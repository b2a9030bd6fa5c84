import { z } from 'zod';
import { requiredString } from '../http/common-schemas';
import { MAX_PASSWORD_LENGTH } from '../auth/passwords';
import { PageQuery } from '../http/keyset';
import { RoleSchema } from '../domain/enums';

export { RoleSchema };
export const Email = requiredString()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'must be an email address' }).max(254));
const Name = requiredString().trim().min(1, 'must not be empty').max(200);
/** Strength is checked by passwordWeaknesses() in the service, which knows the user's name and email. */
export const Password = requiredString().min(1, 'is required').max(MAX_PASSWORD_LENGTH);

export const CreateUserBody = z.object({ email: Email, name: Name, password: Password, role: RoleSchema }).strict();
export type CreateUserInput = z.infer<typeof CreateUserBody>;

export const UpdateUserBody = z
  .object({ name: Name, role: RoleSchema, active: z.boolean(), password: Password })
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, 'send at least one of name, role, active, password');
export type UpdateUserInput = z.infer<typeof UpdateUserBody>;

export const ListUsersQuery = PageQuery.extend({
  role: RoleSchema.optional(),
  active: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export type ListUsersQuery = z.infer<typeof ListUsersQuery>;

export const UserResponse = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: RoleSchema,
    active: z.boolean(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'User' });

export const ListPeopleQuery = PageQuery.extend({ role: RoleSchema.optional() });
export type ListPeopleQuery = z.infer<typeof ListPeopleQuery>;

/** Who is on the desk, as editors need it to assign work: no e-mail, no account state. */
export const PersonResponse = z.object({ id: z.uuid(), name: z.string(), role: RoleSchema }).meta({ id: 'Person' });
