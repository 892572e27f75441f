//! Leading a session through its agenda: the moves the facilitator's keys make (start, pause,
//! next, back, more or less time, the next question), as plain changes to a [`Session`] at a
//! given `now`. The timing record keeps everything, so nothing a key does is lost.

use chrono::{Duration, NaiveDateTime, TimeZone};

use super::program::{AgendaItem, Prompt};
use super::session::{ItemTiming, Session, Timestamp};
use super::timer::{self, Phase};

impl Session {
    /// Where the item in front of the room stands in the agenda (0 if the id is not there,
    /// which a loaded file never has).
    pub fn current_index(&self) -> usize {
        self.agenda
            .iter()
            .position(|i| i.id == self.current)
            .unwrap_or(0)
    }

    /// Puts the item at `index` in front of the room, at its first question.
    pub fn go_to(&mut self, index: usize) {
        if let Some(item) = self.agenda.get(index) {
            self.current = item.id.clone();
            self.prompt = None;
        }
    }

    /// The item in front of the room.
    pub fn current_item(&self) -> Option<&AgendaItem> {
        self.agenda.get(self.current_index())
    }

    /// The item `n` goes to: the next one after the current one not skipped.
    pub fn next_item(&self) -> Option<&AgendaItem> {
        self.agenda.get(self.neighbour(self.current_index(), true)?)
    }

    /// Where the question on the projector stands among the current item's prompts.
    pub fn prompt_index(&self) -> usize {
        let item = self.current_item();
        self.prompt
            .as_ref()
            .and_then(|id| item?.prompt_index(id))
            .unwrap_or(0)
    }

    /// The question on the projector, if the current item has any.
    pub fn current_prompt(&self) -> Option<&Prompt> {
        self.current_item()?.prompts.get(self.prompt_index())
    }

    /// The events of an item's timer (empty if never started).
    pub fn events_of(&self, item: &str) -> &[super::session::TimerEvent] {
        self.timing_of(item).map_or(&[], |t| t.events.as_slice())
    }

    pub(super) fn timing_mut(&mut self, index: usize) -> Option<&mut ItemTiming> {
        let id = self.agenda.get(index)?.id.clone();
        let at = match self.timing.iter().position(|t| t.item == id) {
            Some(at) => at,
            None => {
                self.timing.push(ItemTiming::new(id));
                self.timing.len() - 1
            }
        };
        self.timing.get_mut(at)
    }

    /// The current item's timer phase.
    pub fn phase(&self) -> Phase {
        self.current_item()
            .map_or(Phase::Waiting, |i| timer::phase(self.events_of(&i.id)))
    }

    /// Time left on the current item (negative in overtime).
    pub fn remaining(&self, now: Timestamp) -> Duration {
        self.current_item().map_or(Duration::zero(), |i| {
            timer::remaining(i, self.events_of(&i.id), now)
        })
    }

    /// Space: start, pause or resume the current item.
    pub fn toggle_timer(&mut self, now: Timestamp) {
        self.ended = None;
        let current = self.current_index();
        if let Some(t) = self.timing_mut(current) {
            t.toggle(now);
        }
    }

    /// `+` / `-`: minutes more or less for the current item.
    pub fn extend(&mut self, now: Timestamp, minutes: i32) {
        let current = self.current_index();
        if let Some(t) = self.timing_mut(current) {
            t.extend(now, minutes);
        }
    }

    /// The next item not skipped after `index`, or the one before it (`forward: false`).
    fn neighbour(&self, index: usize, forward: bool) -> Option<usize> {
        let not_skipped = |i: &usize| {
            !self
                .agenda
                .get(*i)
                .is_some_and(|it| self.is_skipped(&it.id))
        };
        if forward {
            (index + 1..self.agenda.len()).find(not_skipped)
        } else {
            (0..index).rev().find(not_skipped)
        }
    }

    /// `n`: ends the current item and starts the next one not skipped. On the last one it ends
    /// the gathering.
    pub fn next(&mut self, now: Timestamp) {
        let current = self.current_index();
        if let Some(t) = self.timing_mut(current) {
            t.end(now);
        }
        match self.neighbour(current, true) {
            Some(next) => {
                self.go_to(next);
                if let Some(t) = self.timing_mut(next) {
                    t.start(now);
                }
            }
            None => self.ended = Some(now),
        }
    }

