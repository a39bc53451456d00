/** zod alone, bundled: its module load is shared by everything that validates (settings too). */
import { z } from 'zod';

export const loaded: boolean = typeof z.object === 'function';
