#!/usr/bin/env node
// Compiles every .sol file under src/main/solidity with the pinned solcjs (standard JSON,
// optimizer on with 200 runs, EVM version cancun) and writes <Name>.abi and <Name>.bin for
// each deployable contract to the output folder, and <Name>.abi alone for each interface (the
// ABIs of the L2's native programs, which clients load at fixed addresses).
//
// Usage: node scripts/compile.js <output-dir>    (default: target/solidity, relative to contracts/)
// Exits non-zero, after printing every compiler error, when compilation fails.
'use strict';

const fs = require('fs');
const path = require('path');
const solc = require('solc');

const moduleDir = path.resolve(__dirname, '..');
const sourceDir = path.join(moduleDir, 'src', 'main', 'solidity');
const outDir = path.resolve(process.argv[2] || path.join(moduleDir, 'target', 'solidity'));

function fail(message) {
  console.error(`compile.js: ${message}`);
  process.exit(1);
}

// All .sol files below dir, as paths relative to sourceDir with forward slashes, sorted so the
// output does not depend on directory listing order.
function findSources(dir) {
  const found = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      found.push(...findSources(full));
    } else if (entry.isFile() && entry.name.endsWith('.sol')) {
      found.push(path.relative(sourceDir, full).split(path.sep).join('/'));
    }
  }
  return found.sort();
}

// Imports resolve inside the source folder only; anything else is an error.
function findImports(importPath) {
  const resolved = path.resolve(sourceDir, importPath);
  if (!resolved.startsWith(sourceDir + path.sep) || !fs.existsSync(resolved)) {
    return { error: `import not found in ${sourceDir}: ${importPath}` };
  }
  return { contents: fs.readFileSync(resolved, 'utf8') };
}

function main() {
  if (!fs.existsSync(sourceDir)) fail(`no source folder ${sourceDir}`);
  const files = findSources(sourceDir);
  if (files.length === 0) fail(`no .sol files in ${sourceDir}`);

  const sources = {};
  for (const file of files) {
    sources[file] = { content: fs.readFileSync(path.join(sourceDir, file), 'utf8') };
  }
  const input = {
    language: 'Solidity',
    sources,
    settings: {
      optimizer: { enabled: true, runs: 200 },
      evmVersion: 'cancun',
      outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
    },
  };

  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
  const diagnostics = output.errors || [];
  for (const d of diagnostics) {
    const text = d.formattedMessage || d.message;
    (d.severity === 'error' ? console.error : console.warn)(text.trimEnd());
  }
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) fail(`${errors.length} compiler error(s) with solc ${solc.version()}`);

  fs.mkdirSync(outDir, { recursive: true });
  const written = [];
  const interfaces = [];
  const seen = new Map();
  for (const [file, contracts] of Object.entries(output.contracts || {})) {
    for (const [name, artifact] of Object.entries(contracts)) {
      const bytecode = artifact.evm.bytecode.object;
      if (seen.has(name)) fail(`contract name ${name} is defined in both ${seen.get(name)} and ${file}`);
      seen.set(name, file);
      // Interfaces (and abstract contracts) have no bytecode: an ABI to wrap, nothing to deploy.
      fs.writeFileSync(path.join(outDir, `${name}.abi`), JSON.stringify(artifact.abi));
      if (!bytecode) {
        interfaces.push(name);
        continue;
      }
      fs.writeFileSync(path.join(outDir, `${name}.bin`), bytecode);
      written.push(name);
    }
  }
  if (written.length === 0) fail('no deployable contract in the sources');
  console.log(`compile.js: solc ${solc.version()} compiled ${files.length} file(s): ${written.join(', ')}; interfaces: ${interfaces.join(', ') || '(none)'} -> ${outDir}`);
}

main();
