// Limits of usageReport that the usage subgraph enforces and the gateway's cost counts on.

/** Rows one GraphQL answer may carry; larger reports are for GET /reports/usage.csv. */
export const MAX_REPORT_ROWS = 10_000;
