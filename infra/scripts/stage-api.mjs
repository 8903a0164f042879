// Stages the API as the Function App runs it: functions/dist (esbuild bundle with every
// dependency but @azure/functions, which the Functions worker must load itself), host.json,
// and a package.json naming only @azure/functions at the version the repository uses.
// In this npm workspace functions/node_modules does not hold the dependencies, and
// "@ssr/shared" is not on npm, so the functions folder cannot be zipped or built remotely
// as it is. Usage: node infra/scripts/stage-api.mjs [outDir] [--no-install]
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const install = !args.includes('--no-install');
const outDir = resolve(args.find((arg) => !arg.startsWith('--')) ?? join(repo, 'infra', 'api-package'));
const functionsDir = join(repo, 'functions');
const bundle = join(functionsDir, 'dist', 'index.js');

if (!existsSync(bundle)) {
  console.error(`error: ${bundle} is missing. Run "npm run build -w functions" first.`);
  process.exit(1);
}

const functionsPackage = JSON.parse(readFileSync(join(functionsDir, 'package.json'), 'utf8'));
const functionsLibrary = JSON.parse(
  readFileSync(join(repo, 'node_modules', '@azure', 'functions', 'package.json'), 'utf8'),
);

// Empty the folder but keep its .gitignore (the folder itself is part of the repository).
mkdirSync(outDir, { recursive: true });
for (const entry of readdirSync(outDir)) if (entry !== '.gitignore') rmSync(join(outDir, entry), { recursive: true, force: true });

cpSync(join(functionsDir, 'host.json'), join(outDir, 'host.json'));
cpSync(join(functionsDir, 'dist'), join(outDir, 'dist'), { recursive: true });
writeFileSync(
  join(outDir, 'package.json'),
  `${JSON.stringify(
    {
      name: 'ssr-budget-api',
      version: functionsPackage.version,
      private: true,
      type: 'module',
      main: functionsPackage.main,
      dependencies: { '@azure/functions': functionsLibrary.version },
    },
    null,
    2,
  )}\n`,
);
writeFileSync(join(outDir, '.funcignore'), '*.map\n');

if (install) {
  execFileSync('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', '--ignore-scripts'], {
    cwd: outDir,
    stdio: 'inherit',
    // npm is a .cmd script on Windows, which Node runs only through a shell.
    shell: process.platform === 'win32',
  });
}
console.log(`API staged in ${outDir}`);
