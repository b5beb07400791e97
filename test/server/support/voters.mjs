/**
 * Simulated readers for the load tests. Each voter acts like the widget: one request at a time, and a
 * vote that did not get a 200 stays in its outbox (only the latest per item) until a later retry delivers
 * it. What each voter meant to leave behind is known in advance, so the final tallies can be checked exactly.
 */
import { voter as voterId } from './server-process.mjs';

const key = (voter, item) => `${voter}\u0000${item}`;

/**
 * For each voter, a random order of actions over the items: a first vote on most items, then on some a
 * change of mind, a withdrawal, or a vote again after withdrawing. `expected` is the tally of each
 * voter's last vote per item; `finalVotes` maps voter+item to that vote.
 */
export function votingPlan(random, { voters, items, prefix }) {
  const itemIds = Array.from({ length: items }, (_, n) => `${prefix}-item-${n}`);
  const plan = [];
  const finalVotes = new Map();
  for (let v = 0; v < voters; v++) {
    const voter = voterId(900_000 + v);
    const perItem = [];
    for (const item of itemIds) {
      if (random.chance(0.1)) continue; // this reader never votes on this item
      const votes = [random.pick(['yes', 'no'])];
      if (random.chance(0.4)) votes.push(votes[0] === 'yes' ? 'no' : 'yes');
      if (random.chance(0.3)) votes.push(null);
      if (votes.at(-1) === null && random.chance(0.3)) votes.push(random.pick(['yes', 'no']));
      if (random.chance(0.1)) votes.push(votes.at(-1)); // the same vote again, as a retry would send it
      perItem.push({ item, votes });
    }
    // Interleave the items, keeping each item's votes in order.
    const actions = [];
    while (perItem.length > 0) {
      const index = random.int(perItem.length);
      const { item, votes } = perItem[index];
      actions.push({ item, vote: votes.shift() });
      if (votes.length === 0) perItem.splice(index, 1);
    }
    for (const { item, vote } of actions) finalVotes.set(key(voter, item), vote);
    plan.push({ voter, actions });
  }
  const expected = new Map(itemIds.map((id) => [id, { id, yes: 0, no: 0 }]));
  for (const [pair, vote] of finalVotes) if (vote !== null) expected.get(pair.split('\u0000')[1])[vote]++;
  return {
    itemIds,
    plan,
    finalVotes,
    expected: [...expected.values()],
    actionCount: plan.reduce((sum, { actions }) => sum + actions.length, 0),
  };
}

/** The stored votes as `voter\0item → vote`, from rows of `{ item, voter, vote }`. */
export const votesByPair = (rows) => new Map(rows.map((row) => [key(row.voter, row.item), row.vote]));

/**
 * Runs every voter of `plan` at once. `target(voterIndex, step)` is the base URL for a request. A request
 * that fails (no answer, or any status but 200) is recorded in `failures`, its vote stays in the voter's
 * outbox, and the voter waits for `waitForService(failure)` before going on: it first retries its outbox, then
 * continues with its plan. At the end every outbox is empty. Without `waitForService`, a failure ends the run.
 *
 * `onAcknowledged(progress)` is called after each 200. `progress` tracks, per voter+item, the last vote
 * acknowledged (`acknowledged`) and a vote sent but not acknowledged (`unconfirmed`), and the number of
 * requests on their way (`pending`).
 *
 * @param {{ plan: any }} plan
 * @param {{ target: (voterIndex: number, step: number) => string, waitForService?: (failure: any) => Promise<void>, onAcknowledged?: (progress: any) => void }} options
 */
export async function runVoters({ plan }, { target, waitForService, onAcknowledged = () => {} }) {
  const progress = { acknowledged: new Map(), unconfirmed: new Map(), count: 0, pending: 0 };
  waitForService ??= async (failure) => {
    throw new Error(`a vote failed: ${JSON.stringify(failure)}`);
  };
  const failures = [];
  const badAnswers = [];

  async function send(voterIndex, step, voter, item, vote) {
    const pair = key(voter, item);
    progress.unconfirmed.set(pair, vote);
    progress.pending++;
    let status;
    try {
      const response = await fetch(`${target(voterIndex, step)}/api/votes`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ id: item, vote, voter }),
      });
      status = response.status;
      const body = await response.json();
      if (
        status === 200 &&
        !(
          body.id === item &&
          Number.isSafeInteger(body.yes) &&
          Number.isSafeInteger(body.no) &&
          body.yes >= 0 &&
          body.no >= 0
        )
      ) {
        badAnswers.push({ item, body });
      }
    } catch (error) {
      status = error.cause?.code ?? error.message;
    } finally {
      progress.pending--;
    }
    if (status !== 200) {
      failures.push({ voter, item, vote, status });
      return false;
    }
    progress.unconfirmed.delete(pair);
    progress.acknowledged.set(pair, vote);
    progress.count++;
    onAcknowledged(progress);
    return true;
  }

  await Promise.all(
    plan.map(async ({ voter, actions }, voterIndex) => {
      const outbox = new Map();
      let step = 0;
      const flush = async () => {
        for (;;) {
          for (const [item, vote] of outbox) if (await send(voterIndex, step++, voter, item, vote)) outbox.delete(item);
          if (outbox.size === 0) return;
          await waitForService(failures.at(-1));
        }
      };
      for (const { item, vote } of actions) {
        outbox.set(item, vote);
        if (await send(voterIndex, step++, voter, item, vote)) outbox.delete(item);
        else {
          await waitForService(failures.at(-1));
          await flush();
        }
      }
      await flush();
    }),
  );
  return { progress, failures, badAnswers };
}
