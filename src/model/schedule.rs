//! Clock times: when each agenda item should start if the day runs to plan, and when it did
//! start or will start as the day really goes.
//!
//! The day's clock starts when its first item is first started, not at the plan's time: a
//! gathering that starts a quarter of an hour late is on time if its items keep their minutes,
//! and ends a quarter of an hour late. Until then it has not begun, and nothing is behind.

use chrono::{Duration, NaiveTime};

use super::program::AgendaItem;
use super::session::{Session, Timestamp};
use super::timer::{self, Phase};

/// The planned start and end of one agenda item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    pub start: NaiveTime,
    pub end: NaiveTime,
}

/// One slot per item, back to back from `start`. Times wrap past midnight, as a clock does.
pub fn planned(start: NaiveTime, agenda: &[AgendaItem]) -> Vec<Slot> {
    let mut at = start;
    agenda
        .iter()
        .map(|item| {
            let end = at + Duration::minutes(i64::from(item.minutes));
            let slot = Slot { start: at, end };
            at = end;
            slot
        })
        .collect()
}

/// When the agenda is planned to end.
pub fn planned_end(start: NaiveTime, agenda: &[AgendaItem]) -> NaiveTime {
    let minutes: i64 = agenda.iter().map(|i| i64::from(i.minutes)).sum();
    start + Duration::minutes(minutes)
}

/// How the day stands against its clock: what the status line and the agenda column show.
/// Built afresh for every frame, from the session and `now` alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Projection {
    /// The day's real start: when its first item was first started. `None` until then.
    pub began: Option<Timestamp>,
    /// The plan's start (its date and time).
    pub planned_start: Timestamp,
    /// One per agenda item, in agenda order.
    pub items: Vec<ItemTime>,
    /// When the day will end if every item from now on takes its time, or when it ended.
    pub end: Timestamp,
    /// When the plan ends: its start and the minutes of the items in it
    /// ([`Session::in_plan`]).
    pub planned_end: Timestamp,
    /// The "must end by" time, if the facilitator set one.
    pub must_end: Option<Timestamp>,
}

/// One item's time on the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemTime {
    /// When it started, for an item that has been in front of the room; for the rest, when it
    /// will start (a skipped item: where it stands, taking no time).
    pub start: Timestamp,
    /// When the plan has it start; `None` for an item that is not in the plan.
    pub planned: Option<Timestamp>,
    /// `start` is when it really started, not a projection.
    pub begun: bool,
    /// Skipped: it takes no time.
    pub skipped: bool,
}

impl Projection {
    /// How far behind the plan the day runs, re-based on the real start, in whole minutes
    /// (negative: ahead). `None` until the day has begun: nothing is late before it starts.
    pub fn minutes_behind(&self) -> Option<i64> {
        let began = self.began?;
        let planned = self.planned_end - self.planned_start;
        Some(whole_minutes(self.end - (began + planned)))
    }

    /// The time the day must end by: the "must end by" time if set, else the plan's end.
    pub fn target(&self) -> Timestamp {
        self.must_end.unwrap_or(self.planned_end)
    }

    /// By how many whole minutes the projected end is past [`Projection::target`] (negative:
    /// before it).
    pub fn overrun(&self) -> i64 {
        whole_minutes(self.end - self.target())
    }
}

/// To the nearest minute, so a few seconds do not flip the display.
fn whole_minutes(d: Duration) -> i64 {
    (d.num_seconds() as f64 / 60.0).round() as i64
}

