//! Version 1, frozen: the shapes of the first file format, and the step to version 2.
//!
//! Only the types that changed in version 2 are copied here; the rest (kinds, timing, who,
//! statuses) are the current ones, which version 2 left as they were. A later version that
//! changes one of those must copy it here first, as it was.
//!
//! What version 2 added, and how it is derived for a version 1 file:
//!
//! - prompts have ids: the `n`-th prompt of an item (from 1) becomes `p<n>`, and every index
//!   that pointed at a prompt (a note's, the draft's, "Da — nå", `revisits`, the question on
//!   the projector) points at that id;
//! - the current item is named by its id rather than its place;
//! - a note's id `n` becomes `f-<n>`: the facilitator's own count (no other writer existed);
//! - an agreement's id, which version 1 renumbered in every gathering it was carried to,
//!   becomes `<session it was made in>/v1-<hash>`, the hash taken over what every copy of it
//!   shares (the item, when it was made and its text), so each gathering's copy of one agreement
//!   gets the same id without any other file at hand;
//! - `commitments` is named `agreements`, and deleted notes are kept as tombstones (none yet).

use serde::Deserialize;

use crate::model::{
    self, BetweenRule, GroupLabel, ItemKind, ItemTiming, LearningGoal, NoteKind, Origin, Step,
    Timestamp, Who,
};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Program {
    version: u32,
    id: String,
    title: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    goals: Vec<LearningGoal>,
    gatherings: Vec<GatheringPlan>,
    #[serde(default)]
    modules: Vec<OptionalModule>,
    #[serde(default)]
    between: Vec<BetweenRule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GatheringPlan {
    number: u32,
    title: String,
    #[serde(default)]
    purpose: String,
    start: chrono::NaiveTime,
    agenda: Vec<AgendaItem>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AgendaItem {
    id: String,
    title: String,
    kind: ItemKind,
    minutes: u32,
    #[serde(default)]
    prompts: Vec<Prompt>,
    #[serde(default)]
    facilitator_note: String,
    #[serde(default)]
    steps: Vec<Step>,
    #[serde(default)]
    goals: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Prompt {
    text: String,
    #[serde(default)]
    revisits: Option<PromptRef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PromptRef {
    gathering: u32,
    item: String,
    prompt: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OptionalModule {
    id: String,
    title: String,
    #[serde(default)]
    description: String,
    items: Vec<AgendaItem>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    version: u32,
    id: String,
    program: String,
    gathering: u32,
    title: String,
    date: chrono::NaiveDate,
    #[serde(default)]
    place: String,
    #[serde(default)]
    facilitator: String,
    start: chrono::NaiveTime,
    agenda: Vec<AgendaItem>,
    #[serde(default)]
    current: usize,
    #[serde(default)]
    prompt: usize,
    #[serde(default)]
    timing: Vec<ItemTiming>,
    #[serde(default)]
    notes: Vec<Note>,
    #[serde(default)]
    commitments: Vec<Commitment>,
    #[serde(default)]
    previous: Option<String>,
    #[serde(default)]
    since_last: Option<SinceLast>,
    #[serde(default)]
    mirror: Vec<Mirror>,
    #[serde(default)]
    draft: Option<Draft>,
    #[serde(default)]
    ended: Option<Timestamp>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Note {
    id: u32,
    created: Timestamp,
    edited: Timestamp,
    item: String,
    #[serde(default)]
    prompt: Option<usize>,
    group: GroupLabel,
    kind: NoteKind,
    text: String,
    #[serde(default)]
    private: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SinceLast {
    from: String,
    #[serde(default)]
    highlights: Vec<Note>,
    #[serde(default)]
    parking: Vec<Note>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Mirror {
    item: String,
    prompt: usize,
    gathering: u32,
    from: String,
    notes: Vec<Note>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Draft {
    #[serde(default)]
    note: Option<u32>,
    item: String,
    #[serde(default)]
    prompt: Option<usize>,
    group: GroupLabel,
    text: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Commitment {
    #[allow(dead_code)] // Renumbered in each gathering: not an identity (see the module doc).
    id: u32,
    text: String,
    who: Who,
    due: model::Due,
    origin: Origin,
    #[serde(default)]
    history: Vec<model::StatusChange>,
}

/// The id version 2 gives the `index`-th prompt (from 0) of an item in a version 1 file.
fn prompt_id(index: usize) -> String {
    format!("p{}", index + 1)
}

fn item(i: AgendaItem) -> model::AgendaItem {
    model::AgendaItem {
        id: i.id,
        title: i.title,
        kind: i.kind,
        minutes: i.minutes,
        prompts: i
            .prompts
            .into_iter()
            .enumerate()
            .map(|(n, p)| model::Prompt {
                id: prompt_id(n),
                text: p.text,
                revisits: p.revisits.map(|r| model::PromptRef {
                    gathering: r.gathering,
                    item: r.item,
                    prompt: prompt_id(r.prompt),
                }),
            })
            .collect(),
        facilitator_note: i.facilitator_note,
        steps: i.steps,
        goals: i.goals,
        min_minutes: None,
        locked: None,
    }
}

/// A version 1 program as version 2.
pub fn program(p: Program) -> model::Program {
    let _ = p.version;
    model::Program {
        version: 2,
        id: p.id,
        title: p.title,
        description: p.description,
        source: String::new(),
        goals: p.goals,
        gatherings: p
            .gatherings
            .into_iter()
            .map(|g| model::GatheringPlan {
                number: g.number,
                title: g.title,
                purpose: g.purpose,
                start: g.start,
                end: None,
                agenda: g.agenda.into_iter().map(item).collect(),
            })
            .collect(),
        modules: p
            .modules
            .into_iter()
            .map(|m| model::OptionalModule {
                id: m.id,
                title: m.title,
                description: m.description,
                items: m.items.into_iter().map(item).collect(),
            })
            .collect(),
        between: p.between,
    }
}

fn note(n: Note) -> model::Note {
    model::Note {
        id: model::NoteId::new(model::FACILITATOR, n.id),
        created: n.created,
        edited: n.edited,
        item: n.item,
        prompt: n.prompt.map(prompt_id),
        group: n.group,
        kind: n.kind,
        text: n.text,
        private: n.private,
        by: None,
    }
}

/// FNV-1a, 64 bits: a hash that stays the same on every machine and in every build (std's
/// hasher promises neither), so a derived id is the same wherever a file is migrated.
fn fnv1a(parts: &[&str]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.bytes().chain([0]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

/// The id version 2 gives an agreement of a version 1 file: the same for every copy of it.
pub fn agreement_id(origin: &Origin, made: Option<Timestamp>, text: &str) -> model::AgreementId {
    let made = made.map(|t| t.0.to_rfc3339()).unwrap_or_default();
    let hash = fnv1a(&[&origin.item, &made, text]);
    model::AgreementId(format!("{}/v1-{:012x}", origin.session, hash >> 16))
}

fn agreement(c: Commitment) -> model::Agreement {
    let made = c.history.first().map(|h| h.at);
    model::Agreement {
        id: agreement_id(&c.origin, made, &c.text),
        text: c.text,
        who: c.who,
        due: c.due,
        origin: c.origin,
        history: c.history,
    }
}

/// A version 1 session as version 2.
pub fn session(s: Session) -> model::Session {
    let agenda: Vec<model::AgendaItem> = s.agenda.into_iter().map(item).collect();
    let current = agenda.get(s.current).or(agenda.first());
    let prompt = current
        .filter(|i| s.prompt > 0 && s.prompt < i.prompts.len())
        .map(|_| prompt_id(s.prompt));
    let current = current.map(|i| i.id.clone()).unwrap_or_default();
    let mut agreements: Vec<model::Agreement> = Vec::new();
    for c in s.commitments.into_iter().map(agreement) {
        // Two copies of one agreement in a file (which version 1 never wrote) stay two.
        let mut id = c.id.clone();
        let mut n = 1;
        while agreements.iter().any(|a| a.id == id) {
            n += 1;
            id = model::AgreementId(format!("{}-{n}", c.id));
        }
        agreements.push(model::Agreement { id, ..c });
    }
    let _ = s.version;
    let mut session = model::Session {
        version: 2,
        id: s.id,
        program: s.program,
        gathering: s.gathering,
        title: s.title,
        date: s.date,
        place: s.place,
        facilitator: s.facilitator,
        start: s.start,
        must_end: None,
        agenda,
        skipped: Vec::new(),
        inserted: Vec::new(),
        current,
        prompt,
        timing: s.timing,
        notes: std::sync::Arc::new(
            s.notes
                .into_iter()
                .map(|n| std::sync::Arc::new(note(n)))
                .collect(),
        ),
        deleted: Vec::new(),
        marks: Vec::new(),
        agreements,
        previous: s.previous,
        since_last: s.since_last.map(|l| model::SinceLast {
            from: l.from,
            highlights: l.highlights.into_iter().map(note).collect(),
            parking: l.parking.into_iter().map(note).collect(),
        }),
        mirror: s
            .mirror
            .into_iter()
            .map(|m| model::Mirror {
                item: m.item,
                prompt: prompt_id(m.prompt),
                gathering: m.gathering,
                from: m.from,
                notes: m.notes.into_iter().map(note).collect(),
            })
            .collect(),
        draft: s.draft.map(|d| model::Draft {
            note: d.note.map(|n| model::NoteId::new(model::FACILITATOR, n)),
            item: d.item,
            prompt: d.prompt.map(prompt_id),
            group: d.group,
            text: d.text,
        }),
        ended: s.ended,
        room: Default::default(),
    };
    // Agreements written before origins kept the item's title, named from this agenda.
    model::session::fill_item_titles([&mut session]);
    session
}
