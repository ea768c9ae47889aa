//! The explanation tree: every point traced to its inputs, formula,
//! intermediate values and the rule clause that applied.

use super::populations::PopulationUsed;
use crate::decimal::Decimal;
use serde::Serialize;
use std::borrow::Cow;

/// Text that is usually a fixed label.
pub type Text = Cow<'static, str>;

/// What a node explains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum NodeKind {
    /// The judge's total (the root).
    Judge,
    /// A weighted group.
    Group,
    /// One indicator's score.
    Indicator,
    /// A credited case count (handling + panel share).
    Credit,
    /// A bonus or deduction item.
    Adjustment,
    /// A one-vote veto item.
    Veto,
    /// A leader caseload check.
    Check,
    /// The grade.
    Grade,
}

/// Notable facts about a node, for highlighting in a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Flag {
    /// An input needed here is missing.
    Missing,
    /// A cap lowered the value.
    Capped,
    /// A floor raised the value.
    Floored,
    /// The value is inside the reference range.
    InRange,
    /// The value is outside the reference range.
    OutOfRange,
    /// Piecewise: below the first breakpoint.
    BelowFirstPoint,
    /// Piecewise: at or above the last breakpoint (saturation).
    AboveLastPoint,
    /// min = max in the population: the declared outcome applied.
    MinEqualsMax,
    /// Standard deviation zero: z = 0.
    ZeroSpread,
    /// Expected value zero: the declared outcome applied.
    ZeroBaseline,
    /// Panel credit reached its cap.
    PanelCapped,
    /// The bonuses together were lowered to `bonusesCap`.
    BonusesCapped,
    /// The deductions together were lowered to `deductionsCap`.
    DeductionsCapped,
    /// The total was lowered to `totalCap`.
    TotalCapped,
    /// Steps: below the first step.
    BelowFirstStep,
    /// A veto applies.
    Triggered,
    /// A check passed.
    Passed,
    /// A check failed.
    Failed,
    /// The grade was forced by a veto.
    Vetoed,
    /// The grade was lowered by a quota.
    QuotaApplied,
    /// The grade was lowered because a better grade's requirement was not met.
    RequirementNotMet,
    /// A live form's grade, by thresholds only: a quota needs the batch's cut-offs.
    Provisional,
}

/// A named value; `value` is null when missing.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Term {
    /// Name (a symbol of the formula).
    pub name: Text,
    /// Value.
    #[serde(serialize_with = "crate::decimal::text::serialize_option")]
    pub value: Option<Decimal>,
    /// Where it came from (`values.closedCases`, `statistics.baselines.c1.closedCases`...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl Term {
    /// A computed value.
    pub fn new(name: impl Into<Text>, value: Decimal) -> Self {
        Term { name: name.into(), value: Some(value), source: None }
    }

    /// A value read from the input.
    pub fn input(name: impl Into<Text>, value: Option<Decimal>, source: String) -> Self {
        Term { name: name.into(), value, source: Some(source) }
    }
}

/// One node of the explanation tree.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Node {
    /// What it explains.
    pub kind: NodeKind,
    /// Id of the group, indicator, item... (the judge id at the root).
    pub id: String,
    /// Display name from the rule set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The resulting number (null when an input is missing).
    #[serde(serialize_with = "crate::decimal::text::serialize_option")]
    pub value: Option<Decimal>,
    /// A non-numeric result (grade id, "pass", "fail", "triggered").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome: Option<String>,
    /// The formula, in the symbols of `inputs` and `steps`.
    #[serde(skip_serializing_if = "str::is_empty")]
    pub formula: Text,
    /// The formula in Chinese.
    #[serde(skip_serializing_if = "str::is_empty")]
    pub formula_zh: Text,
    /// Path of the rule-set clause that applied (`indicators[0].method`...).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub clause: String,
    /// Inputs of the formula.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub inputs: Vec<Term>,
    /// Intermediate values, in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<Term>,
    /// Notable facts.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub flags: Vec<Flag>,
    /// Which population the statistics (`min`, `max`, `mean`, `sd`) came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub population: Option<PopulationUsed>,
    /// A sentence on the rule applied (segment, range, quota...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The same sentence in Chinese, with the rule set's labels.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note_zh: Option<String>,
    /// Parts.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Node>,
}

impl Node {
    /// An empty node.
    pub fn new(kind: NodeKind, id: &str, label: Option<&String>) -> Self {
        Node {
            kind,
            id: id.to_string(),
            label: label.cloned(),
            value: None,
            outcome: None,
            formula: Text::Borrowed(""),
            formula_zh: Text::Borrowed(""),
            clause: String::new(),
            inputs: Vec::new(),
            steps: Vec::new(),
            flags: Vec::new(),
            population: None,
            note: None,
            note_zh: None,
            children: Vec::new(),
        }
    }
}

impl Node {
    /// Set the formula in both languages (the Chinese from [`formula_zh`]).
    pub fn set_formula(&mut self, en: &'static str) {
        self.formula = Text::Borrowed(en);
        self.formula_zh = Text::Borrowed(formula_zh(en));
    }

    /// Set the note in both languages.
    pub fn set_note(&mut self, en: impl Into<String>, zh: impl Into<String>) {
        self.note = Some(en.into());
        self.note_zh = Some(zh.into());
    }
}

