// The ceiling: a bare Node HTTP server answering a fixed JSON body, what no real handler can beat.
import { createServer } from 'node:http';

const body = JSON.stringify({ items: [{ id: 'faq-42', yes: 12, no: 3 }] });
const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
    response.end(body);
  });
});
server.listen(0, '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${server.address().port}`));
