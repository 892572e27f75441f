//! A competence program as its authors plan it: goals, gatherings with their agendas, optional
//! modules to insert, and the rules for the work between gatherings.
//!
//! These types are what a `programs/<id>.ron` file (and each built-in program in `sessions/`)
//! holds. They carry no state of a held gathering: that is [`crate::model::Session`].

use chrono::NaiveTime;
use serde::{Deserialize, Serialize};

/// The schema version this build writes. Older versions are migrated on load (see
/// [`crate::store::migrate`]); newer ones are refused.
pub const SCHEMA_VERSION: u32 = 4;

/// A whole competence program ("kompetansepakke"): what it wants, and its gatherings in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Program {
    /// Schema version of the file; see [`SCHEMA_VERSION`].
    pub version: u32,
    /// Short, stable, file-name-safe id (`traumebevisst`); sessions refer to it.
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// The document the program is made from, by publisher and title ("Udir:
    /// Kompetansepakke om trygt og godt skolemiljø"): `samling show` names it, so a supervisor
    /// knows where the words come from.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// The learning goals; the built-in program has four dimensions.
    #[serde(default)]
    pub goals: Vec<LearningGoal>,
    /// The gatherings in the order they are held, numbered from 1.
    pub gatherings: Vec<GatheringPlan>,
    /// Optional modules ("valgfrie moduler") a facilitator may insert into any gathering.
    #[serde(default)]
    pub modules: Vec<OptionalModule>,
    /// What everybody does between gatherings (the built-in program: at least one LINK-økt).
    #[serde(default)]
    pub between: Vec<BetweenRule>,
}

/// One learning goal or dimension of a program.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LearningGoal {
    /// Short label, used to tag agenda items and prompts with the goal they serve.
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub text: String,
}

/// One planned gathering ("samling").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GatheringPlan {
    /// 1-based position in the program; unique within it.
    pub number: u32,
    pub title: String,
    /// Why this gathering exists; shown to the facilitator, printed by `samling show`.
    #[serde(default)]
    pub purpose: String,
    /// Planned start on the day, local time; the agenda's clock times count from here.
    pub start: NaiveTime,
    /// When the plan ends, as the participants were told (a buffer before the room must be
    /// left lies after it): `samling check` then holds the agenda to it (its minutes must fill
    /// the time from `start` to here exactly), so that a changed item is not silently a
    /// gathering that runs over.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<NaiveTime>,
    pub agenda: Vec<AgendaItem>,
}

/// One post on an agenda ("agendapunkt").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgendaItem {
    /// Stable id, unique within its gathering: notes and timing records point here, so it must
    /// not change when the title is reworded.
    pub id: String,
    pub title: String,
    pub kind: ItemKind,
    /// Planned length in whole minutes (1 ..= 1440).
    pub minutes: u32,
    /// Reflection questions shown to the room, one at a time, in this order.
    #[serde(default)]
    pub prompts: Vec<Prompt>,
    /// The facilitator's private note: never shown on the projector, never exported by default.
    #[serde(default)]
    pub facilitator_note: String,
    /// Timed steps inside the item (1-2-4-alle: 1 min alone, 2 in pairs, 4 in fours, 5 all).
    #[serde(default)]
    pub steps: Vec<Step>,
    /// Ids of the learning goals this item serves.
    #[serde(default)]
    pub goals: Vec<String>,
    /// The fewest minutes the item can be shortened to when the day runs late; `None` takes
    /// the default of its kind ([`AgendaItem::floor`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_minutes: Option<u32>,
    /// Never shortened nor skipped by a drift proposal; `None` takes the default of its kind
    /// (breaks and the closing are locked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locked: Option<bool>,
}

/// What sort of post an agenda item is. The UI shows Norwegian labels (see [`crate::i18n`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ItemKind {
    /// Velkommen / innsjekk.
    Welcome,
    /// Siden sist: what happened since the last gathering.
    SinceLast,
    /// Innlegg / foredrag.
    Talk,
    /// Film or case to watch or read together.
    Film,
    /// An activity to try out (øvelse).
    Exercise,
    /// Gruppearbeid / refleksjon in groups.
    GroupReflection,
    /// Deling i plenum.
    Plenary,
    /// Pause.
    Break,
    /// Planning the work until next gathering (LINK-økt, tasks).
    Planning,
    /// Oppsummering og avslutning.
    Closing,
}

