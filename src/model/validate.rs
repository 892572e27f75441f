//! The rules a program or session must keep beyond its RON shape: unique numbers and ids, titles
//! present, sane durations, references that resolve, time that runs forward.
//!
//! Checks are pure: each [`Invalid`] carries an [`Anchor`] (the `key: value` texts that lead to
//! the offending place) so that [`crate::store`] can turn it into `path:line:col` in the file the
//! user wrote, while this module never sees a file.

use std::collections::{HashMap, HashSet};
use std::hash::Hash;

use super::program::{AgendaItem, GatheringPlan, Program, Prompt, PromptRef};
use super::session::{GroupLabel, Session, TimerEvent, Timestamp};

/// The longest agenda item or step we accept: a whole day.
pub const MAX_MINUTES: u32 = 24 * 60;

/// One broken rule, and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    pub kind: InvalidKind,
    pub anchor: Anchor,
}

/// What rule is broken. Rendered for people by [`crate::i18n`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InvalidKind {
    /// A field that must say something is empty (`title`, `id`, `text`, …).
    Empty {
        field: &'static str,
    },
    /// A program or module id that cannot be a file name (letters, digits, `-`, `_` only).
    BadId {
        id: String,
    },
    NoGatherings,
    DuplicateGathering {
        number: u32,
    },
    /// Gathering numbers must be 1, 2, 3 … in order.
    GatheringOutOfOrder {
        number: u32,
        expected: u32,
    },
    /// Two things of one sort share an id (`what` names the sort: item, goal, note …).
    DuplicateId {
        what: &'static str,
        id: String,
    },
    BadMinutes {
        item: String,
        minutes: u32,
    },
    StepsTooLong {
        item: String,
        steps: u32,
        minutes: u32,
    },
    /// A `min_minutes` of 0 or above the item's own minutes.
    BadMinimum {
        item: String,
        min: u32,
        minutes: u32,
    },
    UnknownGoal {
        item: String,
        goal: String,
    },
    /// A draft edits a note that is not there.
    UnknownNote {
        note: String,
    },
    /// The program has no gathering with this number.
    UnknownGathering {
        number: u32,
    },
    /// A gathering's agenda does not fill the time from its start to its stated end.
    GatheringLength {
        number: u32,
        planned: u32,
        stated: u32,
    },
    /// An optional module has the id of an agenda item of a gathering: a note or the minutes
    /// that name one could be taken for the other.
    ModuleIdTaken {
        id: String,
        gathering: u32,
    },
    /// A prompt's `revisits` points at nothing.
    BadRevisit {
        gathering: u32,
        item: String,
        prompt: String,
    },
    /// A prompt in gathering `gathering` asks again a question of gathering `revisits`, which
    /// is not an earlier one.
    RevisitNotEarlier {
        gathering: u32,
        revisits: u32,
    },
    UnknownItem {
        item: String,
    },
    /// A prompt id that the item does not have.
    UnknownPrompt {
        item: String,
        prompt: String,
    },
    BadGroup {
        group: u8,
    },
    /// Timestamps that go backwards (`what` names the record).
    TimeOutOfOrder {
        what: String,
    },
    /// An item that ended before it started, or started twice without ending.
    BadTimerSequence {
        item: String,
    },
}

/// Where a problem is, as a few `key: value` texts to find one after another in the source:
/// `number: 3`, then the second `id: "pause"` after it for a duplicate item.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Anchor(pub Vec<AnchorStep>);

/// One step of an [`Anchor`]: the `skip + 1`-th `key: value` after the previous step (an empty
/// value matches any value).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnchorStep {
    pub key: &'static str,
    pub value: String,
    pub skip: usize,
}

impl Anchor {
    fn then(&self, key: &'static str, value: impl Into<String>) -> Anchor {
        self.then_nth(key, value, 0)
    }

    /// Like [`Anchor::then`], past `skip` earlier places with the same text: how a repeated id
    /// is found at its second place, not its first.
    fn then_nth(&self, key: &'static str, value: impl Into<String>, skip: usize) -> Anchor {
        let mut steps = self.0.clone();
        steps.push(AnchorStep {
            key,
            value: value.into(),
            skip,
        });
        Anchor(steps)
    }
}

