// Generates the bundled example court (fictional): examples/court/judges.json,
// cases.json (this year's intake) and closed-last-year.json (last year's closed
// cases, for the standard-case baseline). Deterministic: run it again and the
// files come out byte-identical. Usage: node examples/court/generate.mjs
import { writeFileSync } from 'node:fs';

// xorshift32: a fixed, tiny generator so the data never depends on a library.
let state = 20260101;
const next = () => {
  state ^= state << 13; state >>>= 0;
  state ^= state >>> 17;
  state ^= state << 5; state >>>= 0;
  return state / 4294967296;
};
const pick = (items) => items[Math.floor(next() * items.length)];
const between = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));

const departments = [
  { id: 'criminal', name: '刑事审判庭', category: 'criminal', types: [
    ['theft', 30, 4, 6], ['fraud', 60, 6, 12], ['dangerous-driving', 18, 2, 3], ['commutation', 12, 0, 2]] },
  { id: 'civil-1', name: '民事审判第一庭', category: 'civil', types: [
    ['family', 40, 5, 8], ['private-lending', 35, 4, 7], ['property-service', 20, 2, 4], ['small-claims', 12, 1, 2], ['judicial-confirmation', 8, 0, 2]] },
  { id: 'civil-2', name: '民事审判第二庭', category: 'civil', types: [
    ['sales-contract', 55, 6, 10], ['partnership', 120, 14, 25], ['financial-loan', 45, 3, 6], ['third-party-revocation', 90, 10, 18]] },
  { id: 'administrative', name: '行政审判庭', category: 'administrative', types: [
    ['admin-penalty', 50, 5, 9], ['info-disclosure', 30, 3, 6], ['retrial', 80, 8, 14]] },
  { id: 'enforcement', name: '执行局', category: 'enforcement', types: [['enforcement', 25, 0, 3]] },
];
const hardTypes = new Set(['third-party-revocation', 'retrial']);
const leaderExcludedTypes = new Set(['small-claims', 'judicial-confirmation', 'commutation']);
const regions = ['城区', '北部', '南部'];

const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董'.split('');
const given = '明华建国志强秀英丽娟敏静军磊洋艳勇杰娜涛超霞平刚桂兰'.split('');
const usedNames = new Set();
const name = () => {
  for (;;) {
    const n = pick(surnames) + pick(given) + (next() < 0.5 ? pick(given) : '');
    if (!usedNames.has(n)) { usedNames.add(n); return n; }
  }
};

const share = { president: '0.05', vicePresident: '0.3', committeeMember: '0.4', divisionChief: '0.55', deputyChief: '0.8', judge: '1' };
const judges = [];
const addJudge = (department, role) => {
  const id = `J${String(judges.length + 1).padStart(3, '0')}`;
  judges.push({
    id, name: name(), department: department.id, caseTypes: department.types.map((t) => t[0]),
    role, share: share[role], load: '0', availability: 'available', region: pick(regions),
  });
};
const staffing = { criminal: 6, 'civil-1': 8, 'civil-2': 6, administrative: 4, enforcement: 5 };
for (const d of departments) {
  addJudge(d, 'divisionChief');
  addJudge(d, 'deputyChief');
  for (let i = 0; i < staffing[d.id]; i++) addJudge(d, 'judge');
}
addJudge(departments[2], 'president');
addJudge(departments[0], 'vicePresident');
addJudge(departments[1], 'vicePresident');
addJudge(departments[3], 'committeeMember');
judges[8].availability = 'onLeave';
judges[20].availability = 'absent';

const date = (dayOfYear, year) => {
  const d = new Date(Date.UTC(year, 0, 1 + dayOfYear));
  return d.toISOString().slice(0, 10);
};
const intake = { criminal: 330, 'civil-1': 800, 'civil-2': 260, administrative: 150, enforcement: 460 };

function makeCase(id, d, year) {
  // Hard-list types are rare: re-draw most of them.
  let row = pick(d.types);
  while (hardTypes.has(row[0]) && next() < 0.85) row = pick(d.types);
  const [type, dossierMean, transcriptMean, judgmentMean] = row;
  const spread = (mean) => Math.max(0, Math.round(mean * (0.4 + next() * 1.4)));
  const c = {
    id, category: d.category, department: d.id, caseType: type,
    procedure: d.category === 'enforcement' ? 'enforcement' : (next() < 0.75 ? 'ordinary' : 'summary'),
    complexity: next() < 0.8 ? 'simple' : 'complex',
    pages: { dossier: spread(dossierMean), transcript: spread(transcriptMean), judgment: spread(judgmentMean) },
    filedOn: date(between(0, 330), year),
  };
  if (hardTypes.has(type)) c.hard = true;
  if (leaderExcludedTypes.has(type)) c.leaderExcluded = true;
  if (d.id === 'administrative' && next() < 0.25) c.panelSize = 3;
  if (d.category === 'enforcement') {
    c.closing = pick(['fullyEnforced', 'fullyEnforced', 'terminatedThisRound', 'terminated', null]);
    c.approved = c.closing !== null && next() < 0.93;
  }
  return c;
}

const cases = [];
for (const d of departments) {
  for (let i = 0; i < intake[d.id]; i++) cases.push(makeCase('', d, 2026));
}
// Filing order, then ids in that order ((2026)渝0106民初1234号 style, shortened).
cases.sort((a, b) => a.filedOn.localeCompare(b.filedOn) || a.department.localeCompare(b.department));
const prefix = { criminal: '刑初', 'civil-1': '民初', 'civil-2': '民初', administrative: '行初', enforcement: '执' };
const counters = {};
for (const c of cases) {
  counters[prefix[c.department]] = (counters[prefix[c.department]] ?? 0) + 1;
  c.id = `(2026)示0101${prefix[c.department]}${counters[prefix[c.department]]}号`;
}
// A few recusals (a party's relative, a former colleague...).
for (let i = 0; i < 25; i++) {
  const c = pick(cases);
  const colleagues = judges.filter((j) => j.department === c.department);
  c.recuse = [pick(colleagues).id];
}

const closed = [];
for (const d of departments) {
  for (let i = 0; i < Math.round(intake[d.id] * 0.95); i++) {
    const c = makeCase(`L${closed.length + 1}`, d, 2025);
    c.closedOn = date(between(20, 364), 2025);
    c.judge = pick(judges.filter((j) => j.department === d.id)).id;
    closed.push(c);
  }
}

const out = (file, value) => writeFileSync(new URL(file, import.meta.url), JSON.stringify(value, null, 1) + '\n');
out('./judges.json', { court: '示例市示例区人民法院（虚构）', departments: departments.map(({ id, name, category }) => ({ id, name, category })), judges });
out('./cases.json', cases);
out('./closed-last-year.json', closed);
console.log(`judges ${judges.length}, cases ${cases.length}, closed last year ${closed.length}`);
