//! The drift proposal (`f` in the schedule panel): when the day is projected to end after its
//! target (the "must end by" time, else the plan's end), which upcoming items to shorten and by
//! how much, and, only if shortening is not enough, which to skip.
//!
//! It is a pure function of the session and `now`, so the same day gives the same proposal,
//! and tests can try it on any agenda. It never touches the current item nor a held one (see
//! [`Session::changeable`]), a locked item, nor an item already skipped; it never shortens an
//! item below its minimum ([`crate::model::AgendaItem::floor`]).
//!
//! How: the minutes needed are shared out over the items that can give, each in proportion to
//! what it can give above its minimum, so no single item pays for the whole overrun. Only when
//! every item is at its minimum and that is still not enough are items skipped, the longest
//! first (fewest skips), and what a skip saves beyond the need is given back to the shortened
//! items, the earliest first.

use chrono::Duration;

use super::schedule::project;
use super::session::{Session, Timestamp};

/// One change a proposal makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// The item gets `to` minutes instead of `from`.
    Shorten { item: String, from: u32, to: u32 },
    /// The item is skipped; it had `minutes`.
    Skip { item: String, minutes: u32 },
}

impl Change {
    /// The id of the item it changes.
    pub fn item(&self) -> &str {
        match self {
            Change::Shorten { item, .. } | Change::Skip { item, .. } => item,
        }
    }
}

/// How to land on time, and where it lands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    /// In agenda order.
    pub changes: Vec<Change>,
    /// The projected end as the day stands.
    pub before: Timestamp,
    /// The projected end with the changes.
    pub end: Timestamp,
    /// The time to land by.
    pub target: Timestamp,
}

impl Proposal {
    /// Whole minutes the day still runs past its target with the changes (0 when it lands).
    pub fn still_over(&self) -> i64 {
        let over = self.end - self.target;
        if over <= Duration::zero() {
            0
        } else {
            (over.num_seconds() + 59) / 60
        }
    }
}

/// An item that can give minutes: where it is, what it has, what it must keep.
struct Candidate {
    index: usize,
    minutes: u32,
    floor: u32,
}

/// The proposal for the day at `now`; `None` when the day is not projected to end late.
pub fn propose(session: &Session, now: Timestamp) -> Option<Proposal> {
    let day = project(session, now);
    let late = day.end - day.target();
    if late <= Duration::zero() {
        return None;
    }
    let need = u32::try_from((late.num_seconds() + 59) / 60).unwrap_or(u32::MAX);
    let candidates: Vec<Candidate> = (0..session.agenda.len())
        .filter(|&i| session.changeable(i) && i != session.current_index())
        .filter_map(|index| {
            let item = &session.agenda[index];
            if item.is_locked() || session.is_skipped(&item.id) {
                return None;
            }
            let minutes = session.minutes_of(index);
            Some(Candidate {
                index,
                minutes,
                floor: item.floor().min(minutes),
            })
        })
        .collect();
    let mut cuts = share(&candidates, need);
    let mut skipped = vec![false; candidates.len()];
    let cut: u32 = cuts.iter().sum();
    if cut < need {
        // Every item is at its minimum: skip the longest until the need is met.
        let mut order: Vec<usize> = (0..candidates.len()).collect();
        order.sort_by_key(|&c| (std::cmp::Reverse(candidates[c].floor), candidates[c].index));
        let mut left = need - cut;
        for c in order {
            if left == 0 {
                break;
            }
            skipped[c] = true;
            left = left.saturating_sub(candidates[c].floor);
        }
        // What the skips saved beyond the need goes back to the shortened items.
        let saved: u32 = (0..candidates.len())
            .map(|c| {
                if skipped[c] {
                    candidates[c].minutes
                } else {
                    cuts[c]
                }
            })
            .sum();
        let mut spare = saved.saturating_sub(need);
        for c in (0..candidates.len()).filter(|&c| !skipped[c]) {
            let back = spare.min(cuts[c]);
            cuts[c] -= back;
            spare -= back;
        }
    }
    let changes: Vec<Change> = candidates
        .iter()
        .zip(cuts.iter().zip(&skipped))
        .filter_map(|(c, (&cut, &skip))| {
            let item = session.agenda[c.index].id.clone();
            if skip {
                Some(Change::Skip {
                    item,
                    minutes: c.minutes,
                })
            } else {
                (cut > 0).then(|| Change::Shorten {
                    item,
                    from: c.minutes,
                    to: c.minutes - cut,
                })
            }
        })
        .collect();
    let mut after = session.clone();
    accept_changes(&mut after, &changes, now);
    Some(Proposal {
        before: day.end,
        end: project(&after, now).end,
        target: day.target(),
        changes,
    })
}