/// Counts how often each key has been seen so far: 0 the first time.
struct Seen<K>(HashMap<K, usize>);

impl<K: Eq + Hash> Seen<K> {
    fn new() -> Self {
        Seen(HashMap::new())
    }

    /// How many times `key` was seen before this one.
    fn before(&mut self, key: K) -> usize {
        let count = self.0.entry(key).or_insert(0);
        *count += 1;
        *count - 1
    }
}

/// A string as RON writes it, for anchors.
fn quoted(s: &str) -> String {
    format!("{s:?}")
}

/// Collects problems as the checks walk the data.
#[derive(Default)]
struct Checker {
    found: Vec<Invalid>,
}

impl Checker {
    fn report(&mut self, kind: InvalidKind, anchor: Anchor) {
        self.found.push(Invalid { kind, anchor });
    }

    /// Reports `field` if it says nothing; the place is the field itself, after `anchor`.
    fn non_empty(&mut self, field: &'static str, value: &str, anchor: &Anchor) {
        if value.trim().is_empty() {
            // An anchor that already ends at this field is the place itself.
            let at = match anchor.0.last() {
                Some(step) if step.key == field => anchor.clone(),
                _ => anchor.then(field, String::new()),
            };
            self.report(InvalidKind::Empty { field }, at);
        }
    }

    fn file_safe_id(&mut self, id: &str, anchor: &Anchor) {
        if id.is_empty() {
            self.report(InvalidKind::Empty { field: "id" }, anchor.clone());
        } else if !id
            .chars()
            // Lower case only: on macOS and Windows `Lek` and `lek` name the same file.
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        {
            self.report(InvalidKind::BadId { id: id.into() }, anchor.clone());
        }
    }

    /// Reports each id seen before (the second and later occurrences).
    fn unique<'a>(
        &mut self,
        what: &'static str,
        ids: impl IntoIterator<Item = &'a str>,
        anchor: &Anchor,
    ) {
        let mut seen = Seen::new();
        for id in ids {
            let skip = seen.before(id);
            if skip > 0 {
                self.duplicate(what, id, anchor.then_nth("id", quoted(id), skip));
            }
        }
    }

    fn duplicate(&mut self, what: &'static str, id: &str, at: Anchor) {
        self.report(
            InvalidKind::DuplicateId {
                what,
                id: id.into(),
            },
            at,
        );
    }

    fn agenda(&mut self, items: &[AgendaItem], goals: Option<&HashSet<&str>>, anchor: &Anchor) {
        let mut seen = Seen::new();
        for item in items {
            let skip = seen.before(item.id.as_str());
            let here = anchor.then_nth("id", quoted(&item.id), skip);
            if skip > 0 {
                self.duplicate("item", &item.id, here.clone());
            }
            self.non_empty("id", &item.id, &here);
            self.non_empty("title", &item.title, &here);
            if item.minutes == 0 || item.minutes > MAX_MINUTES {
                self.report(
                    InvalidKind::BadMinutes {
                        item: item.id.clone(),
                        minutes: item.minutes,
                    },
                    here.then("minutes", item.minutes.to_string()),
                );
            }
            for step in &item.steps {
                let at = here.then("label", quoted(&step.label));
                self.non_empty("label", &step.label, &at);
                if step.minutes == 0 || step.minutes > MAX_MINUTES {
                    self.report(
                        InvalidKind::BadMinutes {
                            item: item.id.clone(),
                            minutes: step.minutes,
                        },
                        at.then("minutes", step.minutes.to_string()),
                    );
                }
            }
            if let Some(min) = item.min_minutes
                && (min == 0 || min > item.minutes)
            {
                self.report(
                    InvalidKind::BadMinimum {
                        item: item.id.clone(),
                        min,
                        minutes: item.minutes,
                    },
                    here.then("min_minutes", format!("Some({min})")),
                );
            }
            // Summed wide: a hand-written file may hold any u32 per step.
            let steps: u64 = item.steps.iter().map(|s| u64::from(s.minutes)).sum();
            if steps > u64::from(item.minutes) {
                self.report(
                    InvalidKind::StepsTooLong {
                        item: item.id.clone(),
                        steps: u32::try_from(steps).unwrap_or(u32::MAX),
                        minutes: item.minutes,
                    },
                    here.then("minutes", item.minutes.to_string()),
                );
            }
            let mut prompts = Seen::new();
            for prompt in &item.prompts {
                let skip = prompts.before(prompt.id.as_str());
                let at = here.then_nth("id", quoted(&prompt.id), skip);
                if skip > 0 {
                    self.duplicate("prompt", &prompt.id, at.clone());
                }
                self.non_empty("id", &prompt.id, &here.then("id", quoted(&prompt.id)));
                self.non_empty("text", &prompt.text, &at);
            }
            if let Some(goals) = goals {
                for goal in item.goals.iter().filter(|g| !goals.contains(g.as_str())) {
                    self.report(
                        InvalidKind::UnknownGoal {
                            item: item.id.clone(),
                            goal: goal.clone(),
                        },
                        here.then("goals", String::new()),
                    );
                }
            }
        }
    }
}

