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
    /// The agenda as actually run: a copy of the plan that the facilitator may change on the day.
    pub agenda: Vec<AgendaItem>,
    /// Index into `agenda` of the item in front of the room.
    #[serde(default)]
    pub current: usize,
    /// Index into the current item's prompts of the question on the projector.
    #[serde(default)]
    pub prompt: usize,
    /// One record per agenda item that has been started, in the order first started.
    #[serde(default)]
    pub timing: Vec<ItemTiming>,
    #[serde(default)]
    pub notes: Vec<Note>,
    #[serde(default)]
    pub commitments: Vec<Commitment>,
    /// Id of the session of the previous gathering this one continues from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<String>,
    /// What the previous gathering left for this one's "siden sist": its highlights and open
    /// parking-lot questions (its open agreements are carried into `commitments`).
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum GroupLabel {
    /// The whole room.
    Plenary,
    /// "Gruppe N", N from 1 to 9.
    Group(u8),
}

/// A note ("notat") a note-taker wrote during an item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    /// Unique within the session.
    pub id: u32,
    pub created: Timestamp,
    pub edited: Timestamp,
    /// Id of the agenda item it belongs to.
    pub item: String,
    /// Index of the prompt it answers, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt: Option<usize>,
    pub group: GroupLabel,
    pub kind: NoteKind,
    pub text: String,
    /// Private notes never reach the projector nor, by default, the minutes.
    #[serde(default)]
    pub private: bool,
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

impl Commitment {
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
        let first_free = self.commitments.iter().map(|c| c.id).max().unwrap_or(0) + 1;
        let open = previous.commitments.iter().filter(|c| c.is_open());
        for (id, c) in (first_free..).zip(open) {
            let mut carried = Commitment { id, ..c.clone() };
            // Files written before origins kept the item's title: name it while the session
            // that has the item is at hand, so later gatherings need not show an id.
            if carried.origin.item_title.is_empty()
                && carried.origin.session == previous.id
                && let Some(item) = previous.agenda.iter().find(|i| i.id == c.origin.item)
            {
                carried.origin.item_title = item.title.clone();
            }
            self.commitments.push(carried);
        }
        let public = |kind: NoteKind| -> Vec<Note> {
            previous
                .notes
                .iter()
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
    pub fn carried(&self) -> impl Iterator<Item = &Commitment> {
        self.commitments
            .iter()
            .filter(move |c| c.origin.session != self.id)
    }

    /// The agreements made at this gathering (by hand or by the program's between-rules).
    pub fn made_here(&self) -> impl Iterator<Item = &Commitment> {
        self.commitments
            .iter()
            .filter(move |c| c.origin.session == self.id)
    }
}

/// What an earlier gathering answered to a prompt this one asks again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mirror {
    /// The item and prompt of this session that revisit.
    pub item: String,
    pub prompt: usize,
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
            for (index, prompt) in item.prompts.iter().enumerate() {
                let Some(r) = prompt
                    .revisits
                    .as_ref()
                    .filter(|r| r.gathering == earlier.gathering)
                else {
                    continue;
                };
                let notes = earlier
                    .notes
                    .iter()
                    .filter(|n| n.item == r.item && n.prompt == Some(r.prompt) && !n.private)
                    .cloned()
                    .collect();
                self.mirror.push(Mirror {
                    item: item.id.clone(),
                    prompt: index,
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
        self.mirror
            .iter()
            .find(|m| m.item == item.id && m.prompt == self.prompt)
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
    pub note: Option<u32>,
    pub item: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt: Option<usize>,
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

/// An agreement ("avtale") made at a gathering, followed up at the next.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Commitment {
    /// Unique within the session.
    pub id: u32,
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
/// agreement has a copy in each session it passed through; the copy with the latest status is
/// its word (on a tie, the later session's). Reading every session rather than only the latest
/// keeps agreements visible that a stray session (started by mistake, or a gathering held
/// twice) did not carry.
pub fn latest_word<'a>(sessions: impl IntoIterator<Item = &'a Session>) -> Vec<&'a Commitment> {
    let mut seen: Vec<&Commitment> = Vec::new();
    let mut index = std::collections::HashMap::new();
    for c in sessions.into_iter().flat_map(|s| &s.commitments) {
        // Copies share where and when the agreement was made, and its text (carried ones
        // cannot be edited).
        let made = c.history.first().map(|h| h.at);
        let key = (&c.origin.session, &c.origin.item, made, &c.text);
        let last = |c: &Commitment| c.history.last().map(|h| h.at);
        match index.get(&key) {
            Some(&i) => {
                let known: &Commitment = seen[i];
                if last(c) >= last(known) {
                    seen[i] = c;
                }
            }
            None => {
                index.insert(key, seen.len());
                seen.push(c);
            }
        }
    }
    seen
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

impl Commitment {
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
            agenda: plan.agenda.clone(),
            current: 0,
            prompt: 0,
            timing: Vec::new(),
            notes: Vec::new(),
            commitments: Vec::new(),
            previous: None,
            since_last: None,
            mirror: Vec::new(),
            draft: None,
            ended: None,
        }
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
        for c in &mut first.commitments {
            c.origin.session = first.id.clone();
        }
        let mut second = big_session(0, 0);
        second.id = "02-2026-10-12".into();
        second.carry_from(&first);
        let done = second
            .commitments
            .iter_mut()
            .find(|c| c.text == first.commitments[0].text)
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
        assert_eq!(status_of(&first.commitments[0].text), Status::Done);
        assert_eq!(status_of(&first.commitments[1].text), Status::Open);
        // The order of the files does not change the answer.
        let word = latest_word([&second, &first]);
        assert_eq!(
            word.iter()
                .find(|c| c.text == first.commitments[0].text)
                .unwrap()
                .status(),
            Status::Done
        );
    }

    #[test]
    fn carried_agreements_from_older_files_get_their_item_title_on_the_way() {
        let mut previous = big_session(2, 3);
        previous.id = "01-2026-09-14".into();
        for c in &mut previous.commitments {
            c.origin.session = previous.id.clone();
            c.origin.item_title.clear();
        }
        // One made at a gathering before that: its item is not in this agenda.
        previous.commitments[2].origin.session = "00-older".into();
        let mut next = big_session(0, 0);
        next.carry_from(&previous);
        let titles: Vec<&str> = next.carried().map(|c| c.origin.item_name()).collect();
        let agenda = &previous.agenda;
        assert_eq!(titles[0], agenda[0].title);
        assert_eq!(titles[1], agenda[1].title);
        assert_eq!(
            titles[2], previous.commitments[2].origin.item,
            "the id stands in"
        );
    }
}
