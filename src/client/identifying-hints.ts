/**
 * Spots details in a draft that could point to its author: anonymity from tokens is worth nothing if
 * the text itself names the writer. A hint only — nothing is blocked, nothing leaves the phone.
 */

export const hintKinds = [
  'name',
  'phone',
  'idNumber',
  'staffNumber',
  'email',
  'dateTime',
  'placeShift',
] as const;
export type HintKind = (typeof hintKinds)[number];

export interface Finding {
  kind: HintKind;
  /** The words as they appear in the draft. */
  text: string;
}

const detectors: [HintKind, RegExp][] = [
  ['phone', /(?<!\d)1[3-9]\d{9}(?!\d)|(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g],
  ['idNumber', /(?<![\dXx])\d{17}[\dXx](?![\dXx\d])/g],
  ['email', /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g],
  [
    'staffNumber',
    /(?:工号|职工号|员工号|工作证号?|employee (?:no\.?|number|id))\s*[:：#]?\s*[A-Za-z]?\d+|(?<![\d.])\d{6,}(?![\d.])/gi,
  ],
  ['name', /(?:我叫|我的名字是?|本人姓名|姓名\s*[:：]|my name is)\s*[\p{L}·]{1,12}/giu],
  [
    'dateTime',
    /\d{1,2}\s*月\s*\d{1,2}\s*[日号]|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|(?<!\d)\d{1,2}\s*[:：]\s*\d{2}(?!\d)|\d{1,2}\s*点\s*\d{0,2}分?|(?:昨天|前天|今天|今早|昨晚)/g,
  ],
  [
    'placeShift',
    /[GDCZTKYLS]\d{1,4}次|\d+\s*(?:号)?(?:车间|班组|工区|股道|道岔|机车|车次|宿舍|号楼)|[甲乙丙丁]班/g,
  ],
];

/** Every distinct finding, in the order the kinds are listed above. */
export function findIdentifyingDetails(text: string): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const [kind, re] of detectors) {
    for (const m of text.matchAll(re)) {
      const found = m[0].trim();
      const key = `${kind}\u0000${found}`;
      // a phone or ID number also matches the long-number rule: report it once, as the more specific kind
      if (!found || seen.has(key) || out.some((f) => f.text.includes(found))) continue;
      seen.add(key);
      out.push({ kind, text: found });
    }
  }
  return out;
}