/// Every rule a program breaks, in file order where possible.
pub fn program(p: &Program) -> Vec<Invalid> {
    let mut c = Checker::default();
    let root = Anchor::default();
    c.file_safe_id(&p.id, &root.then("id", quoted(&p.id)));
    c.non_empty("title", &p.title, &root);
    c.unique("goal", p.goals.iter().map(|g| g.id.as_str()), &root);
    let goals: HashSet<&str> = p.goals.iter().map(|g| g.id.as_str()).collect();
    if p.gatherings.is_empty() {
        c.report(
            InvalidKind::NoGatherings,
            root.then("gatherings", String::new()),
        );
    }
    let mut numbers = Seen::new();
    for (index, g) in p.gatherings.iter().enumerate() {
        let skip = numbers.before(g.number);
        let here = root.then_nth("number", g.number.to_string(), skip);
        if skip > 0 {
            c.report(
                InvalidKind::DuplicateGathering { number: g.number },
                here.clone(),
            );
        } else if g.number != index as u32 + 1 {
            c.report(
                InvalidKind::GatheringOutOfOrder {
                    number: g.number,
                    expected: index as u32 + 1,
                },
                here.clone(),
            );
        }
        c.non_empty("title", &g.title, &here);
        c.agenda(&g.agenda, Some(&goals), &here);
        for (item, pr, r) in revisits(g) {
            let resolves = p
                .gathering(r.gathering)
                .and_then(|earlier| earlier.item(&r.item))
                .is_some_and(|earlier| earlier.prompt(&r.prompt).is_some());
            if !resolves {
                c.report(
                    InvalidKind::BadRevisit {
                        gathering: r.gathering,
                        item: r.item.clone(),
                        prompt: r.prompt.clone(),
                    },
                    revisit_at(&here, &item.id, &pr.id),
                );
            }
        }
    }
    c.unique("module", p.modules.iter().map(|m| m.id.as_str()), &root);
    for m in &p.modules {
        let here = root.then("id", quoted(&m.id));
        c.file_safe_id(&m.id, &here);
        c.non_empty("title", &m.title, &here);
        c.agenda(&m.items, Some(&goals), &here);
    }
    c.unique("rule", p.between.iter().map(|r| r.id.as_str()), &root);
    for r in &p.between {
        c.non_empty("text", &r.text, &root.then("id", quoted(&r.id)));
    }
    c.found
}

/// Every question of a gathering that asks one again: its item, the prompt, and what it asks
/// again.
fn revisits(g: &GatheringPlan) -> impl Iterator<Item = (&AgendaItem, &Prompt, &PromptRef)> {
    g.agenda.iter().flat_map(|item| {
        item.prompts
            .iter()
            .filter_map(move |pr| Some((item, pr, pr.revisits.as_ref()?)))
    })
}

/// Where a prompt's `revisits` is: after its item's id, its own id (a prompt that asks nothing
/// again, or says `revisits: None`, is passed over).
fn revisit_at(gathering: &Anchor, item: &str, prompt: &str) -> Anchor {
    gathering
        .then("id", quoted(item))
        .then("id", quoted(prompt))
        .then("revisits", String::new())
}

