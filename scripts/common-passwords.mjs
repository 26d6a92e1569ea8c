// Regenerates functions/api/common-passwords.txt: the commonly used passwords (from the
// @zxcvbn-ts/language-common frequency list) that our length rule would otherwise allow.
// Run: node scripts/common-passwords.mjs
import { writeFileSync } from 'node:fs';
import { dictionary } from '@zxcvbn-ts/language-common';

const words = dictionary['passwords-common']
  .map((p) => p.normalize('NFKC').toLowerCase())
  .filter((p) => [...p].length >= 8 && [...p].length <= 128);
const unique = [...new Set(words)];
writeFileSync(new URL('../functions/api/common-passwords.txt', import.meta.url), `${unique.join('\n')}\n`);
console.log(`${unique.length} common passwords written`);
