// The offline GraphiQL playground of the gateway: what the start-up code needs from this folder.
export { mountPlayground } from './mount-playground';
export type { PlaygroundOptions } from './mount-playground';
export { loadContractExamples } from './contract-examples';
export type { PlaygroundExample } from './contract-examples';
