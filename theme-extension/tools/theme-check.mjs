// Runs Shopify's theme-check (@shopify/theme-check-node, package.json) on this extension, offline, and exits 1 when
// it reports an error. After `npm ci` in theme-extension/: node tools/theme-check.mjs [--verbose] [folder], from any
// directory (folder: another extension to check with this one's .theme-check.yml; by default this one).
//
// Offline: theme-check reads its Liquid docs and JSON schemas through @shopify/theme-check-docs-updater, whose setup
// downloads theme-liquid-docs from GitHub into a cache (env-paths' 'theme-liquid-docs'), or copies them from
// SHOPIFY_TLD_ROOT when that is set, and otherwise falls back to the copy bundled in the package. Here
// SHOPIFY_TLD_ROOT is a temporary folder laid out like theme-liquid-docs and filled from that bundled copy, and the
// cache (XDG_CACHE_HOME, on Linux) is in the same folder: every run checks against the same data, the one pinned by
// package-lock.json, and nothing is fetched. As a guard, any network connection this process opens (a check that
// measures a remote asset's size would) fails at once and is reported.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const toolsRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const verbose = process.argv.includes('--verbose');
const folder = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
const extensionRoot = folder ? path.resolve(folder) : toolsRoot;
const require = createRequire(path.join(toolsRoot, 'package.json'));

const blockedConnections = [];
net.Socket.prototype.connect = function blockedConnect(...args) {
  const options = typeof args[0] === 'object' && args[0] !== null ? args[0] : { port: args[0], host: args[1] };
  const target = options.path ?? `${options.host ?? 'localhost'}:${options.port}`;
  blockedConnections.push(target);
  process.nextTick(() => this.destroy(new Error(`theme-check runs offline: connection to ${target} refused`)));
  return this;
};

function stageBundledDocs(folder) {
  const bundled = path.join(path.dirname(require.resolve('@shopify/theme-check-docs-updater/package.json')), 'data');
  const dataDir = path.join(folder, 'data');
  const schemaDir = path.join(folder, 'schemas');
  fs.mkdirSync(dataDir, { recursive: true });
  for (const name of ['latest', 'filters', 'objects', 'tags', 'shopify_system_translations']) {
    fs.copyFileSync(path.join(bundled, `${name}.json`), path.join(dataDir, `${name}.json`));
  }
  for (const manifest of ['manifest_theme', 'manifest_theme_app_extension']) {
    fs.mkdirSync(schemaDir, { recursive: true });
    fs.copyFileSync(path.join(bundled, `${manifest}.json`), path.join(schemaDir, `${manifest}.json`));
    for (const { uri } of JSON.parse(fs.readFileSync(path.join(bundled, `${manifest}.json`), 'utf8')).schemas) {
      fs.mkdirSync(path.dirname(path.join(schemaDir, uri)), { recursive: true });
      fs.copyFileSync(path.join(bundled, path.basename(uri)), path.join(schemaDir, uri));
    }
  }
  return JSON.parse(fs.readFileSync(path.join(bundled, 'latest.json'), 'utf8')).revision;
}

const severities = ['error', 'warning', 'info'];

async function main() {
  try {
    require.resolve('@shopify/theme-check-node');
  } catch {
    console.error(`theme-check: @shopify/theme-check-node is not installed; run npm ci in ${toolsRoot}`);
    process.exitCode = 2;
    return;
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lavish-theme-check-'));
  try {
    const docsRoot = path.join(work, 'theme-liquid-docs');
    const revision = stageBundledDocs(docsRoot);
    process.env.SHOPIFY_TLD_ROOT = docsRoot;
    process.env.XDG_CACHE_HOME = path.join(work, 'cache');
    // loaded only now: the docs updater reads both variables when it is loaded
    const { themeCheckRun } = require('@shopify/theme-check-node');
    const log = [];
    const configPath = path.join(toolsRoot, '.theme-check.yml');
    const { theme, offenses } = await themeCheckRun(extensionRoot, configPath, (line) => log.push(line));
    if (verbose) {
      console.log(log.join('\n'));
      console.log(theme.map((file) => path.relative(extensionRoot, fileURLToPath(file.uri))).join('\n'));
    }
    const failedSetup = log.filter((line) => /^Failed to (setup|download|read local file)/.test(line));
    if (failedSetup.length > 0) {
      console.error(`theme-check: could not use the bundled docs, fell back on defaults:\n${failedSetup.join('\n')}`);
      process.exitCode = 2;
    }
    offenses.sort((a, b) => a.uri.localeCompare(b.uri) || a.start.index - b.start.index);
    for (const { uri, start, severity, check, message } of offenses) {
      // start.line and start.character count from 0 (the Shopify CLI adds 1 to the line too)
      const where = `${path.relative(extensionRoot, fileURLToPath(uri))}:${start.line + 1}:${start.character + 1}`;
      console.log(`${where}: ${severities[severity]} ${check}: ${message}`);
    }
    const count = (severity) => offenses.filter((offense) => offense.severity === severity).length;
    const errors = count(0);
    console.log(
      `theme-check: ${theme.length} files, ${errors} errors, ${count(1)} warnings, ${count(2)} infos ` +
        `(theme-liquid-docs ${revision.slice(0, 12)}, bundled; offline)`,
    );
    if (blockedConnections.length > 0) {
      console.log(`theme-check: network connections refused: ${blockedConnections.join(', ')}`);
    }
    if (errors > 0) process.exitCode = 1;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 2;
});
