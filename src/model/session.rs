//! A held gathering: the agenda as actually run, when each item ran, what was written and what
//! was agreed. One `sessions/<program>/<NN>-<date>.ron` file holds one [`Session`].

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::program::{AgendaItem, GatheringPlan, Program, SCHEMA_VERSION, Who};
pub use super::timestamp::Timestamp;

/// One held gathering.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    pub version: u32,
    /// The file stem (`01-2026-11-23`, or `01-2026-11-23-2` for a second one that day); unique
    /// within the program. Agreements and the next session's link refer to it.
    pub id: String,
    /// Id of the [`Program`] this gathering belongs to.
    pub program: String,
    /// Which of the program's gatherings this is.
    pub gathering: u32,
    pub title: String,
    pub date: NaiveDate,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub facilitator: String,
    /// Planned start; the agenda's planned clock times count from here.
    pub start: NaiveTime,
    /// The time the gathering must end by ("må slutte"), when that is not the plan's end: the
    /// drift proposal aims for it rather than for the plan's end, earlier or later. It is the
    /// first such time after the day starts: past midnight, for an evening gathering.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub must_end: Option<NaiveTime>,
    /// The agenda as actually run: a copy of the plan that the facilitator may change on the day.
    pub agenda: Vec<AgendaItem>,
    /// Items skipped ("hoppet over"), with when: kept in the agenda, marked, never timed. One
    /// skipped while preparing is out of the plan; one skipped on the day is still in it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<AgendaMark>,
    /// Items that are not in the program's plan (an optional module, a new item), with when
    /// they came in: one inserted while preparing is in the plan, one inserted on the day is
    /// not, and only these can be removed again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inserted: Vec<AgendaMark>,
    /// Id of the agenda item in front of the room (by id, so an agenda changed on the day keeps
    /// it).
    pub current: String,
    /// Id of the current item's prompt on the projector; `None` for its first one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt: Option<String>,
    /// One record per agenda item that has been started, in the order first started.
    #[serde(default)]
    pub timing: Vec<ItemTiming>,
    /// Shared rather than copied when the session is cloned, list and notes both: every change
    /// is saved from a copy handed to the saving thread, which keeps the copy it last saved to
    /// tell what the next save changed. Changed through [`Session::notes_mut`] and
    /// [`Session::note_mut`], which copy the list (pointers only) and the one note changed
    /// only while a save still holds them; a note not changed stays the same allocation, so
    /// telling what changed among thousands is a comparison of pointers.
    #[serde(default)]
    pub notes: std::sync::Arc<Vec<std::sync::Arc<Note>>>,
    /// Deleted notes, with when: a tombstone keeps the note so an undo, a later review or a
    /// merge of several writers' notes can see that it was there and is gone.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deleted: Vec<Deleted>,
    /// The agreements this gathering made and those it carries from earlier ones.
    #[serde(default)]
    pub agreements: Vec<Agreement>,
    /// Id of the session of the previous gathering this one continues from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<String>,
    /// What the previous gathering left for this one's "siden sist": its highlights and open
    /// parking-lot questions (its open agreements are carried into `agreements`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since_last: Option<SinceLast>,
    /// For prompts that ask again what an earlier gathering asked: the answers given then, to
    /// show beside the answers now ("Da — nå").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mirror: Vec<Mirror>,
    /// The note being written when the session was last saved, so a crash or a closed lid
    /// loses at most the last couple of seconds of typing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draft: Option<Draft>,
    /// When the facilitator closed the gathering; `None` while it is unfinished.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended: Option<Timestamp>,
    /// What the room sees beyond the item and its question, so that a projector window that
    /// follows this file shows what the facilitator's own window would.
    #[serde(default, skip_serializing_if = "Room::is_quiet")]
    pub room: Room,
    /// Marks the facilitator set on notes other writers wrote (highlight, parking lot,
    /// private). Kept apart from the notes because a note's text belongs to its writer, whose
    /// journal may bring a newer edit of it at any time: the facilitator's mark is laid over
    /// whatever the writer's latest version says ([`Session::apply_marks`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub marks: Vec<Mark>,
}

/// A mark the facilitator set on a note another writer wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mark {
    pub note: NoteId,
    pub kind: NoteKind,
    /// Private by the facilitator: a note its writer made private stays private whatever this
    /// says (the writer knows what was said in confidence).
    #[serde(default)]
    pub private: bool,
}

