// The printed report (Markdown tables, ready for docs/PERFORMANCE.md) and the goals: issue 16's, and the
// bench's own earlier goal for Redis memory at rest.
import { REMEMBERED_COMMANDS } from '../server/store/types.js';
import type { CapacityResult } from './capacity.js';
import type { LatencyResult } from './latency.js';
import { count, kb, mb, ms, ratio } from './stats.js';

export interface Machine {
  node: string;
  cores: number;
  cpu: string;
  memoryBytes: number;
  redis: string;
  socketIo: string;
  commit: string;
  date: string;
}

export interface BenchResult {
  machine: Machine;
  quick: boolean;
  latency: LatencyResult;
  capacity: CapacityResult;
  goals: Goal[];
}

export interface Goal {
  goal: string;
  measured: string;
  met: boolean;
}

/**
 * The share of moves that cost one round trip (a hit: the node's copy was current). A move whose copy was
 * stale costs two (a commit that meets the conflict, then one that lands; or a load when the copy would
 * refuse the change, then the commit), so with t trips per move, 2 − t of them were hits.
 */
function hitRate(commands: LatencyResult['commands']['closer-1']): string {
  const trips = Object.entries(commands.sent)
    .filter(([key]) => key.startsWith('evalsha [{id}:room, {id}:results'))
    .reduce((sum, [, n]) => sum + n, 0);
  return `${Math.round(100 * Math.min(1, Math.max(0, 2 - trips)))} % (${Number(trips.toFixed(2))} trips a move)`;
}

const p50Of = (latency: LatencyResult, name: string) => latency.scenarios.find((s) => s.name === name)?.latency.p50 ?? 0;

export function goals(latency: LatencyResult, capacity: CapacityResult): Goal[] {
  const relay = p50Of(latency, 'relay');
  const one = p50Of(latency, 'closer-1');
  const two = p50Of(latency, 'closer-2');
  const commands = latency.commands['closer-1'];
  const sent = commands.sentPerMove;
  // The nodes' stream readers block in XREAD and wake when entries arrive: a read shared by every move in
  // the batch, on no one's path. The move's own round trips are the rest (a commit, and a load when the
  // node's copy of the room was missing or refused the change).
  const readerWakes = commands.sent['xread'] ?? 0;
  const ownTrips = sent - readerWakes;
  const top = capacity.levels.at(-1);
  // Issue 16: the largest level one process may hold here (the 20,000 open-file cap: 9,900 rooms or more).
  const atCap = capacity.levels.filter((l) => l.liveRooms >= 9_900).at(-1);
  const capGoal = 'at 9,900 live rooms or more on one node (the open-file cap), partner p99 under 50 ms';
  return [
    { goal: 'one node with Redis: p50 within 1.7x the bare relay', measured: `${ms(one)} ms vs ${ms(relay)} ms = ${ratio(one, relay)}`, met: one <= 1.7 * relay },
    { goal: 'two nodes: p50 within 2.3x the bare relay', measured: `${ms(two)} ms vs ${ms(relay)} ms = ${ratio(two, relay)}`, met: two <= 2.3 * relay },
    {
      goal: 'one Redis round trip per move in the common case (one node)',
      measured: `${Number(ownTrips.toFixed(2))} round trips made by the move (one node), plus ${Number(readerWakes.toFixed(2))} stream-reader wake-ups per move at this pacing (they batch under load); room cache hits: ${hitRate(latency.commands['closer-1'])} on one node, ${hitRate(latency.commands['closer-2'])} on two nodes with the partner on the other`,
      met: ownTrips <= 1.05,
    },
    atCap
      ? {
          goal: capGoal,
          measured: `${count(atCap.liveRooms)} live rooms, p99 ${ms(atCap.latency.p99)} ms`,
          met: atCap.latency.p99 < 50 && atCap.lost === 0,
        }
      : { goal: capGoal, measured: capShortOf(capacity.levels), met: false },
    {
      goal: 'at most 40 KB of server memory per live room',
      measured: top
        ? `${kb(top.rssPerRoomBytes)} at ${count(top.liveRooms)} rooms under load; ${kb(capacity.atRest.rssPerRoomBytes)} once quiet${tellsRss(top) ? '' : ' (too few rooms to tell: the idle node’s own RSS moves by more)'}; ${againstRelay(capacity)}`
        : 'not run',
      met: top !== undefined && tellsRss(top) && top.rssPerRoomBytes <= 40 * 1024,
    },
    {
      goal: 'under 4 KB of Redis memory per room at rest',
      measured: `${kb(capacity.atRest.roomKeysBytes)} after ~${Math.round(capacity.atRest.movesPerRoom)} moves; ${kb(latency.busyRoomBytes)} with ${REMEMBERED_COMMANDS} remembered commands (full)`,
      met: Math.max(capacity.atRest.roomKeysBytes, latency.busyRoomBytes) < 4 * 1024,
    },
  ];
}

