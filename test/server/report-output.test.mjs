/**
 * The output plumbing of the owner's commands (CONTRACT.md section 6), shared by `comments` and `report`: the
 * window of UTC days, CSV by RFC 4180 with formula cells defused, and the terminal table that fits 80 columns by
 * display width, with ids shortened in the middle and every id and comment in a bidirectional isolate.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isolate } from '../../dist/node/server/report/bidi-isolate.js';
import { csvField, toCsv } from '../../dist/node/server/report/csv.js';
import { displayWidth, shortenMiddle, wrap } from '../../dist/node/server/report/display-width.js';
import { InvalidWindow, reportWindow } from '../../dist/node/server/report/report-window.js';
import { renderTable } from '../../dist/node/server/report/terminal-table.js';

const FSI = '\u2068';
const PDI = '\u2069';
const withoutIsolates = (text) => text.replace(/[\u2068\u2069]/g, '');

describe('the window of days', () => {
  const now = new Date('2026-03-31T23:59:59.999Z');

  it('is the --until day and the 29 days before by default, today by default, UTC days', () => {
    assert.deepEqual(reportWindow({}, now), {
      since: '2026-03-02',
      until: '2026-03-31',
      from: new Date('2026-03-02T00:00:00.000Z'),
      to: new Date('2026-04-01T00:00:00.000Z'),
    });
    // Just after midnight UTC it is already the next day, whatever the local time zone says.
    assert.equal(reportWindow({}, new Date('2026-04-01T00:00:00.000Z')).until, '2026-04-01');
  });

  it('counts --since Nd back from --until, both days included', () => {
    const week = reportWindow({ since: '7d', until: '2026-02-03' }, now);
    assert.deepEqual(
      [week.since, week.until, week.from, week.to],
      ['2026-01-28', '2026-02-03', new Date('2026-01-28T00:00:00Z'), new Date('2026-02-04T00:00:00Z')],
    );
    assert.deepEqual(reportWindow({ since: '1d', until: '2024-02-29' }, now).from, new Date('2024-02-29T00:00:00Z'));
  });

  it('takes a date, or all for no first day', () => {
    const dated = reportWindow({ since: '2026-03-05', until: '2026-03-05' }, now);
    assert.deepEqual([dated.from, dated.to], [new Date('2026-03-05T00:00:00Z'), new Date('2026-03-06T00:00:00Z')]);
    assert.deepEqual(reportWindow({ since: 'all', until: '2026-03-05' }, now), {
      since: null,
      until: '2026-03-05',
      to: new Date('2026-03-06T00:00:00Z'),
    });
  });

  it('refuses what is not a day, a window that ends before it starts, and zero days', () => {
    for (const [options, message] of /** @type {Array<[{ since?: string, until?: string }, RegExp]>} */ ([
      [{ since: '2026-02-30' }, /--since must be a date YYYY-MM-DD/],
      [{ since: '2026-3-1' }, /--since must be a date YYYY-MM-DD/],
      [{ since: '3d ago' }, /--since must be a number of days \(30d\), all, or a date/],
      [{ since: '30' }, /--since must be/],
      [{ since: 'yesterday' }, /--since must be/],
      [{ until: '31.03.2026' }, /--until must be a date YYYY-MM-DD/],
      [{ until: '2026-04-31' }, /--until must be a date/],
      [{ since: '2026-04-01', until: '2026-03-31' }, /--since 2026-04-01 is after --until 2026-03-31/],
      [{ since: '0d' }, /number of days must be from 1/],
    ]))
      assert.throws(
        () => reportWindow(options, now),
        (error) => error instanceof InvalidWindow && message.test(error.message),
      );
  });
});

describe('CSV', () => {
  it('quotes a field with a comma, a quote or a line break, doubling its quotes (RFC 4180)', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a, b'), '"a, b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    assert.equal(csvField('two\r\nlines'), '"two\r\nlines"');
    assert.equal(csvField(''), '');
    assert.equal(csvField(null), '');
    assert.equal(csvField(42), '42');
  });

  it('defuses a cell that a spreadsheet would run as a formula', () => {
    for (const [cell, defused] of [
      ['=HYPERLINK("http://evil.example","click")', `"'=HYPERLINK(""http://evil.example"",""click"")"`],
      ['+1', "'+1"],
      ['-1+1', "'-1+1"],
      ['@SUM(A1)', "'@SUM(A1)"],
      ['\tindented', "'\tindented"],
      ['\r=1', `"'\r=1"`],
    ])
      assert.equal(csvField(cell), defused, JSON.stringify(cell));
    for (const harmless of ['a=1', ' =1', 'x-1', "'quoted", '<img src=x onerror=alert(1)>'])
      assert.equal(csvField(harmless), harmless);
  });

  it('writes a header row, then one row per record, each ending with CRLF', () => {
    assert.equal(
      toCsv(
        ['item', 'comment'],
        [
          ['a', 'one, two'],
          ['b', null],
        ],
      ),
      'item,comment\r\na,"one, two"\r\nb,\r\n',
    );
  });
});

