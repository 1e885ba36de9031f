import { z } from 'zod';

/** Sign-in form and POST /api/auth/login share this. */
export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, 'Enter your email').max(200, 'Enter your email'),
  password: z.string().min(1, 'Enter your password').max(200, 'Enter your password'),
});
export type SignInInput = z.input<typeof signInSchema>;