impl Mark {
    /// Lays the mark over a version of the note from its writer.
    pub fn lay_over(&self, note: &mut Note) {
        note.kind = self.kind;
        note.private |= self.private;
    }
}

/// What the facilitator's samling shows the room beyond the current item and question.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Room {
    /// The "siden sist" review is open, with this carried agreement selected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<AgreementId>,
    /// "Da — nå" is on.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub mirror: bool,
}

impl Room {
    /// Nothing beyond the item and its question: written as nothing.
    pub fn is_quiet(&self) -> bool {
        *self == Room::default()
    }
}

/// An agenda item singled out (skipped, inserted) and when it was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgendaMark {
    /// The agenda item's id.
    pub item: String,
    pub at: Timestamp,
}

/// Everything that happened to one agenda item's timer, in order. The countdown is rebuilt from
/// this after a restart, so it holds events rather than a remaining-seconds counter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemTiming {
    /// The agenda item's id.
    pub item: String,
    pub events: Vec<TimerEvent>,
}

/// One change to an item's timer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum TimerEvent {
    /// The item came in front of the room (again, after going back).
    Started(Timestamp),
    Paused(Timestamp),
    Resumed(Timestamp),
    /// Minutes added (or, negative, taken away) from the item's time.
    Extended(Timestamp, i32),
    /// The facilitator moved on.
    Ended(Timestamp),
}

impl TimerEvent {
    /// When the event happened.
    pub fn at(&self) -> Timestamp {
        match self {
            TimerEvent::Started(t)
            | TimerEvent::Paused(t)
            | TimerEvent::Resumed(t)
            | TimerEvent::Extended(t, _)
            | TimerEvent::Ended(t) => *t,
        }
    }
}

/// Which group a note or agreement comes from.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum GroupLabel {
    /// The whole room (where notes go until a group is chosen).
    #[default]
    Plenary,
    /// "Gruppe N", N from 1 to 9.
    Group(u8),
}

/// A note's id: the tag of whoever wrote it and that writer's own count (`f-12`), so notes
/// stay unique when several writers add to one gathering, each counting only their own.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct NoteId(pub String);

/// The writer tag of the facilitator's own samling (and of every note in a version 1 file).
pub const FACILITATOR: &str = "f";

impl NoteId {
    /// The `n`-th note of `writer`.
    pub fn new(writer: &str, n: u32) -> Self {
        NoteId(format!("{writer}-{n}"))
    }

    /// The writer's tag and count, if the id has that shape.
    pub fn parts(&self) -> Option<(&str, u32)> {
        let (writer, n) = self.0.rsplit_once('-')?;
        Some((writer, n.parse().ok()?))
    }

    /// The tag of the writer whose note this is.
    pub fn writer(&self) -> Option<&str> {
        self.parts().map(|(w, _)| w)
    }
}

impl From<&str> for NoteId {
    fn from(id: &str) -> Self {
        NoteId(id.to_string())
    }
}

impl std::fmt::Display for NoteId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A note ("notat") a note-taker wrote during an item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    /// Unique within the session, deleted notes included.
    pub id: NoteId,
    pub created: Timestamp,
    pub edited: Timestamp,
    /// Id of the agenda item it belongs to.
    pub item: String,
    /// Id of the prompt it answers, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt: Option<String>,
    pub group: GroupLabel,
    pub kind: NoteKind,
    pub text: String,
    /// Private notes never reach the projector nor, by default, the minutes.
    #[serde(default)]
    pub private: bool,
    /// Who wrote it, as a note-taker's samling names them (`samling notes --name`); `None` for
    /// a note written in the facilitator's samling.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
}

impl Note {
    /// Where a note stands among the notes: by when its writer wrote it, then by writer and
    /// count, so notes from several laptops keep one order whatever order they arrive in.
    pub fn order(&self) -> (Timestamp, Option<(&str, u32)>) {
        (self.created, self.id.parts())
    }
}

/// A deleted note and when it was deleted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deleted {
    pub at: Timestamp,
    pub note: Note,
}

/// The notes brought from the previous gathering to open this one. Copies: the previous
/// session's file is never written to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SinceLast {
    /// Id of the session they come from.
    pub from: String,
    /// Its highlighted notes (never private ones).
    #[serde(default)]
    pub highlights: Vec<Note>,
    /// Its parking-lot questions (never private ones).
    #[serde(default)]
    pub parking: Vec<Note>,
}