/// Minutes to take from each candidate to meet `need`, each in proportion to what it can give
/// above its floor (whole minutes: the remainder a minute at a time to those with the most
/// left to give, the earliest first). Never more than it can give.
fn share(candidates: &[Candidate], need: u32) -> Vec<u32> {
    let room: Vec<u32> = candidates.iter().map(|c| c.minutes - c.floor).collect();
    let total: u32 = room.iter().sum();
    if total <= need {
        return room;
    }
    let mut cuts: Vec<u32> = room
        .iter()
        .map(|&r| (u64::from(need) * u64::from(r) / u64::from(total)) as u32)
        .collect();
    let mut left = need - cuts.iter().sum::<u32>();
    while left > 0 {
        let Some(c) = (0..cuts.len())
            .filter(|&c| cuts[c] < room[c])
            .max_by_key(|&c| (room[c] - cuts[c], std::cmp::Reverse(c)))
        else {
            break;
        };
        cuts[c] += 1;
        left -= 1;
    }
    cuts
}

/// `Enter` on a proposal: its changes, each recorded as if made by hand.
pub fn accept(session: &mut Session, proposal: &Proposal, now: Timestamp) {
    accept_changes(session, &proposal.changes, now);
}

fn accept_changes(session: &mut Session, changes: &[Change], now: Timestamp) {
    for change in changes {
        match change {
            Change::Shorten { item, from, to } => {
                session.adjust_minutes(item, *to as i32 - *from as i32, now);
            }
            Change::Skip { item, .. } => {
                if !session.is_skipped(item) {
                    session.toggle_skip(item, now);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ItemKind;
    use crate::model::sample::{day_not_begun, day_on_its_third_item, minutes_in as at};

    #[test]
    fn a_day_on_time_gets_no_proposal() {
        let s = day_on_its_third_item();
        assert_eq!(propose(&s, at(31)), None);
    }

    #[test]
    fn a_small_overrun_is_shared_out_over_the_upcoming_items() {
        let mut s = day_on_its_third_item();
        // The current item runs 9 minutes over.
        let p = propose(&s, at(54)).expect("late");
        assert_eq!(p.before, at(189));
        assert_eq!(p.target, at(180));
        assert_eq!(p.still_over(), 0);
        assert!(p.end <= p.target);
        assert!(
            p.changes
                .iter()
                .all(|c| matches!(c, Change::Shorten { .. }))
        );
        // Nine items can give 6 minutes each: one minute from each.
        assert_eq!(p.changes.len(), 9);
        accept(&mut s, &p, at(54));
        assert_eq!(project(&s, at(54)).end, at(180));
        assert_eq!(
            s.agenda[3].minutes, 15,
            "the plan is kept; the change is an extension"
        );
        assert_eq!(s.minutes_of(3), 14);
    }

    #[test]
    fn only_when_shortening_is_not_enough_are_items_skipped() {
        let mut s = day_on_its_third_item();
        s.must_end = Some(chrono::NaiveTime::from_hms_opt(15, 10, 0).unwrap());
        // Projected to end at 16:00, must end by 15:10: 50 minutes over; 9 × 6 can be cut.
        let p = propose(&s, at(31)).expect("late");
        let skips = p
            .changes
            .iter()
            .filter(|c| matches!(c, Change::Skip { .. }))
            .count();
        assert_eq!(skips, 0, "54 minutes can be cut: {:?}", p.changes);
        assert_eq!(p.end, p.target);
        // By 14:30: 90 minutes over, so some must go.
        s.must_end = Some(chrono::NaiveTime::from_hms_opt(14, 30, 0).unwrap());
        let p = propose(&s, at(31)).expect("late");
        assert!(p.changes.iter().any(|c| matches!(c, Change::Skip { .. })));
        assert_eq!(p.still_over(), 0);
        assert!(p.end <= p.target && p.target - p.end < Duration::minutes(1));
    }

    #[test]
    fn locked_items_and_minimums_are_kept_and_what_cannot_land_says_by_how_much() {
        let mut s = day_on_its_third_item();
        for item in &mut s.agenda[3..] {
            item.kind = ItemKind::Break;
        }
        s.agenda[11].kind = ItemKind::Talk;
        s.agenda[11].min_minutes = Some(12);
        // The current item ran 30 minutes over, so the day ends at 16:30.
        let p = propose(&s, at(75)).expect("late");
        // Only the last item may give: skipped, 15 minutes; 30 were needed.
        assert_eq!(
            p.changes,
            vec![Change::Skip {
                item: "punkt-11".into(),
                minutes: 15
            }]
        );
        assert_eq!(p.still_over(), 15);
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// A random agenda of 1–30 items, some locked or with minimums, begun some minutes
        /// late, on a random item, with a random "must end by".
        fn day() -> impl Strategy<Value = (Session, Timestamp)> {
            let item = (1u32..90, 0usize..10, proptest::option::of(1u32..90));
            (
                proptest::collection::vec(item, 1..30),
                0i64..40,
                0usize..30,
                0i64..40,
                proptest::option::of(0u32..300),
            )
                .prop_map(|(items, late, on, over, must_end)| {
                    let mut s = day_not_begun();
                    let template = s.agenda[0].clone();
                    s.agenda = items
                        .into_iter()
                        .enumerate()
                        .map(|(i, (minutes, kind, min))| {
                            let mut item = template.clone();
                            item.id = format!("i{i}");
                            item.minutes = minutes;
                            item.kind = crate::model::ItemKind::ALL[kind];
                            item.min_minutes = min.map(|m| m.min(minutes));
                            item
                        })
                        .collect();
                    s.go_to(0);
                    let mut now = at(late);
                    s.toggle_timer(now);
                    for _ in 0..on.min(s.agenda.len() - 1) {
                        now = now + Duration::minutes(5);
                        s.next(now);
                    }
                    s.must_end = must_end.map(|m| {
                        chrono::NaiveTime::from_hms_opt(13, 0, 0).unwrap()
                            + Duration::minutes(i64::from(m))
                    });
                    (s, now + Duration::minutes(over))
                })
        }

        proptest! {
            #[test]
            fn an_accepted_proposal_keeps_locks_held_items_and_minimums_and_lands_if_it_can(
                (session, now) in day()
            ) {
                let Some(p) = propose(&session, now) else {
                    prop_assert!(project(&session, now).end <= project(&session, now).target());
                    return Ok(());
                };
                let mut after = session.clone();
                accept(&mut after, &p, now);
                prop_assert_eq!(project(&after, now).end, p.end);
                for (i, item) in session.agenda.iter().enumerate() {
                    let was = session.minutes_of(i);
                    let is = after.minutes_of(i);
                    let skipped = after.is_skipped(&item.id) && !session.is_skipped(&item.id);
                    if item.is_locked() || !session.changeable(i) || i == session.current_index()
                    {
                        prop_assert_eq!(is, was, "{} changed", item.id);
                        prop_assert!(!skipped);
                    } else if !skipped {
                        prop_assert!(is >= item.floor().min(was), "{} below its minimum", item.id);
                    }
                }
                // What skipping every item that may go would save: if that lands, so must it.
                let most: u32 = (0..session.agenda.len())
                    .filter(|&i| session.changeable(i) && i != session.current_index())
                    .filter(|&i| !session.agenda[i].is_locked())
                    .filter(|&i| !session.is_skipped(&session.agenda[i].id))
                    .map(|i| session.minutes_of(i))
                    .sum();
                let possible = p.before - Duration::minutes(i64::from(most)) <= p.target;
                prop_assert_eq!(p.end <= p.target, possible);
            }
        }
    }
}
