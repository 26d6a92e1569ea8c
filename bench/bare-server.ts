/**
 * The bare baseline for `npm start`: a Node HTTP server that only answers, started the same way
 * (through npm and `node --import tsx`, as `npm start` runs), so the ratio says what Hearth's own
 * start adds.
 * @module
 */
import { createServer } from 'node:http';

createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end('{"ok":true}');
}).listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGINT', () => process.exit(0));
