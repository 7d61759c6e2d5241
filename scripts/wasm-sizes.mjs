// Code bytes per function of a wasm module that still has its name section, summed by path
// prefix: where the size of a module comes from. For a build with names:
//   CDO_WASM_PROFILE=1 trunk build --release --dist /tmp/dist-names
//   node scripts/wasm-sizes.mjs /tmp/dist-names/cdo-atlas-*_bg.wasm [depth=1] [rows=30]
// (Sizes before compression; the proportions are what it is for.)
import fs from 'node:fs';

const [file, depthArg = '1', rowsArg = '30'] = process.argv.slice(2);
if (!file) throw new Error('usage: node scripts/wasm-sizes.mjs <module.wasm> [depth] [rows]');
const buf = fs.readFileSync(file);
let p = 8; // after the magic number and version
const leb = () => {
  let result = 0;
  let shift = 0;
  let byte;
  do {
    byte = buf[p++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return result;
};
const skipLimits = () => {
  const flags = buf[p++];
  leb();
  if (flags & 1) leb();
};

let importedFunctions = 0;
const bodySizes = [];
const names = new Map();
let dataBytes = 0;
while (p < buf.length) {
  const id = buf[p++];
  const length = leb();
  const end = p + length;
  if (id === 2) {
    // imports: only the functions shift the indices of the module's own
    const skipName = () => {
      const l = leb(); // read first: `p += leb()` would add to the old p
      p += l;
    };
    for (let n = leb(); n > 0; n--) {
      skipName(); // module
      skipName(); // field
      const kind = buf[p++];
      if (kind === 0) { leb(); importedFunctions++; }
      else if (kind === 1) { p++; skipLimits(); }
      else if (kind === 2) skipLimits();
      else if (kind === 3) p += 2;
      else if (kind === 4) { p++; leb(); }
    }
  } else if (id === 10) {
    for (let n = leb(); n > 0; n--) {
      const size = leb();
      bodySizes.push(size);
      p += size;
    }
  } else if (id === 11) {
    dataBytes = length;
  } else if (id === 0) {
    const nameLength = leb();
    const section = buf.subarray(p, p + nameLength).toString();
    p += nameLength;
    while (section === 'name' && p < end) {
      const sub = buf[p++];
      const subLength = leb();
      const subEnd = p + subLength;
      if (sub === 1) {
        for (let n = leb(); n > 0; n--) {
          const index = leb();
          const l = leb();
          names.set(index, buf.subarray(p, p + l).toString());
          p += l;
        }
      }
      p = subEnd;
    }
  }
  p = end;
}
if (names.size === 0) throw new Error(`${file} has no function names: build it with CDO_WASM_PROFILE=1`);

// Split modules keep their names mangled (wasm-bindgen demangles only the main module): read the
// legacy `_ZN<len><segment>…E` form back into `a::b::c`.
const demangle = (name) => {
  if (!name.startsWith('_ZN')) return name;
  const parts = [];
  let i = 3;
  while (i < name.length && name[i] !== 'E') {
    const digits = name.slice(i).match(/^\d+/);
    if (!digits) break;
    i += digits[0].length;
    parts.push(name.slice(i, i + Number(digits[0])).replace(/\$LT\$/g, '<').replace(/\$GT\$/g, '>').replace(/\$u20\$/g, ' ').replace(/\.\./g, '::'));
    i += Number(digits[0]);
  }
  return parts.join('::');
};
for (const [index, name] of names) names.set(index, demangle(name));

const total = bodySizes.reduce((a, b) => a + b, 0);
const depth = Number(depthArg);
const groups = new Map();
const functions = bodySizes.map((size, i) => [size, names.get(importedFunctions + i) ?? '?']);
for (const [size, name] of functions) {
  const path = name.replace(/^<(impl )?/, '').replace(/^&(mut )?/, '');
  const key = path.split('::').slice(0, depth).join('::').replace(/\[[0-9a-f]+\]/g, '').replace(/[<>].*$/, '');
  groups.set(key, (groups.get(key) ?? 0) + size);
}
console.log(`${functions.length} functions, ${total} bytes of code, ${dataBytes} bytes of data`);
for (const [key, size] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, Number(rowsArg))) {
  console.log(`${String(size).padStart(8)} ${((100 * size) / total).toFixed(1).padStart(5)} %  ${key}`);
}
console.log('largest functions:');
for (const [size, name] of functions.sort((a, b) => b[0] - a[0]).slice(0, Number(process.env.TOP ?? 10))) {
  console.log(`${String(size).padStart(8)}  ${name.slice(0, 120)}`);
}
