// The one place zod is configured. Zod 4 probes `new Function` to decide whether it may
// compile validators; the extension CSP forbids eval, so the probe only produces CSP
// violation reports. Jitless mode skips the probe and the compiled fast path.
// https://zod.dev/api?id=jitless — every module imports `z` from here, never from 'zod'.
import { z } from 'zod';

z.config({ jitless: true });

export { z };
