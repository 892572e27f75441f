//! A session's changes as records: what changed from one version of a [`Session`] to the
//! next ([`diff`]), and how to make that change again ([`Replay`]).
//!
//! Saving a session of 10,000 notes whole costs tens of milliseconds, and a running gathering
//! is saved at every key that changes it and every second while someone types. The journal
//! ([`crate::store::journal`]) instead appends the [`Change`]s of each save, one a line: a new
//! note is one line, whatever the session holds. Loading replays them over the last whole
//! copy.
//!
//! A change says what a part of the session *is* now (a note, a field, one item's timer), not
//! what was done to it, so replaying a journal twice, or over a copy that already holds part
//! of it, gives the same session.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::program::AgendaItem;
use super::session::{
    AgendaMark, Agreement, Deleted, Draft, ItemTiming, Mirror, Note, NoteId, Room, Session,
    SinceLast, Timestamp,
};

/// One change to a session. Lists that change a member at a time (notes, timers, agreements)
/// have a change per member; the rest is given whole, as each is small.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Change {
    /// A note written or edited; or brought back, when it was deleted.
    Note(Note),
    /// A note deleted: it leaves the notes for the tombstones.
    Deleted(Deleted),
    /// A note gone without a tombstone (never done by samling itself; kept so that no change
    /// of a session is beyond a journal).
    Forgot(NoteId),
    /// One agenda item's timer, whole.
    Timing(ItemTiming),
    /// Every timer, when they changed otherwise than one item at a time.
    Timings(Vec<ItemTiming>),
    /// One agreement, made or changed.
    Agreement(Agreement),
    /// Every agreement, when they changed otherwise than one at a time.
    Agreements(Vec<Agreement>),
    Title(String),
    Date(NaiveDate),
    Place(String),
    Facilitator(String),
    Start(NaiveTime),
    MustEnd(Option<NaiveTime>),
    Agenda(Vec<AgendaItem>),
    Skipped(Vec<AgendaMark>),
    Inserted(Vec<AgendaMark>),
    Current(String),
    Prompt(Option<String>),
    Previous(Option<String>),
    SinceLast(Option<SinceLast>),
    Mirror(Vec<Mirror>),
    Draft(Option<Draft>),
    Ended(Option<Timestamp>),
    Room(Room),
}

/// The changes that make `old` into `new`; `None` when they are not the same session (another
/// id, program or gathering), which only a whole copy can say.
///
/// Fast where it matters: the notes are compared from both ends, so a note added, edited or
/// deleted among thousands costs one pass of comparisons and no copy.
pub fn diff(old: &Session, new: &Session) -> Option<Vec<Change>> {
    // Every field named, so a field added to `Session` does not compile until it is diffed.
    let Session {
        version,
        id,
        program,
        gathering,
        title,
        date,
        place,
        facilitator,
        start,
        must_end,
        agenda,
        skipped,
        inserted,
        current,
        prompt,
        timing,
        notes: _,
        deleted: _,
        agreements,
        previous,
        since_last,
        mirror,
        draft,
        ended,
        room,
    } = new;
    if (*version, id, program, *gathering) != (old.version, &old.id, &old.program, old.gathering) {
        return None;
    }
    let mut out = Vec::new();
    let mut field = |changed: bool, change: &dyn Fn() -> Change| {
        if changed {
            out.push(change());
        }
    };
    field(*title != old.title, &|| Change::Title(title.clone()));
    field(*date != old.date, &|| Change::Date(*date));
    field(*place != old.place, &|| Change::Place(place.clone()));
    field(*facilitator != old.facilitator, &|| {
        Change::Facilitator(facilitator.clone())
    });
    field(*start != old.start, &|| Change::Start(*start));
    field(*must_end != old.must_end, &|| Change::MustEnd(*must_end));
    field(*agenda != old.agenda, &|| Change::Agenda(agenda.clone()));
    field(*skipped != old.skipped, &|| {
        Change::Skipped(skipped.clone())
    });
    field(*inserted != old.inserted, &|| {
        Change::Inserted(inserted.clone())
    });
    field(*current != old.current, &|| {
        Change::Current(current.clone())
    });
    field(*prompt != old.prompt, &|| Change::Prompt(prompt.clone()));
    field(*previous != old.previous, &|| {
        Change::Previous(previous.clone())
    });
    field(*since_last != old.since_last, &|| {
        Change::SinceLast(since_last.clone())
    });
    field(*mirror != old.mirror, &|| Change::Mirror(mirror.clone()));
    field(*draft != old.draft, &|| Change::Draft(draft.clone()));
    field(*ended != old.ended, &|| Change::Ended(*ended));
    field(*room != old.room, &|| Change::Room(room.clone()));
    match members(&old.timing, timing, |t| &t.item) {
        Some(changed) => out.extend(changed.into_iter().cloned().map(Change::Timing)),
        None => out.push(Change::Timings(timing.clone())),
    }
    match members(&old.agreements, agreements, |a| &a.id) {
        Some(changed) => out.extend(changed.into_iter().cloned().map(Change::Agreement)),
        None => out.push(Change::Agreements(agreements.clone())),
    }
    note_changes(old, new, &mut out);
    Some(out)
}