impl Agreement {
    /// Whether it still needs doing: open, partly done or not done. These carry forward.
    pub fn is_open(&self) -> bool {
        matches!(
            self.status(),
            Status::Open | Status::Partly | Status::NotDone
        )
    }
}

impl Session {
    /// Takes over from `previous` (the last gathering): its open agreements, with their origin
    /// and history, become this session's to review, and its public highlights and parking-lot
    /// questions open "siden sist".
    pub fn carry_from(&mut self, previous: &Session) {
        self.previous = Some(previous.id.clone());
        let open = previous.agreements.iter().filter(|c| c.is_open());
        for c in open {
            if self.agreements.iter().any(|a| a.id == c.id) {
                continue;
            }
            // The same id: it is the same agreement, followed from gathering to gathering.
            self.agreements.push(c.clone());
        }
        let public = |kind: NoteKind| -> Vec<Note> {
            previous
                .note_list()
                .filter(|n| n.kind == kind && !n.private)
                .cloned()
                .collect()
        };
        self.since_last = Some(SinceLast {
            from: previous.id.clone(),
            highlights: public(NoteKind::Highlight),
            parking: public(NoteKind::ParkingLot),
        });
    }

    /// The agreements carried from earlier gatherings, to review at "siden sist".
    pub fn carried(&self) -> impl Iterator<Item = &Agreement> {
        self.agreements
            .iter()
            .filter(move |c| c.origin.session != self.id)
    }

    /// The agreements made at this gathering (by hand or by the program's between-rules).
    pub fn made_here(&self) -> impl Iterator<Item = &Agreement> {
        self.agreements
            .iter()
            .filter(move |c| c.origin.session == self.id)
    }
}

/// What an earlier gathering answered to a prompt this one asks again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mirror {
    /// The item and prompt (ids) of this session that revisit.
    pub item: String,
    pub prompt: String,
    /// The earlier gathering and the session the answers come from.
    pub gathering: u32,
    pub from: String,
    /// Its public notes to that prompt.
    pub notes: Vec<Note>,
}

impl Session {
    /// Copies what `earlier` answered to each prompt of this agenda that revisits its gathering.
    pub fn mirror_from(&mut self, earlier: &Session) {
        for item in &self.agenda {
            for prompt in &item.prompts {
                let Some(r) = prompt
                    .revisits
                    .as_ref()
                    .filter(|r| r.gathering == earlier.gathering)
                else {
                    continue;
                };
                let notes = earlier
                    .note_list()
                    .filter(|n| {
                        n.item == r.item && n.prompt.as_ref() == Some(&r.prompt) && !n.private
                    })
                    .cloned()
                    .collect();
                self.mirror.push(Mirror {
                    item: item.id.clone(),
                    prompt: prompt.id.clone(),
                    gathering: earlier.gathering,
                    from: earlier.id.clone(),
                    notes,
                });
            }
        }
    }

    /// The earlier answers to the question on the projector, if it revisits one.
    pub fn mirror_now(&self) -> Option<&Mirror> {
        let item = self.current_item()?;
        let prompt = self.current_prompt()?;
        self.mirror
            .iter()
            .find(|m| m.item == item.id && m.prompt == prompt.id)
    }

    /// The gatherings this agenda asks again.
    pub fn revisited_gatherings(&self) -> Vec<u32> {
        let mut gatherings: Vec<u32> = self
            .agenda
            .iter()
            .flat_map(|i| {
                i.prompts
                    .iter()
                    .filter_map(|p| p.revisits.as_ref().map(|r| r.gathering))
            })
            .collect();
        gatherings.sort();
        gatherings.dedup();
        gatherings
    }
}

/// A note still in the editor: a new one (`note: None`) or changes to an existing one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    /// The note being edited; `None` for a new note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<NoteId>,
    pub item: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt: Option<String>,
    pub group: GroupLabel,
    pub text: String,
}

/// What a note is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum NoteKind {
    /// An ordinary group reflection.
    Reflection,
    /// A question for the parking lot ("parkeringsplass"), to take up later.
    ParkingLot,
    /// Highlighted for the minutes and for "siden sist" at the next gathering.
    Highlight,
}

/// An agreement's id: the session it was made in and a count within it
/// (`01-2026-09-14/3`). It is kept when the agreement is carried, so each gathering's copy is
/// known as the same agreement, and its history can be followed, whatever its text says now.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AgreementId(pub String);

impl AgreementId {
    /// The `n`-th agreement made in `session`.
    pub fn new(session: &str, n: u32) -> Self {
        AgreementId(format!("{session}/{n}"))
    }

