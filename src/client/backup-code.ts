/**
 * A written backup of "my posts": one line per post, `<appeal id> <receipt> <check>`, short enough to copy
 * onto paper. The check character catches a mistyped character when the lines are typed back in.
 */

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const HEADER = 'ZT1';

export interface BackupEntry {
  id: number;
  receipt: string;
}

/** What a person typed, in canonical form: upper case, look-alike letters folded, no separators. */
function canonical(text: string): string {
  return text.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
}

function check(id: number, receipt: string): string {
  const chars = `${id}${canonical(receipt)}`;
  let sum = 0;
  for (const [i, ch] of [...chars].entries()) sum = (sum + (i + 1) * Math.max(0, CROCKFORD.indexOf(ch))) % 31;
  return CROCKFORD[sum]!;
}

const grouped = (receipt: string) =>
  canonical(receipt)
    .match(/.{1,4}/g)!
    .join('-');

export function encodeBackup(entries: BackupEntry[]): string {
  return [HEADER, ...entries.map((e) => `${e.id} ${grouped(e.receipt)} ${check(e.id, e.receipt)}`)].join(
    '\n',
  );
}

/** The entries of a typed-back backup, and the line numbers (1-based) that could not be read. */
export function decodeBackup(text: string): { entries: BackupEntry[]; badLines: number[] } {
  const entries: BackupEntry[] = [];
  const badLines: number[] = [];
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (!line || line.toUpperCase() === HEADER) continue;
    const m = /^(\d{1,9})\s+([0-9A-Za-z\s-]{32,48}?)\s+([0-9A-Za-z])$/.exec(line);
    const receipt = m ? grouped(m[2]!) : '';
    const id = m ? Number(m[1]) : 0;
    if (!m || canonical(receipt).length !== 32 || check(id, receipt) !== canonical(m[3]!)) {
      badLines.push(i + 1);
      continue;
    }
    entries.push({ id, receipt });
  }
  return { entries, badLines };
}