/// The members of `new` that are new or changed, when `new` is `old` with members changed in
/// place or added at the end (as timers and agreements grow); `None` otherwise.
fn members<'a, T: PartialEq, K: PartialEq>(
    old: &[T],
    new: &'a [T],
    key: impl Fn(&T) -> &K,
) -> Option<Vec<&'a T>> {
    if new.len() < old.len() || old.iter().zip(new).any(|(a, b)| key(a) != key(b)) {
        return None;
    }
    let changed = old.iter().zip(new).filter(|(a, b)| a != b).map(|(_, b)| b);
    Some(changed.chain(&new[old.len()..]).collect())
}

/// The notes' changes: tombstones first, then the notes written, edited or brought back, in the
/// order they stand in `new`.
fn note_changes(old: &Session, new: &Session, out: &mut Vec<Change>) {
    if Arc::ptr_eq(&old.notes, &new.notes) && old.deleted == new.deleted {
        return;
    }
    let (o, n) = (&old.notes[..], &new.notes[..]);
    let prefix = o.iter().zip(n).take_while(|(a, b)| same(a, b)).count();
    let (o, n) = (&o[prefix..], &n[prefix..]);
    let suffix = o
        .iter()
        .rev()
        .zip(n.iter().rev())
        .take_while(|(a, b)| same(a, b))
        .count();
    // Ids are unique, so a note outside these middles is the same note in both.
    let (o, n) = (&o[..o.len() - suffix], &n[..n.len() - suffix]);
    let dead_before: HashMap<&NoteId, &Deleted> =
        old.deleted.iter().map(|d| (&d.note.id, d)).collect();
    let dead_now: HashSet<&NoteId> = new.deleted.iter().map(|d| &d.note.id).collect();
    // New ones, and those brought back, changed and deleted again between two saves.
    let new_deaths = new
        .deleted
        .iter()
        .filter(|d| dead_before.get(&d.note.id).is_none_or(|was| *was != *d));
    out.extend(new_deaths.cloned().map(Change::Deleted));
    let kept: HashSet<&NoteId> = n.iter().map(|note| &note.id).collect();
    let forgotten = o
        .iter()
        .filter(|note| !kept.contains(&note.id) && !dead_now.contains(&note.id));
    out.extend(forgotten.map(|note| Change::Forgot(note.id.clone())));
    let before: HashMap<&NoteId, &Arc<Note>> = o.iter().map(|note| (&note.id, note)).collect();
    let written = n
        .iter()
        .filter(|note| before.get(&note.id).is_none_or(|was| !same(was, note)));
    out.extend(written.map(|note| Change::Note(Note::clone(note))));
}

/// Whether two notes are the same: the same allocation (a note not changed since, the common
/// case, told apart without reading it), or equal.
fn same(a: &Arc<Note>, b: &Arc<Note>) -> bool {
    Arc::ptr_eq(a, b) || a == b
}

/// A session that changes are being replayed onto, with an index of its notes by id so a
/// journal of thousands of notes replays in one pass.
pub struct Replay {
    session: Session,
    /// Where each note stands; `None` after a note left or came back between others, until the
    /// next look-up builds it again.
    index: Option<HashMap<NoteId, usize>>,
}

impl Replay {
    pub fn new(session: Session) -> Self {
        Replay {
            session,
            index: None,
        }
    }

    /// The session as replayed so far.
    pub fn session(&self) -> &Session {
        &self.session
    }

