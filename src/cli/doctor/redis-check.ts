import net from 'node:net';
import tls from 'node:tls';
import { showUrl } from './check';
import type { CheckResult } from './check';

// REDIS_URL answers: connect, AUTH when the URL has a password, PING. A few lines of the Redis
// protocol (RESP) on a socket, so that the check needs no client library of its own.

function command(...parts: string[]): string {
  return `*${parts.length}\r\n${parts.map((p) => `$${Buffer.byteLength(p)}\r\n${p}\r\n`).join('')}`;
}

/** Sends the commands in order and resolves with the first line of each reply. */
function converse(url: URL, commands: string[], timeoutMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const port = Number(url.port || 6379);
    const socket =
      url.protocol === 'rediss:'
        ? tls.connect({ host: url.hostname, port, servername: url.hostname })
        : net.connect({ host: url.hostname, port });
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error('no answer in time')));
    const replies: string[] = [];
    let buffer = '';
    socket.on('connect', () => socket.write(commands.join('')));
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let end;
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        replies.push(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
      if (replies.length >= commands.length || replies.some((r) => r.startsWith('-'))) {
        socket.end();
        resolve(replies);
      }
    });
    socket.on('error', reject);
    socket.on('close', () => reject(new Error('the server closed the connection')));
  });
}

export async function checkRedis(raw: string | null, timeoutMs: number): Promise<CheckResult> {
  if (raw === null) return { name: 'redis', status: 'skip', detail: 'REDIS_URL is not set' };
  const url = new URL(raw);
  const commands: string[] = [];
  if (url.password) {
    const password = decodeURIComponent(url.password);
    const user = decodeURIComponent(url.username);
    commands.push(user ? command('AUTH', user, password) : command('AUTH', password));
  }
  commands.push(command('PING'));
  const replies = await converse(url, commands, timeoutMs);
  const refused = replies.find((reply) => reply.startsWith('-'));
  if (refused !== undefined) {
    return { name: 'redis', status: 'fail', detail: `${showUrl(raw)}: ${refused.slice(1)}` };
  }
  if (replies.at(-1) !== '+PONG') {
    return { name: 'redis', status: 'fail', detail: `${showUrl(raw)}: no PONG to PING` };
  }
  return { name: 'redis', status: 'ok', detail: `${showUrl(raw)} answers PING` };
}
