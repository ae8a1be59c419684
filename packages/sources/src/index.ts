export * from './adapter.js';
export * from './bluesky/index.js';
export { DEMO_MENTIONS_FILE } from './demo.js';
export * from './mastodon/index.js';
export { parseReplayLine, ReplayLine } from './replay-line.js';
export { ReplaySource, type ReplaySourceOptions } from './replay-source.js';
export * from './x/index.js';
