import mysql from 'mysql2/promise';

/**
 * Asks the server whether it is MariaDB. TypeORM reads MariaDB's information_schema correctly
 * only when its driver type is 'mariadb'; as 'mysql' it sees every nullable column as changed.
 */
export async function detectMysqlFlavor(url: string): Promise<'mysql' | 'mariadb'> {
  const connection = await mysql.createConnection(url);
  try {
    const [rows] = await connection.query('SELECT VERSION() AS version');
    const version = String((rows as Array<{ version: string }>)[0]?.version ?? '');
    return /mariadb/i.test(version) ? 'mariadb' : 'mysql';
  } finally {
    await connection.end();
  }
}