/// Where the day stands at `now`: the real start, each item's real or projected start, and the
/// projected end. An upcoming item starts when what remains of the items before it has run:
/// the current item's time left (a paused item's time waits, so everything after it moves
/// later), then each item's minutes with any extensions already given. Skipped items take no
/// time.
pub fn project(session: &Session, now: Timestamp) -> Projection {
    let planned_start = session.planned_start(now);
    let began = session.began();
    let at = session.current_index();
    let mut planned = planned_start;
    let mut cursor = planned_start;
    let mut items = Vec::with_capacity(session.agenda.len());
    for (i, item) in session.agenda.iter().enumerate() {
        let events = session.events_of(&item.id);
        let first = session.timing_of(&item.id).and_then(|t| t.first_started());
        let skipped = session.is_skipped(&item.id) && first.is_none();
        let in_plan = session.in_plan_begun(&item.id, began);
        let mut time = ItemTime {
            start: first.unwrap_or(planned),
            planned: in_plan.then_some(planned),
            begun: first.is_some(),
            skipped,
        };
        if i == at {
            time.start = match first {
                Some(first) => first,
                // Not begun: the day starts at the plan's time, or now if that has passed.
                None if began.is_none() => planned_start.max(now),
                None => now,
            };
            cursor = match timer::phase(events) {
                Phase::Waiting => time.start + timer::budget(item, events),
                _ => now + timer::remaining(item, events, now).max(Duration::zero()),
            };
        } else if i > at {
            time.start = cursor;
            if !skipped {
                cursor = cursor + timer::remaining(item, events, now).max(Duration::zero());
            }
        }
        // Before the current item: held (or passed over without being started: then its
        // place in the plan).
        items.push(time);
        if in_plan {
            planned = planned + Duration::minutes(i64::from(item.minutes));
        }
    }
    // The first such time after the day starts (its real start, else the plan's): for an
    // evening gathering, a must-end time after midnight is on the next day.
    let from = began.unwrap_or(planned_start);
    let must_end = session.must_end.map(|t| {
        let day = session.on_the_day(t, now);
        if day <= from {
            day + Duration::days(1)
        } else {
            day
        }
    });
    Projection {
        began,
        planned_start,
        items,
        end: session.ended.unwrap_or(cursor),
        planned_end: planned,
        must_end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ItemKind;

    fn item(id: &str, minutes: u32) -> AgendaItem {
        AgendaItem {
            id: id.into(),
            title: id.into(),
            kind: ItemKind::Talk,
            minutes,
            prompts: vec![],
            facilitator_note: String::new(),
            steps: vec![],
            goals: vec![],
            min_minutes: None,
            locked: None,
        }
    }

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    #[test]
    fn slots_run_back_to_back_from_the_start() {
        let agenda = [item("a", 10), item("b", 45), item("c", 5)];
        let slots = planned(t(13, 0), &agenda);
        assert_eq!(
            slots,
            vec![
                Slot {
                    start: t(13, 0),
                    end: t(13, 10)
                },
                Slot {
                    start: t(13, 10),
                    end: t(13, 55)
                },
                Slot {
                    start: t(13, 55),
                    end: t(14, 0)
                },
            ]
        );
        assert_eq!(planned_end(t(13, 0), &agenda), t(14, 0));
    }

    #[test]
    fn an_evening_gathering_wraps_past_midnight() {
        assert_eq!(planned_end(t(23, 30), &[item("a", 45)]), t(0, 15));
    }

    mod projection {
        use super::super::*;
        // Twelve items of 15 minutes from 13:00, nothing started; minutes from 13:00.
        use crate::model::sample::{day_not_begun as fresh, minutes_in as at};

        #[test]
        fn before_the_first_start_nothing_is_behind_however_late_it_is() {
            let s = fresh();
            let p = project(&s, at(-30));
            assert_eq!((p.began, p.minutes_behind()), (None, None));
            assert_eq!(
                (p.planned_start, p.planned_end, p.end),
                (at(0), at(180), at(180))
            );
            assert_eq!(p.items[1].start, at(15));
            // Opened hours after the plan's start: still not begun, and the agenda is
            // projected from now, not counted as hours behind.
            let p = project(&s, at(351));
            assert_eq!(p.minutes_behind(), None);
            assert_eq!(p.items[0].start, at(351));
            assert_eq!(p.items[2].start, at(381));
            assert_eq!(p.items[2].planned, Some(at(30)));
            assert!(!p.items[0].begun);
        }

        #[test]
        fn a_late_start_that_keeps_its_minutes_is_on_time_and_ends_late() {
            let mut s = fresh();
            s.toggle_timer(at(15));
            let p = project(&s, at(20));
            assert_eq!(p.began, Some(at(15)));
            assert_eq!(p.minutes_behind(), Some(0));
            assert_eq!(p.end, at(195));
            assert_eq!(p.planned_end, at(180));
            assert_eq!(p.items[0].start, at(15));
            assert!(p.items[0].begun);
            assert_eq!(
                (p.items[1].start, p.items[1].planned),
                (at(30), Some(at(15)))
            );
        }

        #[test]
        fn held_items_show_when_they_really_started() {
            let mut s = fresh();
            s.toggle_timer(at(0));
            s.next(at(20));
            s.next(at(30));
            let p = project(&s, at(31));
            assert_eq!(p.items[0].start, at(0));
            assert_eq!(p.items[1].start, at(20));
            assert!(p.items[0].begun && p.items[1].begun && p.items[2].begun);
            // The first item took 20 minutes, the second 10: on time again.
            assert_eq!(p.minutes_behind(), Some(0));
            assert_eq!(p.items[3].start, at(45));
        }

        #[test]
        fn an_item_that_overruns_pushes_everything_after_it() {
            let mut s = fresh();
            s.toggle_timer(at(0));
            s.next(at(20));
            assert_eq!(project(&s, at(20)).minutes_behind(), Some(5));
            // The second item runs over its 15 minutes: the rest moves with the clock.
            let p = project(&s, at(40));
            assert_eq!(p.minutes_behind(), Some(10));
            assert_eq!(p.items[2].start, at(40));
        }

        #[test]
        fn a_pause_moves_the_projected_end() {
            let mut s = fresh();
            s.toggle_timer(at(0));
            s.toggle_timer(at(5));
            assert_eq!(project(&s, at(5)).minutes_behind(), Some(0));
            assert_eq!(project(&s, at(12)).minutes_behind(), Some(7));
        }

        #[test]
        fn extensions_count_in_the_projection() {
            let mut s = fresh();
            s.toggle_timer(at(0));
            s.extend(at(1), 3);
            assert_eq!(project(&s, at(1)).minutes_behind(), Some(3));
            s.extend(at(1), -5);
            assert_eq!(project(&s, at(1)).minutes_behind(), Some(-2));
        }

        #[test]
        fn skipped_items_take_no_time_and_the_plan_is_the_agenda_when_the_day_began() {
            let mut s = fresh();
            // Prepared: item 1 skipped, a 10-minute item inserted. Both are the plan.
            s.toggle_skip("punkt-1", at(-60));
            let mut extra = s.agenda[0].clone();
            extra.minutes = 10;
            s.insert_items(Some("punkt-2"), vec![extra.clone()], at(-60));
            let p = project(&s, at(-1));
            assert_eq!(p.planned_end, at(175));
            assert_eq!(p.end, at(175));
            assert!(p.items[1].skipped && p.items[1].planned.is_none());
            assert_eq!(p.items[2].start, at(15));
            s.toggle_timer(at(0));
            // On the day: item 5 skipped, another 10 minutes inserted. The plan stays.
            s.toggle_skip("punkt-5", at(5));
            s.insert_items(Some("punkt-6"), vec![extra], at(5));
            let p = project(&s, at(5));
            assert_eq!(p.planned_end, at(175));
            assert_eq!(p.end, at(170));
            assert_eq!(p.minutes_behind(), Some(-5));
            assert!(p.items[6].skipped && p.items[6].planned.is_some());
            assert_eq!(p.items[8].planned, None, "inserted today: not in the plan");
        }

        #[test]
        fn the_target_is_the_must_end_time_when_there_is_one() {
            let mut s = fresh();
            s.toggle_timer(at(10));
            let p = project(&s, at(10));
            assert_eq!((p.target(), p.overrun()), (at(180), 10));
            s.must_end = Some(chrono::NaiveTime::from_hms_opt(15, 45, 0).unwrap());
            let p = project(&s, at(10));
            assert_eq!((p.target(), p.overrun()), (at(165), 25));
        }

        #[test]
        fn a_must_end_time_past_midnight_is_on_the_next_day() {
            let mut s = fresh();
            s.start = chrono::NaiveTime::from_hms_opt(22, 0, 0).unwrap();
            s.must_end = Some(chrono::NaiveTime::from_hms_opt(0, 30, 0).unwrap());
            let p = project(&s, at(0));
            assert_eq!(p.must_end, Some(at(11 * 60 + 30)));
        }

        #[test]
        fn a_closed_gathering_ends_when_it_was_closed() {
            let mut s = fresh();
            s.go_to(11);
            s.toggle_timer(at(0));
            s.next(at(10));
            let p = project(&s, at(100));
            assert_eq!(p.end, at(10));
        }
    }
}