/** Closer's RSS a room at the level the relay baseline held, against the relay's a pair: what Socket.IO itself costs. */
function againstRelay(capacity: CapacityResult): string {
  const { baseline } = capacity;
  const same = capacity.levels.find((l) => l.liveRooms === baseline.rooms);
  const relay = `the bare relay ${kb(baseline.rssPerRoomBytes)} a pair at ${count(baseline.rooms)} pairs`;
  return same ? `${relay}, Closer ${kb(same.rssPerRoomBytes)} there (${ratio(same.rssPerRoomBytes, baseline.rssPerRoomBytes)})` : relay;
}

/** Why no level reached the cap: none asked for it (BENCH_LEVELS), or the largest asked opened fewer rooms. */
function capShortOf(levels: { requestedRooms: number; liveRooms: number; latency: { p99: number } }[]): string {
  const largest = levels.at(-1);
  if (!largest || largest.requestedRooms < 9_900) return 'not run (BENCH_LEVELS)';
  return `${count(largest.requestedRooms)} rooms asked, only ${count(largest.liveRooms)} opened before the ramp's deadline (the node saturated), p99 ${ms(largest.latency.p99)} ms there`;
}

/** RSS per room says something only over enough rooms: below 1,000 the idle node's own RSS drifts by more. */
function tellsRss(level: { liveRooms: number; rssPerRoomBytes: number }): boolean {
  return level.liveRooms >= 1_000 && level.rssPerRoomBytes > 0;
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function failures(failed: Record<string, number>, lost: number, skipped: number): string {
  const parts = Object.entries(failed).map(([code, n]) => `${code} ${n}`);
  if (lost) parts.push(`lost ${lost}`);
  if (skipped) parts.push(`skipped ${skipped}`);
  return parts.join(', ') || 'none';
}

export function formatReport(result: BenchResult): string {
  const { machine, latency, capacity } = result;
  const relay = latency.scenarios.find((s) => s.name === 'relay')!.latency;
  const out: string[] = [];
  out.push(
    `Node ${machine.node} · ${machine.cores} cores (${machine.cpu}) · ${mb(machine.memoryBytes)} · Redis ${machine.redis} · ` +
      `socket.io ${machine.socketIo} · ${machine.commit} · ${machine.date}${result.quick ? ' · QUICK RUN' : ''}`,
  );

  out.push(
    '',
    `### Partner latency (ms), loopback; one move every ${latency.pacing.gapMs} ms over ${latency.pacing.pairs} pairs in every scenario; client: ${latency.client}`,
    '',
    table(
      ['scenario', 'samples', 'p50', 'p95', 'p99', 'p50 / relay', 'p95 / relay', 'p99 / relay', 'server CPU per move', 'bytes to B', 'failures'],
      latency.scenarios.map((s) => [
        s.label,
        count(s.latency.samples),
        ms(s.latency.p50),
        ms(s.latency.p95),
        ms(s.latency.p99),
        ratio(s.latency.p50, relay.p50),
        ratio(s.latency.p95, relay.p95),
        ratio(s.latency.p99, relay.p99),
        s.name === 'redis-ping' ? '–' : `${s.cpuMsPerMove.servers.toFixed(3)} ms`,
        String(s.messageBytes),
        failures(s.failed, s.lost, s.skipped),
      ]),
    ),
  );

  out.push('', '### Redis commands per move (counted with MONITOR, not timed)', '');
  for (const [name, counted] of Object.entries(latency.commands)) {
    const sent = Object.entries(counted.sent).map(([label, n]) => `${label} ×${n}`).join(', ');
    const inside = Object.entries(counted.insideScripts).map(([label, n]) => `${label} ×${n}`).join(', ');
    out.push(`- ${name}: **${counted.sentPerMove} sent** (${sent}); inside scripts: ${inside}`);
  }

  out.push(
    '',
    `### Capacity, one node: each person moves every 10 s (server idle RSS ${mb(capacity.idleRssBytes)}; its open-file limit ${count(capacity.serverFileLimit)} allows ${count(capacity.roomLimit)} rooms; client: ${capacity.client})`,
    '',
    table(
      ['rooms asked', 'live rooms', 'moves/s', 'p50', 'p95', 'p99', 'server CPU', 'server CPU per move', 'generators CPU', 'Redis CPU', 'machine CPU (of 200%)', 'server RSS', 'RSS per room', 'Redis cmds per move', 'adapter stream', 'failures'],
      capacity.levels.map((l) => [
        count(l.requestedRooms),
        count(l.liveRooms),
        l.movesPerSecond.toFixed(0),
        ms(l.latency.p50),
        ms(l.latency.p95),
        ms(l.latency.p99),
        `${l.cpu.server.toFixed(0)}%`,
        `${((10 * l.cpu.server) / Math.max(1, l.movesPerSecond)).toFixed(2)} ms`,
        `${l.cpu.generators.toFixed(0)}% (${l.generators} procs, loop p99 ${ms(l.generatorLoopDelayP99)} ms, pings at most ${(l.longestPingGapMs / 1000).toFixed(1)} s apart)`,
        `${l.cpu.redis.toFixed(0)}%`,
        `${l.machine.busy.toFixed(0)}% (softirq ${l.machine.softirq.toFixed(0)}%, steal ${l.machine.steal.toFixed(0)}%)`,
        mb(l.serverRssBytes),
        kb(l.rssPerRoomBytes),
        String(l.commands.sentPerMove),
        mb(l.streamBytes),
        failures(l.failed, l.lost, l.skipped) + (l.failedOpens ? `, ${l.failedOpens} rooms failed to open` : ''),
      ]),
    ),
    '',
    `The bare relay first, alone, with ${count(capacity.baseline.rooms)} pairs at the same pace (the floor Socket.IO sets): ${capacity.baseline.movesPerSecond.toFixed(0)} moves/s, ` +
      `p50 ${ms(capacity.baseline.latency.p50)} ms, p99 ${ms(capacity.baseline.latency.p99)} ms, server ${capacity.baseline.cpu.server.toFixed(0)}% ` +
      `(${((10 * capacity.baseline.cpu.server) / Math.max(1, capacity.baseline.movesPerSecond)).toFixed(2)} ms a move), generators ${capacity.baseline.cpu.generators.toFixed(0)}%, ` +
      `**RSS ${kb(capacity.baseline.rssPerRoomBytes)} a pair**.`,
    '',
    `Redis memory per room at rest (MEMORY USAGE of room + results + order, ${capacity.atRest.rooms} rooms after ~${Math.round(capacity.atRest.movesPerRoom)} moves each): ` +
      `**${kb(capacity.atRest.roomKeysBytes)}**; with ${REMEMBERED_COMMANDS} remembered commands, full (the latency rooms): **${kb(latency.busyRoomBytes)}**; ` +
      `plus ${kb(capacity.atRest.lookupBytes)} of claim lookups (and a code lookup while the second seat is free) for their first 15 minutes.`,
    '',
    `Server memory with everyone still connected, ${capacity.atRest.quietSeconds} s after the last move: ${mb(capacity.atRest.serverRssBytes)} RSS, ` +
      `**${kb(capacity.atRest.rssPerRoomBytes)} per live room** (under load: ${kb(capacity.levels.at(-1)?.rssPerRoomBytes ?? 0)}).`,
  );

  out.push('', '### Goals', '', table(['goal', 'measured', 'met'], result.goals.map((g) => [g.goal, g.measured, g.met ? 'yes' : '**no**'])));
  return out.join('\n');
}
