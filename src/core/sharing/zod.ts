import { z } from "zod";

/**
 * zod as the add-in uses it: `jitless`, so schemas are interpreted and never compiled with `new Function` (the
 * privacy rule: the add-in evaluates no generated code). Every schema imports z from here, never from "zod".
 */
z.config({ jitless: true });

export { z };
