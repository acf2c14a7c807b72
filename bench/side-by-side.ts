/**
 * Before and after, on the same machine: runs `bench:purchase` and `bench:verify` for an
 * older commit and for this checkout alternately (old, new, old, new…), then prints the
 * median of each figure per side and the ratio new ÷ old.
 *
 * Alternating matters on shared machines: load drifts over minutes, so two blocks run one
 * after the other would compare the machine's moods rather than the code. The median of
 * a few alternated rounds is what the "within 10%" rule in CONTRIBUTING.md is checked on.
 *
 *   npm run bench:side-by-side -- <old-commit>            # 3 rounds, 8 s per case
 *   BENCH_ROUNDS=5 BENCH_SECONDS=10 npm run bench:side-by-side -- 4420f45
 *   BENCH_ONLY=verify BENCH_ROUNDS=7 npm run bench:side-by-side -- 13b2859   # one bench
 *
 * Each side is checked out in a temporary git worktree (removed afterwards): the old commit,
 * and this checkout's tracked files as they are now. When a side's package-lock.json is the
 * same as this checkout's, it borrows this checkout's node_modules through a symbolic link;
 * otherwise it is installed with `npm ci`. Its
 * benches must print the same table shapes as today's (true since the benches were
 * introduced); lines it cannot parse are reported.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  lstatSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  unlinkSync,
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';

const oldRef = process.argv[2];
if (!oldRef) {
  console.error('usage: npm run bench:side-by-side -- <old-commit>');
  process.exit(2);
}
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = process.env.BENCH_SECONDS ?? '8';
const ALL_BENCHES = ['purchase', 'verify'] as const;
const BENCH_SCRIPTS = ['verify.ts', 'throwaway-database.ts'];
// BENCH_ONLY narrows the run to one bench, so a question about one path gets more rounds
// in the same time.
const only = process.env.BENCH_ONLY;
if (only && !(ALL_BENCHES as readonly string[]).includes(only)) {
  console.error(`BENCH_ONLY must be one of: ${ALL_BENCHES.join(', ')}`);
  process.exit(2);
}
const BENCHES = ALL_BENCHES.filter((bench) => !only || bench === only);

type Figures = Map<string, number>;
const COSTS = new Set(['verify CPU µs/req', 'verify CPU ÷ bare route CPU']);

/** `(a) one project    10 | … | bare … | app req/s p50 p99 loop% | ratio …` */
function parsePurchase(output: string): Figures {
  const figures: Figures = new Map();
  for (const line of output.split('\n')) {
    if (!/^\([ab]\) /.test(line)) continue;
    const cells = line.split('|').map((cell) => cell.trim());
    const label = cells[0]!.replace(/\s+/g, ' ');
    const appReqPerSecond = Number(cells[3]!.split(/\s+/)[0]);
    const ratio = Number(cells[4]!.split(/\s+/)[0]);
    figures.set(`purchase ${label} req/s`, appReqPerSecond);
    figures.set(`purchase ${label} ÷ bare SQL`, ratio);
  }
  return figures;
}

/** `verify GET /v1/verify/{code}   10882   2   0.527 …` */
function parseVerify(output: string): Figures {
  const figures: Figures = new Map();
  const line = output.split('\n').find((l) => l.startsWith('verify GET'));
  if (line) {
    const numbers = line.replace('verify GET /v1/verify/{code}', '').trim().split(/\s+/);
    figures.set('verify req/s', Number(numbers[0]));
    figures.set('verify ÷ bare route', Number(numbers[2]));
    // Since 7 December: CPU per answer, and its ratio to the bare route's (higher is costlier).
    if (numbers.length >= 9) {
      figures.set('verify CPU µs/req', Number(numbers[7]));
      figures.set('verify CPU ÷ bare route CPU', Number(numbers[8]));
    }
  }
  return figures;
}

