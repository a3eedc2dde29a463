import { type Command, commands, UsageError } from './cli/commands.js';
import { openCliContext } from './cli/context.js';
import { ConfigError } from './platform/config/config.js';

function help(): string {
  const lines = Object.entries(commands).map(
    ([name, c]) => `  ${`${name} ${c.usage ?? ''}`.padEnd(44)} ${c.summary}`,
  );
  return `usage: npm run cli -- <command> [options]\n\ncommands:\n${lines.join('\n')}\n`;
}

function find(argv: string[]): { command: Command; args: string[] } | undefined {
  const two = commands[`${argv[0]} ${argv[1]}`];
  if (two) return { command: two, args: argv.slice(2) };
  const one = argv[0] === undefined ? undefined : commands[argv[0]];
  return one && { command: one, args: argv.slice(1) };
}

const argv = process.argv.slice(2);
if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
  process.stdout.write(help());
  process.exit(0);
}
const found = find(argv);
if (!found) {
  process.stderr.write(`unknown command: ${argv.join(' ')}\n${help()}`);
  process.exit(2);
}
try {
  if (found.command.noDatabase) {
    await found.command.run(
      {
        out: (l: string) => process.stdout.write(`${l}\n`),
        err: (l: string) => process.stderr.write(`${l}\n`),
      } as never,
      found.args,
    );
  } else {
    const ctx = await openCliContext(process.env);
    try {
      await found.command.run(ctx, found.args);
    } finally {
      ctx.close();
    }
  }
} catch (e) {
  if (e instanceof UsageError || e instanceof ConfigError) {
    process.stderr.write(`zhitong: ${e.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`zhitong: ${(e as Error).name}: ${(e as Error).message}\n`);
  process.exit(1);
}
