//! An agenda item's countdown, computed from its [`ItemTiming`] event log and the time now.
//!
//! Nothing here counts ticks: the time left is always "budget − time spent running", where time
//! spent running is the sum of the intervals between a start (or resume) and the next pause (or
//! end), the last one up to `now`. So a restart, a crash or a closed lid resumes the countdown
//! exactly where the room is, and tests pass any `now` they like instead of sleeping.

use chrono::Duration;

use super::program::AgendaItem;
use super::session::{ItemTiming, TimerEvent, Timestamp};

/// Where an item's timer stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Never started.
    Waiting,
    Running,
    Paused,
    /// The facilitator moved on (it may be started again by going back).
    Ended,
}

/// The phase after the last event.
pub fn phase(events: &[TimerEvent]) -> Phase {
    events
        .iter()
        .rev()
        .find_map(|e| match e {
            TimerEvent::Started(_) | TimerEvent::Resumed(_) => Some(Phase::Running),
            TimerEvent::Paused(_) => Some(Phase::Paused),
            TimerEvent::Ended(_) => Some(Phase::Ended),
            TimerEvent::Extended(..) => None,
        })
        .unwrap_or(Phase::Waiting)
}

/// Time spent running up to `now`.
pub fn elapsed(events: &[TimerEvent], now: Timestamp) -> Duration {
    let mut total = Duration::zero();
    let mut running_since: Option<Timestamp> = None;
    for e in events {
        match e {
            TimerEvent::Started(t) | TimerEvent::Resumed(t) => {
                running_since.get_or_insert(*t);
            }
            TimerEvent::Paused(t) | TimerEvent::Ended(t) => {
                if let Some(since) = running_since.take() {
                    total += *t - since;
                }
            }
            TimerEvent::Extended(..) => {}
        }
    }
    if let Some(since) = running_since {
        // A clock set back (or a file from a machine ahead of this one) must not count down
        // backwards: time never runs negative.
        total += (now - since).max(Duration::zero());
    }
    total
}

/// Minutes added (positive) or taken away (negative) in all.
pub fn extension_minutes(events: &[TimerEvent]) -> i64 {
    events
        .iter()
        .map(|e| match e {
            TimerEvent::Extended(_, m) => i64::from(*m),
            _ => 0,
        })
        .sum()
}

/// The item's time in all: its planned minutes plus extensions, never below zero.
pub fn budget(item: &AgendaItem, events: &[TimerEvent]) -> Duration {
    Duration::minutes((i64::from(item.minutes) + extension_minutes(events)).max(0))
}

/// Time left; negative once the item runs over (shown as +MM:SS).
pub fn remaining(item: &AgendaItem, events: &[TimerEvent], now: Timestamp) -> Duration {
    budget(item, events) - elapsed(events, now)
}

/// The timed step running now (1-2-4-alle), and its time left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StepNow {
    /// Index into the item's `steps`.
    pub index: usize,
    pub remaining: Duration,
}

/// The step the room is in, from the time spent on the item; `None` when the item has no steps
/// or all of them are over.
pub fn step(item: &AgendaItem, events: &[TimerEvent], now: Timestamp) -> Option<StepNow> {
    let spent = elapsed(events, now);
    let mut end = Duration::zero();
    for (index, s) in item.steps.iter().enumerate() {
        end += Duration::minutes(i64::from(s.minutes));
        if spent < end {
            return Some(StepNow {
                index,
                remaining: end - spent,
            });
        }
    }
    None
}

/// Changes to a timer: each appends one event, or does nothing when it would make no sense
/// (pausing a timer that is not running), so the log stays well-formed.
impl ItemTiming {
    pub fn new(item: impl Into<String>) -> Self {
        ItemTiming {
            item: item.into(),
            events: Vec::new(),
        }
    }

    pub fn phase(&self) -> Phase {
        phase(&self.events)
    }

    /// The time to record for an event at `now`: never before the last event, so a wall clock
    /// set back during the day (a laptop joining the school network) cannot make the record
    /// run backwards.
    fn at(&self, now: Timestamp) -> Timestamp {
        self.events.last().map_or(now, |e| e.at().max(now))
    }

    /// Starts the item, or starts it again after it ended.
    pub fn start(&mut self, now: Timestamp) {
        if matches!(self.phase(), Phase::Waiting | Phase::Ended) {
            self.events.push(TimerEvent::Started(self.at(now)));
        }
    }

    /// Space: start, pause or resume.
    pub fn toggle(&mut self, now: Timestamp) {
        let now = self.at(now);
        match self.phase() {
            Phase::Waiting | Phase::Ended => self.events.push(TimerEvent::Started(now)),
            Phase::Running => self.events.push(TimerEvent::Paused(now)),
            Phase::Paused => self.events.push(TimerEvent::Resumed(now)),
        }
    }

    pub fn extend(&mut self, now: Timestamp, minutes: i32) {
        let now = self.at(now);
        self.events.push(TimerEvent::Extended(now, minutes));
    }

    /// Ends the item if it is running or paused.
    pub fn end(&mut self, now: Timestamp) {
        if matches!(self.phase(), Phase::Running | Phase::Paused) {
            self.events.push(TimerEvent::Ended(self.at(now)));
        }
    }

    /// When the item first came in front of the room.
    pub fn first_started(&self) -> Option<Timestamp> {
        self.events.iter().find_map(|e| match e {
            TimerEvent::Started(t) => Some(*t),
            _ => None,
        })
    }

