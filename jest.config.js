// Integration suites run twice, once per database: the `mysql` and `sqlite` projects differ only
// in the TEST_DB their setup file sets. The dashboard's browser tests run once (`browser`).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const common = {
  // jose 6 ships only as ES modules; swc turns it into CommonJS like our own sources.
  transform: { '^.+\\.ts$': swc, '/node_modules/jose/.+\\.js$': swc },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  setupFiles: ['reflect-metadata'],
};

module.exports = {
  maxWorkers: 2,
  testTimeout: 60000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    {
      ...common,
      displayName: 'sqlite',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      setupFiles: [...common.setupFiles, '<rootDir>/test/support/use-sqlite.ts'],
    },
    {
      ...common,
      displayName: 'mysql',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      setupFiles: [...common.setupFiles, '<rootDir>/test/support/use-mysql.ts'],
    },
    // The dashboard in a browser: a client of the API, tested once (on SQLite); the API beneath it
    // is tested on both databases by the integration projects.
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
      setupFiles: [...common.setupFiles, '<rootDir>/test/support/use-sqlite.ts'],
    },
  ],
};
