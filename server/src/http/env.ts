// The typed request context shared by every route: who is asking (set by the session middleware).
import type { Principal } from '../domain/roles.ts';

export type AppEnv = { Variables: { principal: Principal } };
