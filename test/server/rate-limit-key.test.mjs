/**
 * The rate limit's budget per client (issue 12): an IPv6 client is one /64 (a customer is usually given a
 * whole /64, and could rotate through it), an IPv4 client its address, in whichever form it arrives.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rateLimitKey } from '../../dist/node/server/http/rate-limit-key.js';
import { startServer, tempDb, vote, voter } from './support/server-process.mjs';

describe('the rate limit key of an address', () => {
  it('is the /64 of an IPv6 address, however it is written', () => {
    const key = rateLimitKey('2001:db8:1:2::1');
    for (const same of [
      '2001:db8:1:2::ffff',
      '2001:db8:1:2:ffff:ffff:ffff:ffff',
      '2001:0DB8:0001:0002:0000:0000:0000:0009',
      '2001:db8:1:2:a:b:c:d',
      '2001:db8:1:2::1%eth0',
      '2001:db8:1:2:0:0:192.0.2.1',
    ]) {
      assert.equal(rateLimitKey(same), key, same);
    }
    for (const other of ['2001:db8:1:3::1', '2001:db8:1::1', '2001:db8:0:1:2::1', '2001:db9:1:2::1', '::1', '::']) {
      assert.notEqual(rateLimitKey(other), key, other);
    }
    assert.equal(rateLimitKey('::1'), rateLimitKey('::2'));
  });

  it('is the IPv4 address of an IPv4-mapped IPv6 address', () => {
    assert.equal(rateLimitKey('::ffff:203.0.113.7'), rateLimitKey('203.0.113.7'));
    assert.equal(rateLimitKey('::FFFF:cb00:7107'), rateLimitKey('203.0.113.7'));
    assert.equal(rateLimitKey('0:0:0:0:0:ffff:203.0.113.7'), rateLimitKey('203.0.113.7'));
    assert.notEqual(rateLimitKey('::ffff:203.0.113.8'), rateLimitKey('203.0.113.7'));
    // Two IPv4 clients never share a budget, whatever their neighbourhood.
    assert.notEqual(rateLimitKey('203.0.113.7'), rateLimitKey('203.0.113.6'));
  });

  it('keeps anything that is not an IP address apart, as itself', () => {
    assert.equal(rateLimitKey(undefined), rateLimitKey(undefined));
    assert.notEqual(rateLimitKey('not-an-address'), rateLimitKey(undefined));
    assert.notEqual(rateLimitKey('not-an-address'), rateLimitKey('2001:db8:1:2::1'));
  });
});

describe('the rate limit of the server', () => {
  const voteFrom = (url, address, n) =>
    vote(
      url,
      { id: 'limited', vote: 'yes', voter: voter(n) },
      { 'Content-Type': 'application/json', 'X-Forwarded-For': address },
    );

  async function statuses(url, addresses) {
    const result = [];
    for (const [n, address] of addresses.entries()) result.push((await voteFrom(url, address, n)).status);
    return result;
  }

  it('gives two IPv6 addresses of one /64 one budget, and addresses of two /64s one each', async () => {
    const server = await startServer(['--db', tempDb(), '--rate-limit', '2', '--trust-proxy', '1']);
    try {
      assert.deepEqual(
        await statuses(server.url, ['2001:db8:1:2::1', '2001:db8:1:2:ffff::9', '2001:db8:1:2:8000::1']),
        [200, 200, 429],
      );
      assert.deepEqual(await statuses(server.url, ['2001:db8:1:3::1', '2001:db8:1:3::2']), [200, 200]);
      assert.deepEqual(await statuses(server.url, ['[2001:db8:1:3::77]:443']), [429]);
    } finally {
      await server.stop();
    }
  });

  it('gives an IPv4 client one budget whether its address comes IPv4-mapped or not', async () => {
    const server = await startServer(['--db', tempDb(), '--rate-limit', '2', '--trust-proxy', '1']);
    try {
      assert.deepEqual(
        await statuses(server.url, ['::ffff:198.51.100.9', '198.51.100.9', '::ffff:198.51.100.9']),
        [200, 200, 429],
      );
      assert.deepEqual(await statuses(server.url, ['198.51.100.10']), [200]);
    } finally {
      await server.stop();
    }
  });
});