/// What `samling check` says of a program beyond the rules it must keep to load: a gathering
/// whose items do not fill its stated time, an optional module whose id is an agenda item's,
/// and a question asked again from a gathering that does not come before. None of these stops
/// a program from running (a copy being edited, one minute changed, is still the facilitator's
/// program tomorrow), so they are not part of [`program`].
pub fn advice(p: &Program) -> Vec<Invalid> {
    let mut c = Checker::default();
    let root = Anchor::default();
    let mut numbers = Seen::new();
    for g in &p.gatherings {
        let skip = numbers.before(g.number);
        let here = root.then_nth("number", g.number.to_string(), skip);
        let Some(end) = g.end else {
            continue;
        };
        // Minutes past midnight count on into the next day (an evening gathering).
        let stated = (end - g.start).num_minutes().rem_euclid(24 * 60);
        let stated = u32::try_from(stated).unwrap_or(0);
        let planned = g.planned_minutes();
        if planned != stated {
            let kind = InvalidKind::GatheringLength {
                number: g.number,
                planned,
                stated,
            };
            c.report(kind, here.then("end", String::new()));
        }
    }
    // A question asked again looks back: one that points at its own gathering or a later one
    // has no earlier answers for "Da — nå" to show.
    let mut numbers = Seen::new();
    for g in &p.gatherings {
        let skip = numbers.before(g.number);
        let here = root.then_nth("number", g.number.to_string(), skip);
        for (item, pr, r) in revisits(g) {
            if r.gathering >= g.number {
                let kind = InvalidKind::RevisitNotEarlier {
                    gathering: g.number,
                    revisits: r.gathering,
                };
                c.report(kind, revisit_at(&here, &item.id, &pr.id));
            }
        }
    }
    for m in &p.modules {
        if let Some(g) = p.gatherings.iter().find(|g| g.item(&m.id).is_some()) {
            let kind = InvalidKind::ModuleIdTaken {
                id: m.id.clone(),
                gathering: g.number,
            };
            // Module ids are unique (a rule of `program`): the first after `modules:` is it.
            let at = root
                .then("modules", String::new())
                .then("id", quoted(&m.id));
            c.report(kind, at);
        }
    }
    c.found
}