    /// Its count within `session`, if it was made there with such a count.
    pub fn count_in(&self, session: &str) -> Option<u32> {
        self.0
            .strip_prefix(session)?
            .strip_prefix('/')?
            .parse()
            .ok()
    }
}

impl From<&str> for AgreementId {
    fn from(id: &str) -> Self {
        AgreementId(id.to_string())
    }
}

impl std::fmt::Display for AgreementId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// An agreement ("avtale") made at a gathering, followed up at the next.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Agreement {
    /// The same in every gathering it is carried to.
    pub id: AgreementId,
    pub text: String,
    pub who: Who,
    pub due: Due,
    pub origin: Origin,
    /// Every status it has had, oldest first; the last one is the current status. Empty means
    /// open since it was made.
    #[serde(default)]
    pub history: Vec<StatusChange>,
}

/// When an agreement is due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Due {
    /// "Før neste samling".
    NextGathering,
    Date(NaiveDate),
}

/// Where an agreement was first made; kept when it is carried to later gatherings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Origin {
    /// Id of the session it was made in.
    pub session: String,
    pub gathering: u32,
    /// Agenda item id in that session.
    pub item: String,
    /// The item's title when the agreement was made: a later gathering shows where an
    /// agreement came from without the earlier session at hand. Empty in files written before
    /// it was kept; the id stands in then.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub item_title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<GroupLabel>,
}

/// Every agreement of a program once, as the sessions (oldest first) last left it.
///
/// A gathering carries the open agreements of the one before and records their review, so one
/// agreement has a copy, with the same id, in each session it passed through; the copy with the
/// latest status is its word (on a tie, the later session's, which may have reworded it).
/// Reading every session rather than only the latest keeps agreements visible that a stray
/// session (started by mistake, or a gathering held twice) did not carry.
pub fn latest_word<'a>(sessions: impl IntoIterator<Item = &'a Session>) -> Vec<&'a Agreement> {
    let mut seen: Vec<&Agreement> = Vec::new();
    let mut index = std::collections::HashMap::new();
    let last = |c: &Agreement| c.history.last().map(|h| h.at);
    for c in sessions.into_iter().flat_map(|s| &s.agreements) {
        match index.get(&c.id) {
            Some(&i) => {
                if last(c) >= last(seen[i]) {
                    seen[i] = c;
                }
            }
            None => {
                index.insert(&c.id, seen.len());
                seen.push(c);
            }
        }
    }
    seen
}

/// Names the item each agreement was made at where a file did not keep its title (files of
/// version 1 written before it was kept), from the session among `sessions` it was made in.
/// Done once where sessions are read ([`crate::store::sessions::held`], and a version 1 file's
/// own agreements as it is migrated), so nothing that shows an agreement has to look it up.
pub fn fill_item_titles<'a>(sessions: impl IntoIterator<Item = &'a mut Session>) {
    let mut sessions: Vec<&mut Session> = sessions.into_iter().collect();
    let mut titles = std::collections::HashMap::new();
    for s in &sessions {
        for i in &s.agenda {
            titles.insert((s.id.clone(), i.id.clone()), i.title.clone());
        }
    }
    let untitled = sessions
        .iter_mut()
        .flat_map(|s| &mut s.agreements)
        .filter(|a| a.origin.item_title.is_empty());
    for a in untitled {
        let key = (a.origin.session.clone(), a.origin.item.clone());
        if let Some(title) = titles.get(&key) {
            a.origin.item_title = title.clone();
        }
    }
}

impl Origin {
    /// What to call the item the agreement was made at: its title, or its id if none was kept.
    pub fn item_name(&self) -> &str {
        if self.item_title.is_empty() {
            &self.item
        } else {
            &self.item_title
        }
    }
}

/// One status an agreement was given, with when and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusChange {
    pub status: Status,
    pub at: Timestamp,
    #[serde(default)]
    pub comment: String,
}

/// Where an agreement stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    Open,
    Done,
    Partly,
    NotDone,
    Dropped,
}

impl Agreement {
    /// The group to name as where it was made: none for an agreement for everyone, which was
    /// made for the whole room even when a group's notes were open as it was written.
    pub fn origin_group(&self) -> Option<GroupLabel> {
        match self.who {
            Who::Everyone => None,
            _ => self.origin.group,
        }
    }

