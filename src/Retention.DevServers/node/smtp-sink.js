'use strict';
// A test SMTP server: accepts every message on 127.0.0.1 and writes it, raw, to DIR/<n>.eml (n = 1, 2, ...),
// replying "250 OK: queued as <n>". Usage: node smtp-sink.js PORT DIR   (PORT 0 = any free port).
// Prints "listening on <port>" once it accepts connections.
// Magic recipients and users let tests see the server's refusals: reject@... gets 550, defer@... gets 451,
// and the user name "wrong" fails authentication with 535. Any other user name and password are accepted.
const fs = require('fs');
const path = require('path');
const { SMTPServer } = require('smtp-server');

const [port, dir] = process.argv.slice(2);
let count = 0;

function refuse(code, text) {
  const error = new Error(text);
  error.responseCode = code;
  return error;
}

const server = new SMTPServer({
  authOptional: true,
  allowInsecureAuth: true,
  // MailKit would otherwise upgrade to TLS and refuse smtp-server's self-signed certificate.
  disabledCommands: ['STARTTLS'],
  logger: false,
  onAuth(auth, session, callback) {
    if (auth.username === 'wrong') {
      return callback(refuse(535, 'Authentication failed'));
    }
    callback(null, { user: auth.username });
  },
  onRcptTo(address, session, callback) {
    const local = address.address.split('@')[0].toLowerCase();
    if (local === 'reject') {
      return callback(refuse(550, 'Mailbox unavailable'));
    }
    if (local === 'defer') {
      return callback(refuse(451, 'Try again later'));
    }
    callback();
  },
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('end', () => {
      const n = ++count;
      // Write then rename, so a reader never sees a half-written message.
      const file = path.join(dir, `${n}.eml`);
      fs.writeFileSync(file + '.tmp', Buffer.concat(chunks));
      fs.renameSync(file + '.tmp', file);
      callback(null, `queued as ${n}`);
    });
  },
});

server.on('error', (error) => {
  console.error(`smtp-sink: ${error.message}`);
  process.exit(1);
});
server.listen(Number(port), '127.0.0.1', () => {
  console.log(`listening on ${server.server.address().port}`);
});