describe('display width', () => {
  it('counts East Asian wide characters two columns, combining marks and isolates none', () => {
    assert.equal(displayWidth('abc'), 3);
    assert.equal(displayWidth('日本語'), 6);
    assert.equal(displayWidth('한국어'), 6);
    assert.equal(displayWidth('e\u0301'), 1);
    assert.equal(displayWidth(`${FSI}abc${PDI}`), 3);
  });

  it('shortens in the middle, keeping the start and the end, without splitting a character', () => {
    assert.equal(shortenMiddle('https://example.org/docs/getting-started', 20), 'https://ex…g-started');
    assert.equal(shortenMiddle('short', 20), 'short');
    const wide = shortenMiddle('日本語のページ/とても長い識別子', 10);
    assert.equal(wide, '日本…別子'); // 9 columns: a tenth would split a wide character
    assert.equal(shortenMiddle('👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧', 5), '👨‍👩‍👧…👨‍👩‍👧');
  });

  it('wraps at spaces, and inside a word only when it is too long', () => {
    assert.deepEqual(wrap('the quick brown fox jumps', 10), ['the quick', 'brown fox', 'jumps']);
    assert.deepEqual(wrap('abcdefghijkl', 5), ['abcde', 'fghij', 'kl']);
    assert.deepEqual(wrap('日本語の文章です', 6), ['日本語', 'の文章', 'です']);
  });
});

describe('bidirectional isolation', () => {
  it('wraps text in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE', () => {
    assert.equal(isolate('שלום'), `${FSI}שלום${PDI}`);
  });

  it('drops a PDI that would close the isolate early, and keeps the isolates a comment opens and closes', () => {
    assert.equal(isolate('a\u2069\u202Eb'), `${FSI}a\u202Eb${PDI}`);
    assert.equal(isolate('\u2067ltr\u2069 \u2069'), `${FSI}\u2067ltr\u2069 ${PDI}`);
  });
});

describe('the terminal table', () => {
  const columns = [
    { header: 'received (UTC)' },
    { header: 'item', shrink: true },
    { header: 'vote' },
    { header: 'reason', shrink: true },
  ];
  const ids = [
    `https://example.org/docs/${'very-long-section/'.repeat(6)}getting-started`,
    `https://example.org/ja/${'日本語のページ'.repeat(6)}/最後`,
    `https://example.org/he/${'מדריך-התקנה-'.repeat(6)}סוף`,
    'https://example.org/ar/دليل',
  ];
  const rows = ids.map((id, n) => ({
    cells: [
      '2026-03-31 23:59',
      id,
      n % 2 ? 'yes' : 'no',
      n === 2 ? 'a-very-long-custom-reason-code-from-a-site' : 'missing',
    ],
    note:
      n === 1
        ? `${'とても長いコメントです。'.repeat(12)}\n\nSecond paragraph`
        : n === 3
          ? 'تعليق من اليمين إلى اليسار'
          : undefined,
  }));
  const table = renderTable(columns, rows, 80);
  const lines = table.split('\n').slice(0, -1);

  it('fits 80 columns by display width, every line', () => {
    for (const line of lines) assert.ok(displayWidth(line) <= 80, `${displayWidth(line)} columns: ${line}`);
    assert.ok(
      lines.some((line) => displayWidth(line) >= 70),
      'the table uses the width it has',
    );
  });

  it('shortens long ids in the middle, keeping how they start and end', () => {
    const shown = lines.filter((line) => line.startsWith(FSI)).map((line) => withoutIsolates(line));
    for (const [n, end] of ['started', 'ページ/最後', 'התקנה-סוף'].entries()) {
      const id = shown[n].split(/\s{2,}/)[1];
      assert.ok(id.startsWith('https://exam') && id.includes('…') && id.endsWith(end), id);
    }
    assert.ok(shown[3].includes('https://example.org/ar/دليل'), 'a short id stays whole');
  });

  it('puts every cell and note line in an isolate, so that right-to-left text cannot reorder its line', () => {
    const rowLines = lines.filter((line) => line.startsWith(FSI));
    assert.equal(rowLines.length, 4);
    for (const line of rowLines) {
      const cells = line.split(/\s{2,}/);
      assert.equal(cells.length, 4, line);
      for (const cell of cells) assert.match(cell, /^\u2068[^\u2068\u2069]*\u2069$/, cell);
    }
    const noteLines = lines.filter((line) => line.startsWith(`  ${FSI}`));
    assert.ok(noteLines.some((line) => line.includes('تعليق من اليمين إلى اليسار')));
    for (const line of noteLines) assert.match(line, /^ {2}\u2068[^\u2068\u2069]*\u2069$/, line);
  });

  it('wraps a note across the width, keeping all of it and its paragraphs', () => {
    const noteText = lines
      .filter((line) => line.startsWith('  '))
      .map((line) => withoutIsolates(line.trim()))
      .join('');
    assert.ok(noteText.includes('とても長いコメントです。'.repeat(12)));
    assert.ok(lines.includes(''), 'the empty line between the paragraphs');
    assert.ok(lines.some((line) => withoutIsolates(line) === '  Second paragraph'));
  });

  it('shows control characters a database may hold as U+FFFD, never as a terminal would act on them', () => {
    const hostile = renderTable(
      [{ header: 'item' }],
      [{ cells: ['a\u001B[2Jb\u009Bc'], note: 'x\u001B]0;title\u0007y' }],
    );
    assert.doesNotMatch(hostile, /[\u001B\u0007\u009B]/);
    assert.match(hostile, /a\uFFFD\[2Jb\uFFFDc/);
  });
});
