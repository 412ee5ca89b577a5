// Runs SUSHI on one FSH project and assembles its output as a FHIR npm package.
// Called by sushi-package.sh (which seeds the cache and installs node modules first).
//   node fhir-package.js <module-dir> <package-id> <fhir-home>
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const [moduleDir, packageId, fhirHome] = process.argv.slice(2);
const YAML = require(path.join(moduleDir, 'node_modules', 'yaml'));
const config = YAML.parse(fs.readFileSync(path.join(moduleDir, 'sushi-config.yaml'), 'utf8'));
const version = String(config.version);
const fhirVersions = [].concat(config.fhirVersion || '4.0.1').map(String);
const dependencies = { 'hl7.fhir.r4.core': '4.0.1' };
for (const [id, dep] of Object.entries(config.dependencies || {})) {
  dependencies[id] = String(typeof dep === 'object' ? dep.version : dep);
}

const cache = path.join(fhirHome, '.fhir', 'packages');
const target = path.join(moduleDir, 'target');
const tgz = path.join(target, `${packageId}-${version}.tgz`);
const jarCopy = path.join(target, 'classes', 'fhir-packages', `${packageId}.tgz`);
const installed = path.join(cache, `${packageId}#${version}`);

function files(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]);
}
// Every folder under dir, itself included: deleting or renaming a file changes its folder's mtime,
// which file mtimes alone would miss (a deleted FSH file must rebuild the package).
function folders(dir) {
  if (!fs.existsSync(dir)) return [];
  return [dir, ...fs.readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory()).flatMap((e) => folders(path.join(dir, e.name)))];
}
const mtime = (f) => fs.statSync(f).mtimeMs;

// Up to date when the tgz is newer than every input: FSH (files and folders), config, lock file, these tools, and the
// installed packages this one depends on (so a terminology change rebuilds the profiles).
const inputs = [
  ...files(path.join(moduleDir, 'input')),
  ...folders(path.join(moduleDir, 'input')),
  path.join(moduleDir, 'sushi-config.yaml'),
  path.join(moduleDir, 'package-lock.json'),
  ...files(__dirname),
  ...Object.entries(dependencies).map(([id, v]) => path.join(cache, `${id}#${v}`, 'package', 'package.json')),
].filter((f) => fs.existsSync(f));
const newestInput = Math.max(...inputs.map(mtime));
if (fs.existsSync(tgz) && fs.existsSync(installed) && mtime(tgz) >= newestInput) {
  copyForJar();
  console.log(`sushi-package: ${packageId}#${version} is up to date (${path.relative(process.cwd(), tgz)})`);
  process.exit(0);
}

// 1. SUSHI, into a fresh output folder so deleted FSH files leave nothing behind
const sushiOut = path.join(target, 'sushi');
fs.rmSync(sushiOut, { recursive: true, force: true });
const sushi = path.join(moduleDir, 'node_modules', '.bin', 'sushi');
const run = spawnSync(sushi, ['build', moduleDir, '-o', sushiOut, '-l', 'warn'], {
  env: { ...process.env, HOME: fhirHome },
  encoding: 'utf8',
});
process.stdout.write(run.stdout || '');
process.stderr.write(run.stderr || '');
const errors = /(\d+) Errors?\s/.exec(run.stdout || '');
if (run.status !== 0 || !errors || errors[1] !== '0') {
  console.error(`sushi-package: SUSHI failed for ${packageId} (exit ${run.status})`);
  process.exit(1);
}

// 2. package/ with the resources, package.json and .index.json
const stage = path.join(target, 'fhir-package');
const pkgDir = path.join(stage, 'package');
fs.rmSync(stage, { recursive: true, force: true });
fs.mkdirSync(pkgDir, { recursive: true });
const index = [];
const resourceDir = path.join(sushiOut, 'fsh-generated', 'resources');
for (const name of fs.readdirSync(resourceDir).filter((n) => n.endsWith('.json')).sort()) {
  const text = fs.readFileSync(path.join(resourceDir, name), 'utf8');
  const r = JSON.parse(text);
  fs.writeFileSync(path.join(pkgDir, name), text);
  const entry = { filename: name, resourceType: r.resourceType, id: r.id };
  for (const k of ['url', 'version', 'kind', 'type', 'supplements', 'content']) if (r[k] !== undefined) entry[k] = r[k];
  index.push(entry);
}
const manifest = {
  name: packageId,
  version,
  description: config.description || config.title || packageId,
  canonical: config.canonical,
  url: config.canonical,
  fhirVersions,
  type: 'IG',
  license: config.license || 'Apache-2.0',
  dependencies,
};
fs.writeFileSync(path.join(pkgDir, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
fs.writeFileSync(path.join(pkgDir, '.index.json'), JSON.stringify({ 'index-version': 1, files: index }, null, 2) + '\n');

// 3. a reproducible tgz (sorted names, fixed mtime and owner, no gzip timestamp)
const tmpTgz = `${tgz}.tmp`;
const tar = spawnSync('bash', ['-c',
  'tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -cf - -C "$1" package | gzip -9n > "$2"',
  'tar', stage, tmpTgz], { stdio: 'inherit' });
if (tar.status !== 0) { console.error('sushi-package: tar failed'); process.exit(1); }

// 4. install into the FHIR package cache (atomic rename), then publish the tgz last so its mtime
//    marks a complete build
const tmpInstall = `${installed}.tmp-${process.pid}`;
fs.rmSync(tmpInstall, { recursive: true, force: true });
fs.cpSync(stage, tmpInstall, { recursive: true });
fs.rmSync(installed, { recursive: true, force: true });
fs.renameSync(tmpInstall, installed);
fs.renameSync(tmpTgz, tgz);
copyForJar();
console.log(`sushi-package: built ${packageId}#${version}: ${index.length} resources -> ${path.relative(process.cwd(), tgz)}, installed in ${cache}`);

function copyForJar() {
  fs.mkdirSync(path.dirname(jarCopy), { recursive: true });
  if (!fs.existsSync(jarCopy) || mtime(jarCopy) < mtime(tgz)) fs.copyFileSync(tgz, jarCopy);
}