/// Every rule a session breaks.
pub fn session(s: &Session) -> Vec<Invalid> {
    let mut c = Checker::default();
    let root = Anchor::default();
    c.file_safe_id(&s.id, &root.then("id", quoted(&s.id)));
    c.file_safe_id(&s.program, &root.then("program", quoted(&s.program)));
    c.non_empty("title", &s.title, &root);
    let agenda_at = root.then("agenda", String::new());
    c.agenda(&s.agenda, None, &agenda_at);
    let item = |id: &str| s.agenda.iter().find(|i| i.id == id);
    if !s.agenda.is_empty() {
        let at = || root.then("current", quoted(&s.current));
        c.item_and_prompt(item(&s.current), &s.current, s.prompt.as_ref(), at);
    }

    for (field, marks) in [("skipped", &s.skipped), ("inserted", &s.inserted)] {
        let at = root.then(field, String::new());
        let mut seen = Seen::new();
        for m in marks {
            let skip = seen.before(m.item.as_str());
            let here = at.then_nth("item", quoted(&m.item), skip);
            if skip > 0 {
                c.duplicate(field, &m.item, here.clone());
            }
            if item(&m.item).is_none() {
                let kind = InvalidKind::UnknownItem {
                    item: m.item.clone(),
                };
                c.report(kind, here);
            }
        }
    }

    let timing_at = root.then("timing", String::new());
    let mut timed = HashSet::new();
    for t in &s.timing {
        let here = timing_at.then("item", quoted(&t.item));
        if item(&t.item).is_none() {
            c.report(
                InvalidKind::UnknownItem {
                    item: t.item.clone(),
                },
                here.clone(),
            );
        }
        if !timed.insert(t.item.as_str()) {
            c.duplicate("timing", &t.item, here.clone());
        }
        if !in_order(t.events.iter().map(TimerEvent::at)) {
            c.report(
                InvalidKind::TimeOutOfOrder {
                    what: t.item.clone(),
                },
                here.clone(),
            );
        }
        for e in &t.events {
            if let TimerEvent::Extended(_, m) = e
                && m.unsigned_abs() > MAX_MINUTES
            {
                c.report(
                    InvalidKind::BadMinutes {
                        item: t.item.clone(),
                        minutes: m.unsigned_abs(),
                    },
                    here.clone(),
                );
            }
        }
        if !well_formed(&t.events) {
            c.report(
                InvalidKind::BadTimerSequence {
                    item: t.item.clone(),
                },
                here,
            );
        }
    }

    let notes_at = root.then("notes", String::new());
    let mut note_ids = Seen::new();
    // A tombstone keeps its note's id: a new note must not take it.
    let deleted = s.deleted.iter().map(|d| &d.note);
    for n in s.note_list().chain(deleted) {
        let skip = note_ids.before(n.id.0.as_str());
        // Built only for a problem: a session has thousands of notes, and a load checks each.
        let here = || notes_at.then_nth("id", quoted(&n.id.0), skip);
        if skip > 0 {
            c.duplicate("note", &n.id.0, here());
        }
        let at = || here().then("item", quoted(&n.item));
        c.item_and_prompt(item(&n.item), &n.item, n.prompt.as_ref(), at);
        c.group(n.group, here);
        if n.edited < n.created {
            c.report(
                InvalidKind::TimeOutOfOrder {
                    what: format!("note {}", n.id),
                },
                here().then("edited", String::new()),
            );
        }
    }

    if let Some(d) = &s.draft {
        let here = root.then("draft", String::new());
        c.item_and_prompt(item(&d.item), &d.item, d.prompt.as_ref(), || here.clone());
        if let Some(id) = d
            .note
            .as_ref()
            .filter(|id| !s.notes.iter().any(|n| n.id == **id))
        {
            c.report(
                InvalidKind::UnknownNote { note: id.0.clone() },
                here.then("note", format!("Some({})", quoted(&id.0))),
            );
        }
    }

    let agreements_at = root.then("agreements", String::new());
    let mut agreement_ids = Seen::new();
    for a in &s.agreements {
        let skip = agreement_ids.before(a.id.0.as_str());
        let here = agreements_at.then_nth("id", quoted(&a.id.0), skip);
        if skip > 0 {
            c.duplicate("agreement", &a.id.0, here.clone());
        }
        c.non_empty("text", &a.text, &here);
        if a.origin.session == s.id && item(&a.origin.item).is_none() {
            c.report(
                InvalidKind::UnknownItem {
                    item: a.origin.item.clone(),
                },
                here.then("item", quoted(&a.origin.item)),
            );
        }
        if let Some(g) = a.origin.group {
            c.group(g, || here.clone());
        }
        if !in_order(a.history.iter().map(|h| h.at)) {
            c.report(
                InvalidKind::TimeOutOfOrder {
                    what: format!("agreement {}", a.id),
                },
                here.then("history", String::new()),
            );
        }
    }
    c.found
}

impl Checker {
    /// Reports a reference to item `id` (found as `item`, if it is there) and to one of its
    /// prompts that does not resolve. `at` is the reference's place; the prompt follows it.
    fn item_and_prompt(
        &mut self,
        item: Option<&AgendaItem>,
        id: &str,
        prompt: Option<&String>,
        at: impl Fn() -> Anchor,
    ) {
        let Some(item) = item else {
            let kind = InvalidKind::UnknownItem { item: id.into() };
            return self.report(kind, at());
        };
        if let Some(p) = prompt.filter(|p| item.prompt(p).is_none()) {
            self.report(
                InvalidKind::UnknownPrompt {
                    item: id.into(),
                    prompt: p.clone(),
                },
                at().then("prompt", format!("Some({})", quoted(p))),
            );
        }
    }

    fn group(&mut self, group: GroupLabel, anchor: impl Fn() -> Anchor) {
        if let GroupLabel::Group(n) = group
            && !(1..=9).contains(&n)
        {
            self.report(
                InvalidKind::BadGroup { group: n },
                anchor().then("group", format!("Group({n})")),
            );
        }
    }
}

