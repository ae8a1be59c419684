import { fileURLToPath } from 'node:url';

/** The bundled demo sample: about 300 customer mentions written for the project. */
export const DEMO_MENTIONS_FILE = fileURLToPath(new URL('../demo/mentions.jsonl', import.meta.url));
