// The offline GraphiQL playground of the gateway: what the start-up code needs from this folder.
export { mountPlayground } from './mount-playground';
export type { PlaygroundExample } from './playground-example';
