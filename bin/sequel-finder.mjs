#!/usr/bin/env node
// Runs the TypeScript command line tool through tsx, which is a runtime dependency.
import { register } from 'tsx/esm/api';

register();
await import('../cli/run.ts');
