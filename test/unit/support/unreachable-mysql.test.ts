import net from 'node:net';
import { createMysqlDatabase } from '../../support/database';

// When MySQL cannot be reached, the MySQL run must fail and say how to point it at a server;
// it must never pass by skipping.

describe('the MySQL test database', () => {
  const saved = process.env.TEST_MYSQL_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.TEST_MYSQL_URL;
    else process.env.TEST_MYSQL_URL = saved;
  });

  it('fails with a message naming TEST_MYSQL_URL when no server answers', async () => {
    // A port that was free a moment ago: nothing listens there.
    const port = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = server.address() as net.AddressInfo;
        server.close(() => resolve(free));
      });
    });
    process.env.TEST_MYSQL_URL = `mysql://root@127.0.0.1:${port}/`;
    await expect(createMysqlDatabase()).rejects.toThrow(
      /could not reach 127\.0\.0\.1:\d+.*TEST_MYSQL_URL=mysql:\/\/user:password@host:port\//s,
    );
  });
});
