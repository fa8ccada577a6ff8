// `npm run user -- add <username> --role <role> [--wijk WK093502 ...]`, `list`, `remove <username>`,
// `passwd <username>`. The password comes from BVK_PASSWORD or, interactively, a hidden prompt.
import path from 'node:path';
import readline from 'node:readline';
import { loadConfig } from '../config.ts';
import { openStore } from '../compose.ts';
import { ROLES, type Role } from '../domain/roles.ts';
import { isBuilt, outputDir } from '../../../geodata/build.ts';
import fs from 'node:fs';
import { passwordProblem, usernameProblem, wijkenProblem } from '../domain/accounts.ts';
import { AccountError } from '../store/users.ts';

const USAGE = `usage:
  npm run user -- add <username> --role beheerder|analist|wijkagent|presentatie [--wijk WK093502 ...]
  npm run user -- list
  npm run user -- remove <username>
  npm run user -- passwd <username>
password: from the environment variable BVK_PASSWORD, otherwise asked for (hidden).`;

function fail(msg: string): never {
  console.error(msg);
  process.exit(2);
}

async function readPassword(): Promise<string> {
  const env = process.env.BVK_PASSWORD;
  if (env !== undefined) return env;
  if (!process.stdin.isTTY) fail('no password: set BVK_PASSWORD (standard input is not a terminal)');
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const ask = (q: string) =>
    new Promise<string>((resolve) => {
      // Hide what is typed: overwrite echo with nothing.
      const write = (rl as unknown as { _writeToOutput: (s: string) => void });
      write._writeToOutput = (s: string) => { if (s.includes(q)) process.stdout.write(q); };
      rl.question(q, resolve);
    });
  const a = await ask('Wachtwoord: ');
  process.stdout.write('\n');
  const b = await ask('Nogmaals: ');
  process.stdout.write('\n');
  rl.close();
  if (a !== b) fail('the passwords differ');
  return a;
}

/** The same policy the account store applies (and login's limits), checked before anything is stored. */
function checkPassword(name: string, pw: string) {
  const problem = passwordProblem(name, pw);
  if (problem) fail(problem);
}

/** A refusal of the store (last beheerder, a name taken in another case) as a message, not a stack trace. */
function refused<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof AccountError) fail(e.message);
    throw e;
  }
}

const args = process.argv.slice(2);
const [command, username] = args;
const flag = (name: string) => args.flatMap((a, i) => (a === `--${name}` && args[i + 1] ? [args[i + 1]] : []));

const config = loadConfig();
// With DATABASE_URL the accounts live in PostgreSQL, where every app server reads them.
const store = openStore(config);
const users = store.users();

switch (command) {
  case 'add': {
    if (!username || usernameProblem(username)) fail(`${usernameProblem(username ?? '')}\n${USAGE}`);
    const role = flag('role')[0] as Role;
    if (!ROLES.includes(role)) fail(`--role: one of ${ROLES.join(', ')}\n${USAGE}`);
    const wijken = flag('wijk').map((w) => w.trim().toUpperCase());
    let known: Set<string> | undefined;
    if (wijken.length && isBuilt(config.geodataDir, config.dataDir)) {
      const index = JSON.parse(fs.readFileSync(path.join(outputDir(config.dataDir), 'index.json'), 'utf8')) as { areas: { code: string }[] };
      known = new Set(index.areas.map((a) => a.code));
    }
    const wijkProblem = wijkenProblem(role, wijken, known);
    if (wijkProblem) fail(`--wijk: ${wijkProblem.replace(/^wijken: /, '')}`);
    const existing = users.get(username);
    if (existing) fail(`user ${existing.username} already exists (use passwd to change the password; names do not differ by case only)`);
    const pw = await readPassword();
    checkPassword(username, pw);
    const u = refused(() => users.add(username, pw, role, wijken));
    console.log(`added ${u.username} (${u.role}${u.wijken.length ? `, ${u.wijken.join(', ')}` : ''})`);
    break;
  }
  case 'list':
    for (const u of users.list()) console.log(`${u.username}\t${u.role}\t${u.wijken.join(',')}\t${u.createdAt}`);
    if (users.count() === 0) console.log('(no users: the app runs in open mode, aggregates only)');
    break;
  case 'remove':
    if (!username) fail(USAGE);
    if (!refused(() => users.remove(username))) fail(`no user ${username}`);
    console.log(`removed ${username}`);
    break;
  case 'passwd': {
    if (!username || !users.get(username)) fail(`no user ${username ?? ''}\n${USAGE}`);
    const pw = await readPassword();
    checkPassword(users.get(username)!.username, pw);
    refused(() => users.setPassword(username, pw));
    console.log(`password changed for ${username}; their sessions were ended`);
    break;
  }
  default:
    fail(USAGE);
}
store.close();
