// A typed use of the assignment exports; checked by `tsc --noEmit`.
import init, { isShenguanError, commitRun, assign, verifyLedger, verifyChain, verifyHead, auditLedger, carryForward, LedgerWriter, LedgerVerifier } from '../../pkg/full/index.js';
import type {
  AssignmentInput, AssignmentEvent, Judge, Case, LedgerHeader, LedgerEntry, Seat, VerifyReport, ChainReport, HeadReport, AuditReport,
  RunCommitment, CarryForward, ShenguanErrorFields,
} from '../../pkg/full/index.js';

const judges: Judge[] = ['J1', 'J2', 'J3', 'J4'].map((id, i) => ({
  id, department: 'civil', caseTypes: ['contract'], role: i === 0 ? 'divisionChief' : 'judge', share: i === 0 ? '0.55' : 1,
}));
const cases: Case[] = [
  { id: 'C1', caseType: 'contract', department: 'civil', weight: '1.5' },
  { id: 'C2', caseType: 'contract', department: 'civil', panelSize: 3, recuse: ['J2'] },
];
const events: AssignmentEvent[] = [
  { kind: 'draw', caseId: 'C1' },
  { kind: 'availability', judgeId: 'J4', availability: 'onLeave', time: '2026-03-02' },
  { kind: 'designate', caseId: 'C2', judgeId: 'J1', reason: { code: 'other', text: '专业审判' }, approver: '院长', time: '2026-03-02T09:00:00+08:00' },
];

function seats(entry: LedgerEntry): string {
  return entry.seats.map((s: Seat) => `${s.chosen} of ${s.pool.map(([judge, , , p]) => `${judge}:${p}`).join(',')}${s.lowEntropy ? ` (${s.lowEntropy})` : ''}`).join('; ');
}

async function main(previousHead: string, signature: string): Promise<void> {
  await init();
  const seed = '00'.repeat(32);
  const unpublished: AssignmentInput = {
    court: '示例法院', judges, cases, events, seed, previousHead,
    beacon: { kind: 'drand', network: 'quicknet', round: 12345678 }, committedAt: '2026-03-02T00:59:00Z',
  };
  const committed: RunCommitment = commitRun(unpublished);
  const inputs: AssignmentInput = { ...unpublished, commitment: committed.commitment, beaconValue: { round: 12345678, signature } };
  const ledger: string = assign(inputs);
  const [headerLine, ...entryLines] = ledger.trimEnd().split('\n');
  const header = JSON.parse(headerLine) as LedgerHeader;
  const entries = entryLines.map((line) => JSON.parse(line) as LedgerEntry);
  console.log(entries.map(seats), header.previousHead, header.warnings, committed.roundTime);

  const report: VerifyReport = verifyLedger({ inputs, ledger });
  const where: number | null = report.firstDifference?.index ?? null;
  const chain: ChainReport = verifyChain({ ledger });
  const replayed: HeadReport = verifyHead({ inputs, head: report.head });
  const audit: AuditReport = auditLedger({ inputs, ledger, audit: { probabilityCeiling: '0.6', windowDays: 2 } });
  const next: CarryForward = carryForward(inputs);
  console.log(report.ok, where, chain.firstBroken, replayed.ok, audit.counts.manualShare, audit.flags.absencesAroundDraws.length, next.previousHead);

  const writer = new LedgerWriter(inputs, 1 << 20);
  const verifier = new LedgerVerifier(inputs);
  for (let part = writer.next(); part !== undefined; part = writer.next()) verifier.push(part);
  const streamed = verifier.finish() as VerifyReport;
  console.log(streamed.ok, writer.head());

  try {
    assign({ ...inputs, previousHead: 'not a head' });
  } catch (err) {
    const e = err as Error & ShenguanErrorFields;
    const listed: number = e.more.length + e.moreOmitted;
    console.log(e.code, e.path, e.messageZh, listed);
    if (isShenguanError(err) && err.code === 'INVALID_INPUT') console.log(err.name, err.more.map((p) => p.path));
  }
}

void main('ab'.repeat(32), '00'.repeat(48));