    /// `b`: ends the current item and goes back to the one before (not skipped), whose time
    /// goes on from where it stopped. The record of both is kept.
    pub fn back(&mut self, now: Timestamp) {
        if self.ended.take().is_some() {
            // The gathering was closed on its last item: going back reopens that item.
            let current = self.current_index();
            if let Some(t) = self.timing_mut(current) {
                t.start(now);
            }
            return;
        }
        let current = self.current_index();
        let Some(before) = self.neighbour(current, false) else {
            return;
        };
        if let Some(t) = self.timing_mut(current) {
            t.end(now);
        }
        self.go_to(before);
        if let Some(t) = self.timing_mut(before) {
            t.start(now);
        }
    }

    /// `]` / `[`: the next or previous reflection question, within the current item's.
    pub fn step_prompt(&mut self, forward: bool) {
        let at = self.prompt_index();
        let to = if forward {
            at + 1
        } else {
            at.saturating_sub(1)
        };
        if let Some(prompt) = self.current_item().and_then(|i| i.prompts.get(to)) {
            self.prompt = Some(prompt.id.clone());
        }
    }

    /// The planned start as a moment, in the same offset as `now`.
    pub fn planned_start(&self, now: Timestamp) -> Timestamp {
        self.on_the_day(self.start, now)
    }

    /// `time` on the gathering's date, as a moment in the same offset as `now`.
    pub fn on_the_day(&self, time: chrono::NaiveTime, now: Timestamp) -> Timestamp {
        let naive = NaiveDateTime::new(self.date, time);
        Timestamp(
            now.0
                .offset()
                .from_local_datetime(&naive)
                .single()
                .unwrap_or(now.0),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::sample::{day_not_begun as fresh, minutes_in as at};

    #[test]
    fn next_ends_the_item_and_starts_the_next() {
        let mut s = fresh();
        s.toggle_timer(at(0));
        s.next(at(20));
        assert_eq!(s.current_index(), 1);
        assert_eq!(s.phase(), Phase::Running);
        assert_eq!(s.timing_of("punkt-0").unwrap().ended_at(), Some(at(20)));
    }

    #[test]
    fn back_keeps_the_record_and_continues_the_time() {
        let mut s = fresh();
        s.toggle_timer(at(0));
        s.next(at(10));
        s.back(at(12));
        assert_eq!(s.current_index(), 0);
        assert_eq!(s.remaining(at(13)), Duration::minutes(4));
        assert_eq!(s.timing_of("punkt-1").unwrap().events.len(), 2);
        s.back(at(14)); // already first
        assert_eq!(s.current_index(), 0);
    }

    #[test]
    fn next_on_the_last_item_ends_the_gathering_and_back_reopens_it() {
        let mut s = fresh();
        s.go_to(11);
        s.toggle_timer(at(0));
        s.next(at(15));
        assert_eq!(s.ended, Some(at(15)));
        assert_eq!(s.current_index(), 11);
        s.back(at(16));
        assert_eq!(s.ended, None);
        assert_eq!(s.phase(), Phase::Running);
    }

    #[test]
    fn next_and_back_pass_over_skipped_items() {
        let mut s = fresh();
        s.toggle_skip("punkt-1", at(-5));
        s.toggle_skip("punkt-11", at(-5));
        // What the room is told comes next is what `n` goes to.
        assert_eq!(s.next_item().map(|i| i.id.as_str()), Some("punkt-2"));
        s.toggle_timer(at(0));
        s.next(at(10));
        assert_eq!(s.current, "punkt-2");
        s.back(at(11));
        assert_eq!(s.current, "punkt-0");
        assert!(s.timing_of("punkt-1").is_none(), "never timed");
        s.go_to(10);
        s.next(at(20));
        assert_eq!(
            s.ended,
            Some(at(20)),
            "the last item not skipped ends the day"
        );
    }

    #[test]
    fn prompts_step_within_the_item() {
        let mut s = fresh();
        s.step_prompt(false);
        assert_eq!(s.prompt_index(), 0);
        for _ in 0..5 {
            s.step_prompt(true);
        }
        assert_eq!(s.prompt_index(), 2);
        s.next(at(0));
        assert_eq!(s.prompt_index(), 0);
    }
}