    /// The current status: the last one given, or open.
    pub fn status(&self) -> Status {
        self.history.last().map_or(Status::Open, |c| c.status)
    }
}

impl Session {
    /// A new, not yet started session of `plan`, with the agenda copied so the day can differ
    /// from the plan without touching the program.
    pub fn new(program: &Program, plan: &GatheringPlan, id: String, date: NaiveDate) -> Self {
        Session {
            version: SCHEMA_VERSION,
            id,
            program: program.id.clone(),
            gathering: plan.number,
            title: plan.title.clone(),
            date,
            place: String::new(),
            facilitator: String::new(),
            start: plan.start,
            must_end: None,
            agenda: plan.agenda.clone(),
            skipped: Vec::new(),
            inserted: Vec::new(),
            current: plan
                .agenda
                .first()
                .map(|i| i.id.clone())
                .unwrap_or_default(),
            prompt: None,
            timing: Vec::new(),
            notes: Default::default(),
            deleted: Vec::new(),
            agreements: Vec::new(),
            previous: None,
            since_last: None,
            mirror: Vec::new(),
            draft: None,
            ended: None,
            room: Room::default(),
            marks: Vec::new(),
        }
    }

    /// The list of notes, to add, remove or replace notes (see `notes`).
    pub fn notes_mut(&mut self) -> &mut Vec<std::sync::Arc<Note>> {
        std::sync::Arc::make_mut(&mut self.notes)
    }

    /// The notes, in order.
    pub fn note_list(&self) -> impl Iterator<Item = &Note> {
        self.notes.iter().map(|n| &**n)
    }

    /// The `i`-th note, to change (see `notes`).
    pub fn note_mut(&mut self, i: usize) -> &mut Note {
        std::sync::Arc::make_mut(&mut self.notes_mut()[i])
    }

    /// Puts `notes` in place of the notes.
    pub fn set_notes(&mut self, notes: Vec<Note>) {
        self.notes = std::sync::Arc::new(notes.into_iter().map(std::sync::Arc::new).collect());
    }

    /// Adds a note where it stands by [`Note::order`]: at the end, unless another writer's
    /// clock is ahead.
    pub fn push_note(&mut self, note: Note) {
        let at = self.order_place(&note);
        self.notes_mut().insert(at, std::sync::Arc::new(note));
    }

    /// Where `note` goes among the notes by [`Note::order`], after those equal to it.
    pub fn order_place(&self, note: &Note) -> usize {
        let key = note.order();
        self.notes
            .iter()
            .rposition(|n| n.order() <= key)
            .map_or(0, |i| i + 1)
    }

    /// Whether `note` has its place in this session: its item (and question) in the agenda,
    /// and a group that exists. A note merged from another writer's journal must, or the
    /// session would no longer load.
    pub fn has_place(&self, note: &Note) -> bool {
        let item = self.agenda.iter().find(|i| i.id == note.item);
        let group = match note.group {
            GroupLabel::Group(n) => (1..=9).contains(&n),
            GroupLabel::Plenary => true,
        };
        group && item.is_some_and(|i| note.prompt.as_ref().is_none_or(|p| i.prompt(p).is_some()))
    }

    /// Lays the facilitator's [`Mark`]s over the notes they name (after a merge brought a
    /// writer's own version of a note).
    pub fn apply_marks(&mut self) {
        self.apply_marks_but(None);
    }