    pub fn finish(self) -> Session {
        self.session
    }

    /// Makes `change` again.
    pub fn apply(&mut self, change: Change) {
        let s = &mut self.session;
        match change {
            Change::Note(note) => self.put(note),
            Change::Deleted(dead) => {
                self.remove(&dead.note.id);
                let s = &mut self.session;
                match s.deleted.iter().rposition(|d| d.note.id == dead.note.id) {
                    // The same tombstone again (a journal replayed twice): as it is.
                    Some(i) if s.deleted[i] == dead => {}
                    // Brought back and deleted again: the newer one, last, as the undo and
                    // the delete left it.
                    Some(i) => {
                        s.deleted.remove(i);
                        s.deleted.push(dead);
                    }
                    None => s.deleted.push(dead),
                }
            }
            Change::Forgot(id) => self.remove(&id),
            Change::Timing(t) => upsert(&mut s.timing, t, |t| &t.item),
            Change::Timings(all) => s.timing = all,
            Change::Agreement(a) => upsert(&mut s.agreements, a, |a| &a.id),
            Change::Agreements(all) => s.agreements = all,
            Change::Title(v) => s.title = v,
            Change::Date(v) => s.date = v,
            Change::Place(v) => s.place = v,
            Change::Facilitator(v) => s.facilitator = v,
            Change::Start(v) => s.start = v,
            Change::MustEnd(v) => s.must_end = v,
            Change::Agenda(v) => s.agenda = v,
            Change::Skipped(v) => s.skipped = v,
            Change::Inserted(v) => s.inserted = v,
            Change::Current(v) => s.current = v,
            Change::Prompt(v) => s.prompt = v,
            Change::Previous(v) => s.previous = v,
            Change::SinceLast(v) => s.since_last = v,
            Change::Mirror(v) => s.mirror = v,
            Change::Draft(v) => s.draft = v,
            Change::Ended(v) => s.ended = v,
            Change::Room(v) => s.room = v,
        }
    }

    /// A note written, edited, or brought back from its tombstone.
    fn put(&mut self, note: Note) {
        if let Some(&i) = self.index().get(&note.id) {
            self.session.notes_mut()[i] = Arc::new(note);
        } else if self.session.deleted.iter().any(|d| d.note.id == note.id) {
            self.session.restore(note);
            self.index = None;
        } else {
            let at = self.session.notes.len();
            let id = note.id.clone();
            self.session.push_note(note);
            if let Some(index) = &mut self.index {
                index.insert(id, at);
            }
        }
    }

    fn remove(&mut self, id: &NoteId) {
        if let Some(&i) = self.index().get(id) {
            self.session.notes_mut().remove(i);
            self.index = None;
        }
    }

    fn index(&mut self) -> &HashMap<NoteId, usize> {
        let notes = &self.session.notes;
        self.index.get_or_insert_with(|| {
            notes
                .iter()
                .enumerate()
                .map(|(i, n)| (n.id.clone(), i))
                .collect()
        })
    }
}

/// Replaces the member of `list` with the same key, or adds it at the end.
fn upsert<T, K: PartialEq>(list: &mut Vec<T>, value: T, key: impl Fn(&T) -> &K) {
    match list.iter().position(|m| key(m) == key(&value)) {
        Some(i) => list[i] = value,
        None => list.push(value),
    }
}