function runBench(directory: string, bench: (typeof ALL_BENCHES)[number]): Figures {
  const result = spawnSync('npm', ['run', '-s', `bench:${bench}`], {
    cwd: directory,
    env: { ...process.env, BENCH_SECONDS: SECONDS },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${result.stdout}\n${result.stderr}`;
  const figures = bench === 'purchase' ? parsePurchase(output) : parseVerify(output);
  if (figures.size === 0)
    console.error(`could not read bench:${bench} in ${directory}:\n${output}`);
  return figures;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const here = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
// This checkout's code as it is now, committed or not (`git stash create` makes a commit of
// the tracked changes without touching the working tree; untracked files are not in it).
const newRef =
  execFileSync('git', ['stash', 'create'], { cwd: here, encoding: 'utf8' }).trim() || 'HEAD';

/**
 * Both sides run from a fresh worktree of their own, with this checkout's node_modules, and
 * take turns at going first: a control run of one commit against itself (`-- HEAD`), the
 * old side always first from a fresh worktree and the new one from this checkout, showed
 * verification ÷ bare route 24% lower on the new side with the same code.
 */
function worktree(ref: string): string {
  const directory = mkdtempSync(path.join(tmpdir(), 'impactbeurs-side-'));
  rmSync(directory, { recursive: true });
  execFileSync('git', ['worktree', 'add', '--detach', directory, ref], { cwd: here });
  const lockfile = (d: string) => readFileSync(path.join(d, 'package-lock.json'), 'utf8');
  if (lockfile(directory) === lockfile(here)) {
    console.log(`${ref} has the same package-lock.json: linking node_modules`);
    symlinkSync(path.join(here, 'node_modules'), path.join(directory, 'node_modules'));
  } else {
    execFileSync('npm', ['ci', '--silent'], { cwd: directory, stdio: 'inherit' });
  }
  return directory;
}

function removeWorktree(directory: string): void {
  // Unlink the borrowed node_modules first so that removing the worktree cannot touch it.
  const borrowed = path.join(directory, 'node_modules');
  if (lstatSync(borrowed, { throwIfNoEntry: false })?.isSymbolicLink()) unlinkSync(borrowed);
  execFileSync('git', ['worktree', 'remove', '--force', directory], { cwd: here });
}

const directories: string[] = [];
try {
  const oldDirectory = worktree(oldRef);
  directories.push(oldDirectory);
  // One ruler for both sides: the old commit runs this checkout's verification bench (it
  // uses only buildApp, loadConfig, prepareDatabase and the demo seed, stable since the
  // benches came), so a figure a newer script adds (CPU per answer) is measured on both.
  for (const file of BENCH_SCRIPTS)
    copyFileSync(path.join(here, 'bench', file), path.join(oldDirectory, 'bench', file));
  const newDirectory = worktree(newRef);
  directories.push(newDirectory);
  const samples = { old: new Map<string, number[]>(), new: new Map<string, number[]>() };
  for (let round = 1; round <= ROUNDS; round++) {
    // Which side goes first swaps every round, so neither always follows the other.
    const sides = round % 2 === 1 ? (['old', 'new'] as const) : (['new', 'old'] as const);
    for (const side of sides) {
      for (const bench of BENCHES) {
        const load = loadavg()[0]!.toFixed(2);
        console.log(`round ${round}/${ROUNDS}: ${side} bench:${bench} (load ${load})`);
        const figures = runBench(side === 'old' ? oldDirectory : newDirectory, bench);
        for (const [name, value] of figures) {
          samples[side].set(name, [...(samples[side].get(name) ?? []), value]);
        }
      }
    }
  }
  console.log(`\nmedians of ${ROUNDS} alternated rounds, ${SECONDS} s per case; old = ${oldRef}`);
  console.log(`${'figure'.padEnd(44)} ${'old'.padStart(9)} ${'new'.padStart(9)}  new ÷ old`);
  for (const [name, oldValues] of samples.old) {
    const newValues = samples.new.get(name);
    if (!newValues) continue;
    const [before, after] = [median(oldValues), median(newValues)];
    const change = after / before;
    // A cost (CPU per answer) is worse when higher; a rate when lower.
    const flag = COSTS.has(name)
      ? change > 1.1
        ? '  ← more than 10% higher'
        : ''
      : change < 0.9
        ? '  ← more than 10% lower'
        : '';
    console.log(
      `${name.padEnd(44)} ${before.toFixed(2).padStart(9)} ${after.toFixed(2).padStart(9)}  ${change.toFixed(2)}${flag}`,
    );
  }
} finally {
  for (const directory of directories) removeWorktree(directory);
}
