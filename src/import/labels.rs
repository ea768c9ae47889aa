//! The Chinese words a court's spreadsheet uses for the engine's fixed
//! vocabularies, both ways: the first label of each entry is the one written
//! on export, every label (and the engine's own id) is read on import.

/// One vocabulary: engine id and the labels that mean it.
pub type Vocabulary = &'static [(&'static str, &'static [&'static str])];

/// Roles (职务) of the assignment engine.
pub const ROLES: Vocabulary = &[
    ("president", &["院长"]),
    ("vicePresident", &["副院长"]),
    ("committeeMember", &["审判委员会委员", "审委会委员"]),
    ("divisionChief", &["庭长"]),
    ("deputyChief", &["副庭长"]),
    ("judge", &["法官", "员额法官", "审判员"]),
];

/// Availability (在岗状态).
pub const AVAILABILITY: Vocabulary = &[
    ("available", &["在岗", "正常"]),
    ("absent", &["缺勤", "外出"]),
    ("onLeave", &["请假", "休假"]),
    ("transferred", &["调离", "调出"]),
];

/// Case categories (案件类别); a court may name others, which pass as written.
pub const CATEGORIES: Vocabulary = &[
    ("criminal", &["刑事"]),
    ("civil", &["民事"]),
    ("administrative", &["行政"]),
    ("enforcement", &["执行"]),
];

/// Procedures (审理程序); others pass as written (the configuration names them).
pub const PROCEDURES: Vocabulary = &[
    ("ordinary", &["普通程序", "普通"]),
    ("summary", &["简易程序", "简易"]),
    ("enforcement", &["执行程序"]),
];

/// Simple/complex classes (繁简); others pass as written.
pub const COMPLEXITY: Vocabulary = &[("simple", &["简", "简单", "简案"]), ("complex", &["繁", "复杂", "繁案"])];

/// Ledger entry kinds, for export only.
pub const ENTRY_KINDS: Vocabulary = &[
    ("draw", &["随机分案"]),
    ("designate", &["指定分案"]),
    ("reassign", &["调整承办人"]),
    ("redraw", &["回避后重新分案"]),
    ("availability", &["在岗状态变更"]),
];

/// The engine id a text means: the id itself or one of its labels.
pub fn id_of(vocabulary: Vocabulary, text: &str) -> Option<&'static str> {
    vocabulary.iter().find(|(id, labels)| *id == text || labels.contains(&text)).map(|(id, _)| *id)
}

/// The label written for an id, or the id itself when it has none.
pub fn label_of(vocabulary: Vocabulary, id: &str) -> &str {
    vocabulary.iter().find(|(known, _)| *known == id).map_or(id, |(_, labels)| labels[0])
}

/// The labels of a vocabulary listed for a message: "院长、副院长…".
pub fn listed(vocabulary: Vocabulary) -> String {
    vocabulary.iter().map(|(_, labels)| labels[0]).collect::<Vec<_>>().join("、")
}