    /// When it last ended, if it is ended now.
    pub fn ended_at(&self) -> Option<Timestamp> {
        match self
            .events
            .iter()
            .rev()
            .find(|e| !matches!(e, TimerEvent::Extended(..)))
        {
            Some(TimerEvent::Ended(t)) => Some(*t),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ItemKind, Step};

    fn t0() -> Timestamp {
        Timestamp::parse("2026-11-23T13:00:00+01:00").unwrap()
    }

    fn at(seconds: i64) -> Timestamp {
        t0() + Duration::seconds(seconds)
    }

    fn item(minutes: u32, steps: &[u32]) -> AgendaItem {
        AgendaItem {
            id: "a".into(),
            title: "A".into(),
            kind: ItemKind::GroupReflection,
            minutes,
            prompts: vec![],
            facilitator_note: String::new(),
            steps: steps
                .iter()
                .map(|m| Step {
                    label: format!("{m}"),
                    minutes: *m,
                })
                .collect(),
            goals: vec![],
            min_minutes: None,
            locked: None,
        }
    }

    #[test]
    fn a_waiting_timer_shows_its_whole_budget() {
        let t = ItemTiming::new("a");
        assert_eq!(t.phase(), Phase::Waiting);
        assert_eq!(
            remaining(&item(10, &[]), &t.events, at(500)),
            Duration::minutes(10)
        );
    }

    #[test]
    fn a_running_timer_counts_down_from_wall_clock_time() {
        let mut t = ItemTiming::new("a");
        t.toggle(at(0));
        assert_eq!(t.phase(), Phase::Running);
        assert_eq!(
            remaining(&item(10, &[]), &t.events, at(61)),
            Duration::seconds(539)
        );
    }

    #[test]
    fn a_pause_stops_the_count_and_resume_goes_on() {
        let mut t = ItemTiming::new("a");
        t.toggle(at(0));
        t.toggle(at(60));
        assert_eq!(t.phase(), Phase::Paused);
        assert_eq!(elapsed(&t.events, at(600)), Duration::seconds(60));
        t.toggle(at(600));
        assert_eq!(t.phase(), Phase::Running);
        assert_eq!(elapsed(&t.events, at(630)), Duration::seconds(90));
    }

    #[test]
    fn overtime_is_negative_time_left() {
        let mut t = ItemTiming::new("a");
        t.start(at(0));
        assert_eq!(
            remaining(&item(1, &[]), &t.events, at(75)),
            Duration::seconds(-15)
        );
    }

    #[test]
    fn extensions_add_and_take_away_but_never_below_zero() {
        let mut t = ItemTiming::new("a");
        t.start(at(0));
        t.extend(at(10), 2);
        assert_eq!(budget(&item(5, &[]), &t.events), Duration::minutes(7));
        t.extend(at(20), -1);
        assert_eq!(budget(&item(5, &[]), &t.events), Duration::minutes(6));
        for _ in 0..10 {
            t.extend(at(30), -1);
        }
        assert_eq!(budget(&item(5, &[]), &t.events), Duration::zero());
    }

    #[test]
    fn going_back_to_an_ended_item_continues_its_time() {
        let mut t = ItemTiming::new("a");
        t.start(at(0));
        t.end(at(120));
        assert_eq!(t.ended_at(), Some(at(120)));
        assert_eq!(elapsed(&t.events, at(1000)), Duration::seconds(120));
        t.start(at(1000));
        assert_eq!(t.ended_at(), None);
        assert_eq!(elapsed(&t.events, at(1030)), Duration::seconds(150));
        assert_eq!(t.first_started(), Some(at(0)));
    }

    #[test]
    fn the_log_stays_well_formed_whatever_is_pressed() {
        let mut t = ItemTiming::new("a");
        t.end(at(0)); // nothing to end
        t.start(at(1));
        t.start(at(2)); // already running
        t.end(at(3));
        t.end(at(4));
        assert_eq!(
            t.events,
            vec![TimerEvent::Started(at(1)), TimerEvent::Ended(at(3))]
        );
    }

    #[test]
    fn a_clock_set_back_does_not_run_the_timer_backwards() {
        let mut t = ItemTiming::new("a");
        t.start(at(100));
        assert_eq!(elapsed(&t.events, at(40)), Duration::zero());
    }

    #[test]
    fn a_clock_set_back_mid_item_never_makes_the_record_run_backwards() {
        let mut t = ItemTiming::new("a");
        t.start(at(100));
        t.toggle(at(40)); // the clock jumped back a minute
        t.toggle(at(50));
        t.extend(at(10), 1);
        t.end(at(20));
        let times: Vec<_> = t.events.iter().map(TimerEvent::at).collect();
        assert!(times.windows(2).all(|w| w[0] <= w[1]), "{times:?}");
    }

    #[test]
    fn steps_follow_the_time_spent() {
        let it = item(15, &[1, 2, 4, 5]);
        let mut t = ItemTiming::new("a");
        t.start(at(0));
        let s = |sec| step(&it, &t.events, at(sec));
        assert_eq!(
            s(0),
            Some(StepNow {
                index: 0,
                remaining: Duration::seconds(60)
            })
        );
        assert_eq!(
            s(60),
            Some(StepNow {
                index: 1,
                remaining: Duration::seconds(120)
            })
        );
        assert_eq!(
            s(200),
            Some(StepNow {
                index: 2,
                remaining: Duration::seconds(220)
            })
        );
        assert_eq!(s(7 * 60 + 1).map(|x| x.index), Some(3));
        assert_eq!(s(12 * 60), None);
        assert_eq!(step(&item(15, &[]), &t.events, at(5)), None);
    }
}
