#!/usr/bin/env node
// `kontrol` — the add-on on one machine. Plain JS: registers tsx so the TypeScript CLI runs
// without a separate build step (only dist/Code.js, the add-on itself, is built).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/local/cli.ts');
process.exitCode = await main(process.argv.slice(2));
