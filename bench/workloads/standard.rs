//! Standard-case workloads: a million closed cases in the bulk form (the
//! target) and ten thousand in the detailed form.

use serde_json::json;
use std::fmt::Write;

/// Deterministic xorshift64* generator.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n
    }
}

fn config() -> serde_json::Value {
    json!({
        "rounding": {"places": 2, "mode": "halfUp"},
        "caseTypes": {
            "criminalFirst": {"category": "criminal"},
            "civilFirst": {"category": "civil", "baseWeight": "1.1"},
            "civilSecond": {"category": "civil", "baseWeight": "1.3"},
            "administrative": {"category": "administrative"},
            "complexCommercial": {"category": "civil", "coefficient": "1.5"},
            "preservation": {"fixed": "0.2"}
        },
        "procedures": {"ordinary": "1.1", "summary": "0.8"},
        "complexity": {"simple": "0.9", "normal": "1", "complex": "1.3"}
    })
}

fn baseline() -> serde_json::Value {
    json!({
        "year": 2019, "scope": "perCategory",
        "weights": {"dossier": "0.15", "transcript": "0.25", "judgment": "0.60"},
        "pooled": {"averages": {"dossier": "86.37", "transcript": "7.12", "judgment": "9.48"}},
        "categories": {
            "criminal": {"averages": {"dossier": "112.40", "transcript": "9.05", "judgment": "11.71"}},
            "civil": {"averages": {"dossier": "78.93", "transcript": "6.62", "judgment": "8.86"}},
            "administrative": {"averages": {"dossier": "95.10", "transcript": "0", "judgment": "10.25"}}
        }
    })
}

const KINDS: [(&str, Option<&str>, Option<&str>); 8] = [
    ("criminalFirst", Some("ordinary"), Some("normal")),
    ("civilFirst", Some("summary"), Some("simple")),
    ("civilFirst", Some("ordinary"), Some("normal")),
    ("civilFirst", Some("ordinary"), Some("complex")),
    ("civilSecond", Some("ordinary"), Some("normal")),
    ("administrative", None, None),
    ("complexCommercial", Some("ordinary"), Some("complex")),
    ("preservation", None, None),
];

fn bulk_input(cases: usize, judges: usize, values: bool) -> String {
    let mut rng = Rng(0x5eed_0000_0000_0001);
    let kinds: Vec<serde_json::Value> = KINDS
        .iter()
        .map(|(t, p, c)| json!({"caseType": t, "procedure": p, "complexity": c}))
        .collect();
    let judge_ids: Vec<String> = (0..judges).map(|i| format!("J{i:04}")).collect();
    let (mut kind, mut dossier, mut transcript, mut judgment, mut judge) =
        (String::new(), String::new(), String::new(), String::new(), String::new());
    for i in 0..cases {
        let sep = if i == 0 { "" } else { "," };
        let k = rng.below(KINDS.len() as u64);
        let _ = write!(kind, "{sep}{k}");
        let _ = write!(dossier, "{sep}{}", 10 + rng.below(400));
        let _ = write!(transcript, "{sep}{}", rng.below(30));
        let _ = write!(judgment, "{sep}{}", 2 + rng.below(40));
        let _ = write!(judge, "{sep}{}", rng.below(judges as u64));
    }
    let head = json!({"config": config(), "baseline": baseline(), "kinds": kinds, "judgeIds": judge_ids, "values": values});
    let head = head.to_string();
    let head = head.strip_suffix('}').unwrap_or(&head);
    format!(
        "{head},\"kind\":[{kind}],\"dossier\":[{dossier}],\"transcript\":[{transcript}],\"judgment\":[{judgment}],\"judge\":[{judge}]}}"
    )
}

fn detailed_input(cases: usize) -> String {
    let mut rng = Rng(0x5eed_0000_0000_0002);
    let list: Vec<serde_json::Value> = (0..cases)
        .map(|i| {
            let (t, p, c) = KINDS[rng.below(KINDS.len() as u64) as usize];
            json!({
                "id": format!("(2020)渝0106民初{i}号"), "caseType": t, "procedure": p, "complexity": c,
                "judge": format!("J{:03}", rng.below(100)), "department": format!("D{}", rng.below(8)),
                "pages": {"dossier": 10 + rng.below(400), "transcript": rng.below(30), "judgment": 2 + rng.below(40)}
            })
        })
        .collect();
    json!({"config": config(), "baseline": baseline(), "cases": list}).to_string()
}

/// The standard-case workloads.
pub fn workloads() -> Vec<super::Workload> {
    vec![
        super::Workload {
            name: "standard-cases-bulk-1m",
            operation: "standardCasesBulk",
            input: bulk_input(1_000_000, 400, false),
            iterations: 3,
            target: "WASM < 500 ms",
            note: "1,000,000 cases (8 kinds, per-category baseline with a zero average, stacked coefficients) \
                   as parallel arrays in JSON text; totals per kind and per judge (400 judges)"
                .into(),
        },
        super::Workload {
            name: "standard-cases-bulk-1m-values",
            operation: "standardCasesBulk",
            input: bulk_input(1_000_000, 400, true),
            iterations: 3,
            target: "(informational)",
            note: "as standard-cases-bulk-1m, also returning the 1,000,000 per-case decimal strings".into(),
        },
        super::Workload {
            name: "standard-cases-detailed-10k",
            operation: "standardCases",
            input: detailed_input(10_000),
            iterations: 5,
            target: "(informational)",
            note: "10,000 case objects in JSON text, per-case results with explanations".into(),
        },
    ]
}