    /// The note as it is shown: with the facilitator's mark laid over it, for a note-taker's
    /// samling, which keeps its own notes as it wrote them.
    pub fn shown<'a>(&self, note: &'a Note) -> std::borrow::Cow<'a, Note> {
        match self.marks.iter().find(|m| m.note == note.id) {
            Some(m) => {
                let mut marked = note.clone();
                m.lay_over(&mut marked);
                std::borrow::Cow::Owned(marked)
            }
            None => std::borrow::Cow::Borrowed(note),
        }
    }

    /// [`Session::apply_marks`], but not over the notes of the writer `own` (in its own
    /// samling, see [`crate::model::change::Replay::as_writer`]).
    pub fn apply_marks_but(&mut self, own: Option<&str>) {
        for m in std::mem::take(&mut self.marks) {
            let others = own.is_none() || m.note.writer() != own;
            if let Some(i) = self.notes.iter().position(|n| n.id == m.note)
                && others
            {
                let mut marked = Note::clone(&self.notes[i]);
                m.lay_over(&mut marked);
                if marked != *self.notes[i] {
                    *self.note_mut(i) = marked;
                }
            }
            self.marks.push(m);
        }
    }

    /// The id the next note `writer` adds gets: one past the writer's highest count, deleted
    /// notes included, so an id is never given twice.
    pub fn next_note_id(&self, writer: &str) -> NoteId {
        let highest = self
            .note_list()
            .chain(self.deleted.iter().map(|d| &d.note))
            .filter_map(|n| n.id.parts())
            .filter(|(w, _)| *w == writer)
            .map(|(_, n)| n)
            .max()
            .unwrap_or(0);
        NoteId::new(writer, highest + 1)
    }

    /// The id the next agreement made at this gathering gets.
    pub fn next_agreement_id(&self) -> AgreementId {
        let highest = self
            .agreements
            .iter()
            .filter_map(|a| a.id.count_in(&self.id))
            .max()
            .unwrap_or(0);
        AgreementId::new(&self.id, highest + 1)
    }

    /// The timing record of an agenda item, if it has been started.
    pub fn timing_of(&self, item: &str) -> Option<&ItemTiming> {
        self.timing.iter().find(|t| t.item == item)
    }

    /// Whether the gathering has been closed.
    pub fn is_finished(&self) -> bool {
        self.ended.is_some()
    }

    /// Whether the gathering took place, rather than being opened and left: closed (`n` on its
    /// last item), or holding a note, an agreement made there or a review given there. A begun
    /// session with nothing in it (a gathering started by mistake) must never stand in for a
    /// held one in "siden sist", "Da — nå", the minutes, `history` or `agreements`.
    pub fn is_held(&self) -> bool {
        self.is_finished()
            || !self.notes.is_empty()
            || self.made_here().next().is_some()
            || self.carried().any(|c| {
                c.history
                    .last()
                    .is_some_and(|h| h.at.0.date_naive() >= self.date)
            })
    }
}

#[cfg(test)]
mod tests {
    use super::super::sample::big_session;
    use super::{Status, StatusChange, latest_word};

    #[test]
    fn each_agreement_is_listed_once_as_its_latest_review_left_it() {
        let mut first = big_session(0, 3);
        first.id = "01-2026-09-14".into();
        for c in &mut first.agreements {
            c.origin.session = first.id.clone();
        }
        let mut second = big_session(0, 0);
        second.id = "02-2026-10-12".into();
        second.carry_from(&first);
        let done = second
            .agreements
            .iter_mut()
            .find(|c| c.text == first.agreements[0].text)
            .unwrap();
        let made = done.history[0].at;
        done.history.push(StatusChange {
            status: Status::Done,
            at: made + chrono::Duration::days(28),
            comment: String::new(),
        });
        // A gathering 1 started again by mistake, empty, sorts after the real one.
        let mut stray = big_session(0, 0);
        stray.id = "01-2026-10-01".into();
        let word = latest_word([&first, &stray, &second]);
        assert_eq!(word.len(), 3, "one each, not one per copy");
        let status_of = |text: &str| word.iter().find(|c| c.text == text).unwrap().status();
        assert_eq!(status_of(&first.agreements[0].text), Status::Done);
        assert_eq!(status_of(&first.agreements[1].text), Status::Open);
        // The order of the files does not change the answer.
        let word = latest_word([&second, &first]);
        assert_eq!(
            word.iter()
                .find(|c| c.text == first.agreements[0].text)
                .unwrap()
                .status(),
            Status::Done
        );
    }

    #[test]
    fn agreements_of_older_files_get_their_item_title_from_the_session_they_were_made_in() {
        let mut previous = big_session(2, 3);
        previous.id = "01-2026-09-14".into();
        for c in &mut previous.agreements {
            c.origin.session = previous.id.clone();
            c.origin.item_title.clear();
        }
        // One made at a gathering before that, whose file is gone.
        previous.agreements[2].origin.session = "00-older".into();
        let mut next = big_session(0, 0);
        next.id = "02-2026-10-12".into();
        next.carry_from(&previous);
        let mut sessions = [previous, next];
        super::fill_item_titles(&mut sessions);
        let [previous, next] = &sessions;
        for s in [previous, next] {
            let titles: Vec<&str> = s.agreements.iter().map(|c| c.origin.item_name()).collect();
            assert_eq!(titles[0], previous.agenda[0].title);
            assert_eq!(titles[1], previous.agenda[1].title);
            assert_eq!(
                titles[2], previous.agreements[2].origin.item,
                "the id stands in"
            );
        }
    }
}