impl Session {
    /// Brings a deleted note back: drops its tombstone and puts it among the notes where it
    /// stands by when it was written (and, in the same second, by its writer's count), so the
    /// undo of a delete and the replay of a journal put it in the same place.
    pub fn restore(&mut self, note: Note) {
        if let Some(t) = self.deleted.iter().rposition(|d| d.note.id == note.id) {
            self.deleted.remove(t);
        }
        let order = |n: &Note| (n.created, n.id.parts().map(|(w, c)| (w.to_string(), c)));
        let key = order(&note);
        let at = self
            .notes
            .iter()
            .rposition(|n| order(n) <= key)
            .map_or(0, |i| i + 1);
        self.notes_mut().insert(at, Arc::new(note));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::sample::big_session;
    use crate::model::{NoteKind, Status, StatusChange, TimerEvent};

    fn replayed(old: &Session, new: &Session) -> Session {
        let mut replay = Replay::new(old.clone());
        for change in diff(old, new).expect("same session") {
            replay.apply(change);
        }
        replay.finish()
    }

    fn later(s: &Session, minutes: i64) -> Timestamp {
        s.notes[0].created + chrono::Duration::minutes(minutes)
    }

    #[test]
    fn nothing_changed_is_no_change() {
        let s = big_session(50, 5);
        assert_eq!(diff(&s, &s.clone()), Some(Vec::new()));
    }

    #[test]
    fn a_note_added_among_thousands_is_one_change() {
        let old = big_session(5_000, 10);
        let mut new = old.clone();
        let mut note = Note::clone(&new.notes[3]);
        note.id = new.next_note_id("f");
        note.created = later(&old, 600);
        note.text = "Ny tanke".into();
        new.push_note(note.clone());
        assert_eq!(diff(&old, &new), Some(vec![Change::Note(note)]));
        assert_eq!(replayed(&old, &new), new);
    }

    #[test]
    fn edits_deletes_restores_and_fields_replay_to_the_same_session() {
        let old = big_session(40, 6);
        let mut new = old.clone();
        new.note_mut(7).text = "endret".into();
        new.note_mut(9).kind = NoteKind::Highlight;
        let gone = Note::clone(&new.notes_mut().remove(20));
        new.deleted.push(Deleted {
            at: later(&old, 90),
            note: gone,
        });
        new.place = "Aulaen".into();
        new.current = new.agenda[2].id.clone();
        new.room.mirror = true;
        new.agreements[1].history.push(StatusChange {
            status: Status::Done,
            at: later(&old, 95),
            comment: "ja".into(),
        });
        new.timing[2]
            .events
            .push(TimerEvent::Started(later(&old, 96)));
        assert_eq!(replayed(&old, &new), new);

        // And back: the deleted note returns where it stood.
        let mut back = new.clone();
        let note = back.deleted[0].note.clone();
        back.restore(note);
        assert_eq!(back.notes[20], old.notes[20]);
        assert!(back.deleted.is_empty());
        assert_eq!(replayed(&new, &back), back);
    }

    #[test]
    fn a_note_brought_back_edited_and_deleted_again_between_two_saves_is_its_latest_tombstone() {
        let mut old = big_session(10, 1);
        let gone = Note::clone(&old.notes_mut().remove(4));
        old.deleted.push(Deleted {
            at: later(&old, 90),
            note: gone,
        });
        let mut new = old.clone();
        let mut note = new.deleted[0].note.clone();
        new.restore(note.clone());
        note.text = "endret etter angre".into();
        let at = new.notes.iter().position(|n| n.id == note.id).unwrap();
        new.note_mut(at).text = note.text.clone();
        let back = Note::clone(&new.notes_mut().remove(at));
        new.deleted.push(Deleted {
            at: later(&old, 95),
            note: back,
        });
        assert_eq!(diff(&old, &new).unwrap().len(), 1);
        assert_eq!(replayed(&old, &new), new);
    }

    #[test]
    fn a_journal_replayed_twice_gives_the_same_session() {
        let old = big_session(30, 3);
        let mut new = old.clone();
        let gone = Note::clone(&new.notes_mut().remove(4));
        new.deleted.push(Deleted {
            at: later(&old, 90),
            note: gone,
        });
        new.note_mut(0).text = "to ganger".into();
        let changes = diff(&old, &new).unwrap();
        let mut replay = Replay::new(new.clone());
        for change in changes {
            replay.apply(change);
        }
        assert_eq!(replay.finish(), new);
    }

    #[test]
    fn lists_changed_otherwise_than_a_member_at_a_time_are_given_whole() {
        let old = big_session(3, 4);
        let mut new = old.clone();
        new.agreements.remove(1);
        new.notes_mut().clear();
        let changes = diff(&old, &new).unwrap();
        assert!(changes.contains(&Change::Agreements(new.agreements.clone())));
        assert_eq!(
            changes
                .iter()
                .filter(|c| matches!(c, Change::Forgot(_)))
                .count(),
            3
        );
        assert_eq!(replayed(&old, &new), new);
    }

    #[test]
    fn another_session_is_no_diff() {
        let old = big_session(3, 1);
        let mut new = old.clone();
        new.id = "02-2026-12-01".into();
        assert_eq!(diff(&old, &new), None);
    }
}
