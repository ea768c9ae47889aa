#!/usr/bin/env python3
"""Seed corpus and dictionaries of the fuzz targets, from the test vectors.

    scripts/fuzz-seeds.py [--max-len BYTES]

Writes fuzz/corpus/<target>/<sha1> (gitignored; libFuzzer adds what it finds
to the same directories) and fuzz/dict/<target>.dict (committed; the same
bytes every time for the same vectors). Python standard library only.

A seed is what the target reads (fuzz/src/oracle.rs): the selector byte of
the operation in the target's list, then the input's JSON text;
`ledger_stream` seeds start with a 4-byte split seed instead. Sources:

- every step of tests/vectors/**/*.json (`function` names the operation,
  `input` is its input) and tests/fixtures/*.json (an `assign` input);
- for the operations no vector calls, inputs made from those: the ledger an
  `assign` vector expects, with its inputs, for `verifyLedger`,
  `auditLedger`, `verifyHead`, `verifyChain` and `ledger_stream`; the
  commitment time of each run for `drandRound`;
- the beacon references and values of those inputs and the published
  drand rounds pinned in tests/beacon.rs for `beacon`.

The operation lists are read from fuzz/src/oracle.rs, so the selector bytes
cannot drift from the targets. Seeds longer than --max-len (default 65536,
the -max_len the fuzzer runs with) are left out: libFuzzer would cut them.
"""

import argparse
import hashlib
import json
import os
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FUZZ = ROOT / "fuzz"


def operation_lists():
    """{target: [operation, ...]} as fuzz/src/oracle.rs declares them."""
    source = (FUZZ / "src" / "oracle.rs").read_text(encoding="utf-8")
    consts = {
        name: re.findall(r'"([A-Za-z]+)"', body)
        for name, body in re.findall(r"pub const ([A-Z_]+): &\[&str\] =\s*&\[(.*?)\];", source, re.S)
    }
    table = re.search(r"pub const TARGETS: .*?=\s*&\[(.*?)\];", source, re.S).group(1)
    targets = {name: consts[const] for name, const in re.findall(r'\("([a-z_]+)", ([A-Z_]+)\)', table)}
    if not targets or any(not ops for ops in targets.values()):
        sys.exit("fuzz-seeds: could not read the operation lists from fuzz/src/oracle.rs")
    return targets


