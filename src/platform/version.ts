import { readFileSync } from 'node:fs';
import { fromProjectRoot } from './paths.ts';

export const version: string = JSON.parse(readFileSync(fromProjectRoot('package.json'), 'utf8')).version;