fn in_order(times: impl Iterator<Item = Timestamp>) -> bool {
    let times: Vec<_> = times.collect();
    times.windows(2).all(|w| w[0] <= w[1])
}

/// A timer record alternates between running and stopped: it starts with `Started`, pauses and
/// resumes only while running, and may start again after `Ended` (the facilitator went back).
/// `Extended` may come at any point.
fn well_formed(events: &[TimerEvent]) -> bool {
    #[derive(PartialEq)]
    enum St {
        Idle,
        Running,
        Paused,
    }
    let mut st = St::Idle;
    for e in events {
        st = match (st, e) {
            (St::Idle, TimerEvent::Started(_)) => St::Running,
            (St::Running, TimerEvent::Paused(_)) => St::Paused,
            (St::Paused, TimerEvent::Resumed(_)) => St::Running,
            (St::Running | St::Paused, TimerEvent::Ended(_)) => St::Idle,
            // Time can be added before the item starts, and after it ended.
            (s, TimerEvent::Extended(..)) => s,
            _ => return false,
        };
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::sample::big_session;

    fn t(min: i64) -> Timestamp {
        big_session(0, 0).timing[0].events[0].at() + chrono::Duration::minutes(min)
    }

    #[test]
    fn timer_records_follow_start_pause_resume_end() {
        use TimerEvent::*;
        assert!(well_formed(&[]));
        assert!(well_formed(&[
            Started(t(0)),
            Paused(t(1)),
            Resumed(t(2)),
            Ended(t(3))
        ]));
        // Going back to an item starts it again.
        assert!(well_formed(&[Started(t(0)), Ended(t(1)), Started(t(2))]));
        // Time can be added before the start.
        assert!(well_formed(&[Extended(t(0), 5), Started(t(0))]));
        assert!(!well_formed(&[Paused(t(0))]));
        assert!(!well_formed(&[Started(t(0)), Started(t(1))]));
        assert!(!well_formed(&[Started(t(0)), Resumed(t(1))]));
    }

    #[test]
    fn a_note_on_a_prompt_that_does_not_exist_is_reported() {
        let mut s = big_session(3, 0);
        s.note_mut(1).prompt = Some("p7".into());
        let found = session(&s);
        assert_eq!(found.len(), 1);
        assert!(matches!(
            &found[0].kind,
            InvalidKind::UnknownPrompt { prompt, .. } if prompt == "p7"
        ));
    }

    #[test]
    fn an_agreement_carried_from_another_session_may_name_an_item_not_in_this_agenda() {
        let mut s = big_session(0, 2);
        s.agreements[0].origin.session = "01-2026-09-01".into();
        s.agreements[0].origin.item = "an-item-of-that-gathering".into();
        assert_eq!(session(&s), vec![]);
        s.agreements[1].origin.item = "nowhere".into();
        assert_eq!(session(&s).len(), 1);
    }

    #[test]
    fn marks_of_the_agenda_name_its_items_once_and_minimums_fit_the_item() {
        use crate::model::session::AgendaMark;
        let mut s = big_session(0, 0);
        let mark = |item: &str| AgendaMark {
            item: item.into(),
            at: t(0),
        };
        s.skipped = vec![mark("punkt-3"), mark("punkt-3")];
        s.inserted = vec![mark("ingen")];
        s.agenda[0].min_minutes = Some(16);
        s.agenda[1].min_minutes = Some(0);
        s.agenda[2].min_minutes = Some(15);
        let kinds: Vec<InvalidKind> = session(&s).into_iter().map(|i| i.kind).collect();
        assert_eq!(kinds.len(), 4, "{kinds:?}");
        assert!(kinds.contains(&InvalidKind::DuplicateId {
            what: "skipped",
            id: "punkt-3".into()
        }));
        assert!(kinds.contains(&InvalidKind::UnknownItem {
            item: "ingen".into()
        }));
        assert!(kinds.contains(&InvalidKind::BadMinimum {
            item: "punkt-0".into(),
            min: 16,
            minutes: 15
        }));
    }
}