impl ItemKind {
    /// Every kind, in the order an editor would offer them.
    pub const ALL: [ItemKind; 10] = [
        ItemKind::Welcome,
        ItemKind::SinceLast,
        ItemKind::Talk,
        ItemKind::Film,
        ItemKind::Exercise,
        ItemKind::GroupReflection,
        ItemKind::Plenary,
        ItemKind::Break,
        ItemKind::Planning,
        ItemKind::Closing,
    ];
}

/// A reflection question ("refleksjonsspørsmål") shown to the room.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prompt {
    /// Stable id, unique within its item (`p1`, `p2` … in the built-in program): notes, "Da —
    /// nå" and later gatherings' `revisits` point here, so reordering or rewording the prompts
    /// never re-points them.
    pub id: String,
    pub text: String,
    /// Set when this prompt asks again what an earlier gathering asked (gathering 6 mirrors
    /// gathering 1), so the answers then and now can be shown side by side.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revisits: Option<PromptRef>,
}

impl Prompt {
    /// A prompt that revisits nothing.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Prompt {
            id: id.into(),
            text: text.into(),
            revisits: None,
        }
    }
}

/// Points at one prompt of one agenda item of a gathering in the same program.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PromptRef {
    pub gathering: u32,
    pub item: String,
    /// The id of that item's prompt.
    pub prompt: String,
}

/// One timed step inside an agenda item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub label: String,
    pub minutes: u32,
}

/// An optional module: an agenda block the facilitator can insert into a gathering.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptionalModule {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub items: Vec<AgendaItem>,
}

/// A rule for the time between gatherings; each becomes an agreement when a gathering ends.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BetweenRule {
    pub id: String,
    /// The agreement's text, as it will stand in the minutes.
    pub text: String,
    pub kind: BetweenKind,
    pub who: Who,
}

/// What kind of between-work a rule asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum BetweenKind {
    /// A LINK-økt run in the classes.
    LinkSession,
    /// Any other task.
    Task,
}

/// Who an agreement or rule is for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Who {
    /// All staff.
    Everyone,
    /// One of the numbered groups of the gathering.
    Group(u8),
    /// A role: principal, working group, team leader …
    Role(String),
    /// A named person.
    Person(String),
}

impl Program {
    /// The gathering with this number, if the program has it.
    pub fn gathering(&self, number: u32) -> Option<&GatheringPlan> {
        self.gatherings.iter().find(|g| g.number == number)
    }
}

impl GatheringPlan {
    /// Planned length of the whole agenda in minutes.
    pub fn planned_minutes(&self) -> u32 {
        self.agenda.iter().map(|i| i.minutes).sum()
    }

    /// The item with this id.
    pub fn item(&self, id: &str) -> Option<&AgendaItem> {
        self.agenda.iter().find(|i| i.id == id)
    }
}

impl AgendaItem {
    /// Whether a drift proposal must leave the item as it is: as the program says, or by kind
    /// (a room needs its break, and a gathering its closing).
    pub fn is_locked(&self) -> bool {
        self.locked
            .unwrap_or(matches!(self.kind, ItemKind::Break | ItemKind::Closing))
    }

    /// The fewest minutes the item may be shortened to: as the program says, or by kind. A
    /// locked item keeps all its minutes; the planning of the work between gatherings keeps at
    /// least 10; everything else may shrink to 60 % of its plan (rounded up).
    pub fn floor(&self) -> u32 {
        if self.is_locked() {
            return self.minutes;
        }
        let by_kind = match self.kind {
            ItemKind::Planning => 10,
            _ => (self.minutes * 3).div_ceil(5),
        };
        self.min_minutes.unwrap_or(by_kind).min(self.minutes).max(1)
    }

    /// The prompt with this id.
    pub fn prompt(&self, id: &str) -> Option<&Prompt> {
        self.prompts.iter().find(|p| p.id == id)
    }

    /// Where the prompt with this id stands among the item's prompts.
    pub fn prompt_index(&self, id: &str) -> Option<usize> {
        self.prompts.iter().position(|p| p.id == id)
    }
}
