/** One tab of the playground: an operation and the variables it opens with. */
export interface PlaygroundExample {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
}
