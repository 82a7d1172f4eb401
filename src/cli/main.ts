import { commands } from './commands/index';
import { UsageError } from './command';
import { SettingsError } from '../core/settings/flags';

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length), 4);
  return ['yono — YONO Workbench command line', '', 'Usage: yono <command> [options]', '', 'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '', 'Run `yono <command> --help` for the options of a command.'].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') { console.log(help()); return 0; }
  const cmd = commands.find((c) => c.name === name);
  if (!cmd) { console.error(`yono: unknown command '${name}'\n\n${help()}`); return 2; }
  if (rest.includes('--help') || rest.includes('-h')) { console.log(cmd.usage); return 0; }
  try {
    return await cmd.run(rest);
  } catch (e) {
    if (e instanceof UsageError || e instanceof SettingsError) { console.error(`yono ${name}: ${e.message}\n\n${cmd.usage}`); return 2; }
    console.error(`yono ${name}: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
