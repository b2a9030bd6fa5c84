import { z } from 'zod';
import { Email, Password } from '../users/users.schema';

export const LoginBody = z.object({ email: Email, password: Password }).strict();
export type LoginInput = z.infer<typeof LoginBody>;

export const ChangePasswordBody = z.object({ currentPassword: Password, newPassword: Password }).strict();
export type ChangePasswordInput = z.infer<typeof ChangePasswordBody>;
