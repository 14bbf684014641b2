/**
 * Entry point of dist/server.js. The transport comes from the command line, as every LSP client passes it:
 * `--stdio`, `--node-ipc` or `--socket=PORT`.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);

// a bug must never take the server down: log it and keep serving
process.on('uncaughtException', (e) => {
  try {
    connection.console.error(`draftlint: uncaught exception: ${e?.stack ?? e}`);
  } catch {
    /* the connection may be gone */
  }
});
process.on('unhandledRejection', (e) => {
  try {
    connection.console.error(`draftlint: unhandled rejection: ${(e as Error)?.stack ?? e}`);
  } catch {
    /* the connection may be gone */
  }
});

startServer(connection);
connection.listen();