def compact(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def vector_steps():
    """(file, function, input, expected or None) of every vector step, in file order."""
    for path in sorted((ROOT / "tests" / "vectors").rglob("*.json")):
        vector = json.loads(path.read_text(encoding="utf-8"))
        for step in vector.get("steps", [vector]):
            yield path, step["function"], step["input"], step.get("expected")


def published_rounds():
    """(network, round, signature, previous or None) of the drand rounds in tests/beacon.rs."""
    source = (ROOT / "tests" / "beacon.rs").read_text(encoding="utf-8")
    rounds = []
    for const, network in (("QUICKNET_ROUNDS", "quicknet"), ("DEFAULT_ROUNDS", "default")):
        block = re.search(const + r": &\[Round\] = &\[(.*?)\n\];", source, re.S)
        if not block:
            continue
        pattern = r'round: (\d+),\s*signature: "([0-9a-f]+)",\s*previous: (?:Some\("([0-9a-f]+)"\)|None)'
        for number, signature, previous in re.findall(pattern, block.group(1)):
            rounds.append((network, int(number), signature, previous or None))
    return rounds


def seeds(targets):
    """{target: [bytes, ...]} in a fixed order."""
    out = {target: [] for target in targets}

    def add(target, operation, value):
        text = value if isinstance(value, str) else compact(value)
        out[target].append(bytes([targets[target].index(operation)]) + text.encode("utf-8"))

    def add_stream(verify_input):
        text = compact(verify_input).encode("utf-8")
        # Split seeds 0 (one byte a part), 4 (up to 64 bytes) and 6 (whole): see oracle::split.
        for split in (0, 4, 6):
            out["ledger_stream"].append(split.to_bytes(4, "little") + text)

    runs = []  # (inputs, ledger) of the assign vectors that succeed
    beacons = []  # (reference, value or None)
    times = set()
    for _, function, value, expected in vector_steps():
        for target, operations in targets.items():
            if function in operations and target not in ("ledger_stream", "beacon"):
                add(target, function, value)
        if function == "verifyLedger":
            add_stream(value)
        if function == "assign" and isinstance(expected, str):
            runs.append((value, expected))
        if function in ("assign", "commitRun", "carryForward") and isinstance(value, dict):
            if "beacon" in value:
                beacons.append((value["beacon"], value.get("beaconValue")))
            if isinstance(value.get("committedAt"), str):
                times.add(value["committedAt"])
    for path in sorted((ROOT / "tests" / "fixtures").glob("*.json")):
        fixture = json.loads(path.read_text(encoding="utf-8"))
        for operation in ("assign", "commitRun", "carryForward"):
            add("assignment", operation, fixture)
        if "beacon" in fixture:
            beacons.append((fixture["beacon"], fixture.get("beaconValue")))
        times.add(fixture.get("committedAt", ""))
        runs.append((fixture, None))

    for inputs, ledger in runs:
        if ledger is None:
            continue
        lines = ledger.splitlines()
        head = json.loads(lines[-1]).get("hash") if len(lines) > 1 else None
        add("assignment", "verifyLedger", {"inputs": inputs, "ledger": ledger})
        add("assignment", "auditLedger", {"inputs": inputs, "ledger": ledger})
        add(
            "assignment",
            "auditLedger",
            {"inputs": inputs, "ledger": ledger, "audit": {"probabilityCeiling": "0.3", "windowEntries": 5, "windowDays": 1}},
        )
        add("assignment", "verifyChain", {"ledger": ledger})
        if head:
            add("assignment", "verifyHead", {"inputs": inputs, "head": head})
        add_stream({"inputs": inputs, "ledger": ledger})
        # A hand edit the verifier must catch: the last entry's first digit changed.
        if len(lines) > 1:
            edited = lines[:-1] + [re.sub(r"\d", lambda m: str((int(m.group()) + 1) % 10), lines[-1], count=1)]
            add_stream({"inputs": inputs, "ledger": "\n".join(edited) + "\n"})

    for network in ("quicknet", "default"):
        for after in sorted(t for t in times if t) + ["1970-01-01T00:00:00Z", "9999-12-31T23:59:59Z"]:
            add("assignment", "drandRound", {"network": network, "after": after})
            add("beacon", "drandRound", {"network": network, "after": after})
        for seconds in (0, 1_595_431_050, 1_692_803_367, 1_692_803_369, 2**53 - 1):
            add("beacon", "roundClock", {"network": network, "unixSeconds": seconds})

    for network, number, signature, previous in published_rounds():
        value = {"round": number, "signature": signature}
        if previous:
            value["previousSignature"] = previous
        beacons.append(({"kind": "drand", "network": network, "round": number}, value))
    beacons.append(({"kind": "none"}, None))
    seen = set()
    for reference, value in beacons:
        pair = {"reference": reference, "value": value}
        key = compact(pair)
        if key in seen:
            continue
        seen.add(key)
        add("beacon", "verifyBeacon", pair)
        add("beacon", "assignWithBeacon", pair)
    return out


# ---------------------------------------------------------------------------
# Dictionaries

ENUM_LIKE = re.compile(r"^[A-Za-z][A-Za-z0-9_.:/+-]{0,40}$")

GENERIC = [
    "{", "}", "[", "]", ":", ",", '""', "true", "false", "null",
    "0", "-0", "1", "-1", "0.5", "1.0", "0.0001", "1e-7", "1e308", "-1e308", "1E400",
    "9007199254740991", "9007199254740992", "18446744073709551615", "18446744073709551616",
    "79228162514264337593543950335", "0.00000000000000000000000000001",
    "\\u0000", "\\ud800", "\\\"", "\\n",
]


def collect(value, keys, strings):
    if isinstance(value, dict):
        for k, v in value.items():
            keys.add(k)
            collect(v, keys, strings)
    elif isinstance(value, list):
        for v in value:
            collect(v, keys, strings)
    elif isinstance(value, str):
        if ENUM_LIKE.match(value) and not re.fullmatch(r"[0-9a-f]{32,}", value):
            strings.add(value)


def escape(token):
    out = []
    for byte in token.encode("utf-8"):
        c = chr(byte)
        if c in '\\"':
            out.append("\\" + c)
        elif 0x20 <= byte < 0x7F:
            out.append(c)
        else:
            out.append("\\x%02X" % byte)
    return '"' + "".join(out) + '"'


def dictionaries(targets, corpus):
    out = {}
    for target in targets:
        keys, strings = set(), set()
        extra = set()
        for seed in corpus[target]:
            text = seed[4 if target == "ledger_stream" else 1 :].decode("utf-8")
            value = json.loads(text)
            collect(value, keys, strings)
            if target == "ledger_stream" and isinstance(value.get("ledger"), str):
                # The ledger's own lines: header and entry members.
                for line in value["ledger"].splitlines():
                    try:
                        collect(json.loads(line), keys, strings)
                    except ValueError:
                        pass
                extra.update(["\n", '"}\n{"', "}\n"])
        tokens = ['"%s"' % k for k in sorted(keys)] + ['"%s"' % s for s in sorted(strings - keys)]
        tokens += sorted(extra) + GENERIC
        lines = ["# fuzz/dict/%s.dict: made by scripts/fuzz-seeds.py from the seeds of the target" % target,
                 "# (member names, then enum-like strings, then JSON tokens)."]
        seen = set()
        for token in tokens:
            if token not in seen:
                seen.add(token)
                lines.append(escape(token))
        out[target] = "\n".join(lines) + "\n"
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-len", type=int, default=65536)
    args = parser.parse_args()
    targets = operation_lists()
    corpus = seeds(targets)
    dicts = dictionaries(targets, corpus)
    (FUZZ / "dict").mkdir(parents=True, exist_ok=True)
    for target in targets:
        directory = FUZZ / "corpus" / target
        directory.mkdir(parents=True, exist_ok=True)
        written = skipped = 0
        for seed in corpus[target]:
            if len(seed) > args.max_len:
                skipped += 1
                continue
            name = directory / hashlib.sha1(seed).hexdigest()
            if not name.exists():
                name.write_bytes(seed)
            written += 1
        (FUZZ / "dict" / (target + ".dict")).write_text(dicts[target], encoding="utf-8")
        ops = {}
        for seed in corpus[target]:
            if len(seed) <= args.max_len and target != "ledger_stream":
                op = targets[target][seed[0] % len(targets[target])]
                ops[op] = ops.get(op, 0) + 1
        detail = ", ".join("%s %d" % (op, ops.get(op, 0)) for op in targets[target]) if ops else "verifyLedger %d" % written
        print("fuzz-seeds: %-13s %3d seeds (%s)%s" % (target, written, detail,
              "; %d longer than %d bytes left out" % (skipped, args.max_len) if skipped else ""))
        missing = [op for op in targets[target] if target != "ledger_stream" and not ops.get(op)]
        if missing:
            sys.exit("fuzz-seeds: no seed for %s in %s" % (", ".join(missing), target))


if __name__ == "__main__":
    main()