/// The Chinese of a fixed formula: one table for every formula the engine
/// writes, so both languages say the same thing (an unknown one is kept as is).
pub fn formula_zh(en: &'static str) -> &'static str {
    match en {
        "score = x" => "得分 = x",
        "E = B × share; ratio = x / E; score = scale × ratio" => "E = 基数 B × 比例 share；比率 ratio = x / E；得分 = 满分 scale × ratio",
        "r = (x − min) / (max − min); score = scale × r" => "r = (x − 最小值 min) / (最大值 max − 最小值 min)；得分 = 满分 scale × r",
        "r = (max − x) / (max − min); score = scale × r" => "r = (最大值 max − x) / (最大值 max − 最小值 min)；得分 = 满分 scale × r",
        "r = (x − min) / (max − min); score = base + span × r" => "r = (x − 最小值 min) / (最大值 max − 最小值 min)；得分 = 基础分 base + 浮动分 span × r",
        "r = (max − x) / (max − min); score = base + span × r" => "r = (最大值 max − x) / (最大值 max − 最小值 min)；得分 = 基础分 base + 浮动分 span × r",
        "z = (x − mean) / sd; score = center + spread × z" => "z = (x − 平均值 mean) / 标准差 sd；得分 = 中心分 center + 每个标准差分值 spread × z",
        "z = (mean − x) / sd; score = center + spread × z" => "z = (平均值 mean − x) / 标准差 sd；得分 = 中心分 center + 每个标准差分值 spread × z",
        "min ≤ x ≤ max: score = scale" => "min ≤ x ≤ max：得分 = 满分 scale",
        "x ≥ min: score = scale" => "x ≥ min（不低于下界）：得分 = 满分 scale",
        "x ≤ max: score = scale" => "x ≤ max（不高于上界）：得分 = 满分 scale",
        "r = (x − unallowed) / (satisfactory − unallowed); score = base + span × r" => "r = (x − 不允许值 unallowed) / (满意值 satisfactory − 不允许值 unallowed)；得分 = 基础分 base + 浮动分 span × r",
        "score = the score of the last step reached (from: x ≥ bound; over: x > bound); below the first: scoreBelow" => "得分 = 所达最高阶梯的分值（from：x ≥ 起点；over：x > 起点）；低于第一阶：scoreBelow",
        "outside: score = fixed score" => "区间外：得分 = 规定分值",
        "outside: d = distance to the range; score = max(scale − perUnit × d, 0)" => "区间外：d = 与参考区间的距离；得分 = max(满分 scale − 每单位扣分 perUnit × d, 0)",
        "outside: score = 0" => "区间外：得分 = 0",
        "x < x₁: score = s₁" => "x < x₁：得分 = s₁",
        "x ≥ xₙ: score = sₙ + perUnitAbove × (x − xₙ)" => "x ≥ xₙ：得分 = sₙ + 超出部分每单位加分 perUnitAbove × (x − xₙ)",
        "t = (x − xₖ) / (xₖ₊₁ − xₖ); score = sₖ + (sₖ₊₁ − sₖ) × t" => "t = (x − xₖ) / (xₖ₊₁ − xₖ)；得分 = sₖ + (sₖ₊₁ − sₖ) × t",
        "G = Σ sᵢ × wᵢ / 100; contribution = G × W / 100" => "组得分 G = Σ 指标得分 sᵢ × 权重 wᵢ / 100；计入总分 = G × 组权重 W / 100",
        "total = Σ group contributions + Σ bonuses − Σ deductions" => "总分 = Σ 各组计入分 + Σ 加分 − Σ 扣分",
        "panel = p × share; limit = h × c / (1 − c); x = h + min(panel, limit)" => "合议折算 panel = 合议庭参与数 p × share；上限 limit = 承办数 h × c / (1 − c)；x = h + min(panel, limit)",
        "panel = p × share; limit = h × c / (1 − c); x = h + min(panel, limit, cap)" => "合议折算 panel = 合议庭参与数 p × share；上限 limit = 承办数 h × c / (1 − c)；x = h + min(panel, limit, 绝对上限 cap)",
        "panel = p × share; x = h + min(panel, cap)" => "合议折算 panel = 合议庭参与数 p × share；x = 承办数 h + min(panel, 绝对上限 cap)",
        "panel = p × share; x = h + panel" => "合议折算 panel = 合议庭参与数 p × share；x = 承办数 h + panel",
        "points = min(x × perUnit, cap)" => "分值 = min(x × 每单位分值 perUnit, 上限 cap)",
        "points = x × perUnit" => "分值 = x × 每单位分值 perUnit",
        "pass when x ≥ share × B" => "x ≥ 比例 share × 基数 B 时通过",
        "pass when x / d ≥ min (d = 0: pass)" => "x / d ≥ min 时通过（d = 0 时通过）",
        "the best grade whose minScore ≤ total, within its quota; a veto forces its grade" => "总分达到其 minScore 的最高等次（受名额比例限制）；一票否决时定为否决所定等次",
        other => other,
    }
}

/// The Chinese of the cap and floor step added to a method's formula.
pub const CAP_FLOOR: (&str, &str) = ("; then floor ≤ score ≤ cap", "；再取 下限 floor ≤ 得分 ≤ 上限 cap");
