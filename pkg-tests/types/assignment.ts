// A typed use of the assignment exports; checked by `tsc --noEmit`.
import init, { commitSeed, assign, verifyLedger, verifyChain, verifyHead, auditLedger } from '../../pkg/web/shenguan.js';
import type {
  AssignmentInput, AssignmentEvent, Judge, Case, Ledger, LedgerEntry, Seat, VerifyReport, ChainReport, HeadReport, AuditReport,
  ShenguanErrorFields,
} from '../../pkg/web/shenguan.js';

const judges: Judge[] = ['J1', 'J2', 'J3', 'J4'].map((id, i) => ({
  id, department: 'civil', caseTypes: ['contract'], role: i === 0 ? 'divisionChief' : 'judge', share: i === 0 ? '0.55' : 1,
}));
const cases: Case[] = [
  { id: 'C1', caseType: 'contract', department: 'civil', weight: '1.5' },
  { id: 'C2', caseType: 'contract', department: 'civil', panelSize: 3, recuse: ['J2'] },
];
const events: AssignmentEvent[] = [
  { kind: 'draw', caseId: 'C1', beacon: '00ff' },
  { kind: 'designate', caseId: 'C2', judgeId: 'J1', reason: { code: 'other', text: '专业审判' }, approver: '院长', time: '2026-03-02T09:00:00+08:00' },
];

function seats(entry: LedgerEntry): string {
  return entry.seats.map((s: Seat) => `${s.chosen} of ${s.pool.map((c) => `${c.judge}:${c.p}`).join(',')}${s.lowEntropy ? ` (${s.lowEntropy})` : ''}`).join('; ');
}

async function main(previousHead: string): Promise<void> {
  await init();
  const seed = '00'.repeat(32);
  const { commitment } = commitSeed({ seed });
  const inputs: AssignmentInput = { court: '示例法院', judges, cases, events, seed, commitment, previousHead };
  const ledger: Ledger = assign(inputs);
  const head: string = ledger.entries.at(-1)?.hash ?? ledger.headerHash;
  const continues: string | undefined = ledger.header.previousHead;
  console.log(ledger.entries.map(seats), head, continues);

  const report: VerifyReport = verifyLedger({ inputs, ledger });
  const where: number | null = report.firstDifference?.index ?? null;
  const chain: ChainReport = verifyChain({ ledger });
  const published: string = report.head;
  const replayed: HeadReport = verifyHead({ inputs, head: published });
  const audit: AuditReport = auditLedger({ inputs, ledger });
  console.log(report.ok, where, head === published, chain.firstBroken, replayed.ok, audit.counts.manualShare, audit.positionBias.biased);

  try {
    assign({ ...inputs, previousHead: 'not a head' });
  } catch (err) {
    const e = err as Error & ShenguanErrorFields;
    const listed: number = e.more.length + e.moreOmitted;
    console.log(e.code, e.path, e.messageZh, listed);
  }
}

void main('ab'.repeat(32));
