//! Changing the agenda, before the day and on it: skip an item or take it back, move it, give
//! it minutes more or less, insert an optional module or a new item, remove what was inserted.
//!
//! What may change is what the room has not had yet: on the day, the items after the current
//! one that were never started (the current item and held ones stay where they were, as they
//! were). Before the day begins (no item ever started) everything may change, and the item in
//! front of the room is always the first one not skipped.
//!
//! The plan the day is measured against stays what it was when the day began: minutes given
//! or taken on the day are recorded as extensions of the item's timer (as `+`/`-` on the
//! current item are), and the session's marks say when an item was skipped or inserted, so an
//! item skipped on the day still counts in the planned end and one inserted on the day does not
//! (see [`Session::in_plan`]).

use super::program::AgendaItem;
use super::session::{AgendaMark, Session, Timestamp};
use super::timer;

/// The shortest and longest an item may be made, in minutes.
pub const MINUTES: std::ops::RangeInclusive<u32> = 1..=600;

impl Session {
    /// When the day began: its first item's first start. `None` until then.
    pub fn began(&self) -> Option<Timestamp> {
        self.timing.iter().filter_map(|t| t.first_started()).min()
    }

    /// Whether the item with this id is skipped.
    pub fn is_skipped(&self, id: &str) -> bool {
        self.skipped.iter().any(|m| m.item == id)
    }

    /// Whether the item with this id was inserted (not from the program's plan).
    pub fn is_inserted(&self, id: &str) -> bool {
        self.inserted.iter().any(|m| m.item == id)
    }

    /// Whether the item counts in the plan the day is measured against: the agenda as it stood
    /// when the day began. An item skipped before then is out of it, one inserted after is too.
    pub fn in_plan(&self, id: &str) -> bool {
        self.in_plan_begun(id, self.began())
    }

    /// [`Session::in_plan`], with when the day began already known (a frame asks it of every
    /// item).
    pub fn in_plan_begun(&self, id: &str, began: Option<Timestamp>) -> bool {
        let before = |m: &AgendaMark| began.is_none_or(|b| m.at < b);
        let skipped_before = self.skipped.iter().any(|m| m.item == id && before(m));
        let inserted_after = self.inserted.iter().any(|m| m.item == id && !before(m));
        !skipped_before && !inserted_after
    }

    /// Whether the item at `index` may still be changed: before the day begins, any; on the
    /// day, one after the current item that was never started.
    pub fn changeable(&self, index: usize) -> bool {
        let Some(item) = self.agenda.get(index) else {
            return false;
        };
        if self.began().is_none() {
            return true;
        }
        index > self.current_index()
            && self
                .timing_of(&item.id)
                .and_then(|t| t.first_started())
                .is_none()
    }

    fn changeable_id(&self, id: &str) -> Option<usize> {
        let index = self.agenda.iter().position(|i| i.id == id)?;
        self.changeable(index).then_some(index)
    }

    /// When a mark made at `now` is recorded: never before the day began, so a clock set back
    /// during the day (a laptop joining the school network) cannot move a change of the day
    /// into the plan.
    fn mark_time(&self, now: Timestamp) -> Timestamp {
        self.began().map_or(now, |began| now.max(began))
    }

    /// `h`: skips the item, or takes a skipped one back in. `false` if it cannot change, or if
    /// it is the last item not skipped (a day must have something to run).
    ///
    /// An item skipped while preparing and taken back on the day was not in the plan the day
    /// began with: it comes back as if inserted on the day, so the plan stays what it was.
    pub fn toggle_skip(&mut self, id: &str, now: Timestamp) -> bool {
        if self.changeable_id(id).is_none() {
            return false;
        }
        let at = self.mark_time(now);
        if self.is_skipped(id) {
            if !self.in_plan(id) && !self.is_inserted(id) {
                self.inserted.push(AgendaMark {
                    item: id.to_string(),
                    at,
                });
            }
            self.skipped.retain(|m| m.item != id);
        } else {
            let others = self.agenda.iter().filter(|i| i.id != id);
            if others.clone().all(|i| self.is_skipped(&i.id)) {
                return false;
            }
            self.skipped.push(AgendaMark {
                item: id.to_string(),
                at,
            });
        }
        self.settle();
        true
    }

    /// `K` / `J`: moves the item past the nearest item above (`up`) or below it that may
    /// change too. `false` if there is none.
    pub fn move_item(&mut self, id: &str, up: bool) -> bool {
        let Some(from) = self.changeable_id(id) else {
            return false;
        };
        let changeable = |i: &usize| self.changeable(*i);
        let to = if up {
            (0..from).rev().find(changeable)
        } else {
            (from + 1..self.agenda.len()).find(changeable)
        };
        let Some(to) = to else {
            return false;
        };
        let item = self.agenda.remove(from);
        self.agenda.insert(to, item);
        self.settle();
        true
    }

    /// `+` / `-`: `delta` minutes more or less for the item, within [`MINUTES`]. Before the day
    /// this changes the plan; on the day it is an extension of the item's timer, so the plan
    /// stays what it was. `false` if nothing changed.
    pub fn adjust_minutes(&mut self, id: &str, delta: i32, now: Timestamp) -> bool {
        let Some(index) = self.changeable_id(id) else {
            return false;
        };
        let within = |m: u32| {
            let wanted = i64::from(m) + i64::from(delta);
            wanted.clamp(i64::from(*MINUTES.start()), i64::from(*MINUTES.end())) as u32
        };
        if self.began().is_none() {
            // The plan's own minutes: `+`/`-` given to it on the main view before the start
            // stay extensions on top.
            let planned = self.agenda[index].minutes;
            self.agenda[index].minutes = within(planned);
            return within(planned) != planned;
        }
        let now_minutes = self.minutes_of(index);
        let to = within(now_minutes);
        if to == now_minutes {
            return false;
        }
        if let Some(t) = self.timing_mut(index) {
            t.extend(now, to as i32 - now_minutes as i32);
        }
        true
    }

    /// The minutes the item at `index` has now: its planned minutes with what was given or
    /// taken on the day.
    pub fn minutes_of(&self, index: usize) -> u32 {
        self.agenda.get(index).map_or(0, |item| {
            let events = self.events_of(&item.id);
            let minutes = timer::budget(item, events).num_minutes();
            u32::try_from(minutes).unwrap_or(0)
        })
    }

    /// `m`, `l`: inserts `items` after the item with id `after` (or first, if `None`), each
    /// given an id no other item has. Returns the ids they got.
    pub fn insert_items(
        &mut self,
        after: Option<&str>,
        items: Vec<AgendaItem>,
        now: Timestamp,
    ) -> Vec<String> {
        let mut at = after
            .and_then(|id| self.agenda.iter().position(|i| i.id == id))
            .map_or(0, |i| i + 1);
        // Never before the current item once the day has begun: that place is held.
        if self.began().is_some() {
            at = at.max(self.current_index() + 1);
        }
        let when = self.mark_time(now);
        let mut ids = Vec::new();
        for mut item in items {
            item.id = self.free_id(&item.id);
            item.minutes = item.minutes.clamp(*MINUTES.start(), *MINUTES.end());
            ids.push(item.id.clone());
            self.inserted.push(AgendaMark {
                item: item.id.clone(),
                at: when,
            });
            self.agenda.insert(at, item);
            at += 1;
        }
        self.settle();
        ids
    }

    /// `base`, or `base-2`, `base-3` … : the first that no item of the agenda has, nor any
    /// note or timing record (which may point at an item removed again).
    fn free_id(&self, base: &str) -> String {
        let base = if base.is_empty() { "punkt" } else { base };
        let taken = |id: &str| {
            self.agenda.iter().any(|i| i.id == id)
                || self.timing.iter().any(|t| t.item == id)
                || self.notes.iter().any(|n| n.item == id)
        };
        (1..)
            .map(|n| {
                if n == 1 {
                    base.to_string()
                } else {
                    format!("{base}-{n}")
                }
            })
            .find(|id| !taken(id))
            .unwrap_or_default()
    }

    /// `x`: removes an inserted item that has not been held (items of the plan are skipped, not
    /// removed). On the day, only one inserted on the day: one inserted while preparing is in
    /// the plan the day is measured against, and is skipped instead. `false` if it cannot be
    /// removed.
    pub fn remove_inserted(&mut self, id: &str) -> bool {
        let Some(index) = self.changeable_id(id) else {
            return false;
        };
        if !self.is_inserted(id) || self.in_plan(id) && self.began().is_some() {
            return false;
        }
        if self.notes.iter().any(|n| n.item == id) {
            return false;
        }
        self.agenda.remove(index);
        self.inserted.retain(|m| m.item != id);
        self.skipped.retain(|m| m.item != id);
        // Only extensions given before it was held: nothing of the day is lost with them.
        self.timing.retain(|t| t.item != id);
        self.settle();
        true
    }

    /// Before the day begins, the item in front of the room is the first one not skipped.
    fn settle(&mut self) {
        if self.began().is_some() {
            return;
        }
        let first = self
            .agenda
            .iter()
            .find(|i| !self.is_skipped(&i.id))
            .or(self.agenda.first());
        if let Some(id) = first.map(|i| i.id.clone())
            && id != self.current
        {
            self.current = id;
            self.prompt = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::sample::{day_not_begun, day_on_its_third_item, minutes_in as at};

    fn ids(s: &Session) -> Vec<&str> {
        s.agenda.iter().map(|i| i.id.as_str()).collect()
    }

    #[test]
    fn on_the_day_only_items_after_the_current_one_never_started_change() {
        let mut s = day_on_its_third_item();
        assert!(!s.changeable(1) && !s.changeable(2));
        assert!(s.changeable(3));
        // Went back: the item after the current one was started, so it is held.
        s.back(at(31));
        assert!(!s.changeable(2));
        assert!(s.changeable(3));
        assert!(!s.toggle_skip("punkt-2", at(32)));
        assert!(!s.move_item("punkt-1", false));
        assert!(!s.adjust_minutes("punkt-0", 5, at(32)));
        assert!(s.skipped.is_empty());
    }

    #[test]
    fn before_the_day_everything_changes_and_the_first_item_not_skipped_is_current() {
        let mut s = day_not_begun();
        assert!(s.toggle_skip("punkt-0", at(-30)));
        assert_eq!(s.current, "punkt-1");
        assert!(s.move_item("punkt-5", true));
        assert_eq!(&ids(&s)[3..6], ["punkt-3", "punkt-5", "punkt-4"]);
        assert!(s.adjust_minutes("punkt-4", 5, at(-30)));
        assert_eq!(s.agenda[5].minutes, 20, "before the day, the plan changes");
        assert!(s.timing.is_empty());
        assert!(s.toggle_skip("punkt-0", at(-29)));
        assert_eq!(s.current, "punkt-0");
    }

    #[test]
    fn on_the_day_minutes_are_extensions_and_the_plan_stays() {
        let mut s = day_on_its_third_item();
        assert!(s.adjust_minutes("punkt-4", -5, at(31)));
        assert_eq!(s.agenda[4].minutes, 15);
        assert_eq!(s.minutes_of(4), 10);
        assert!(s.adjust_minutes("punkt-4", -20, at(31)));
        assert_eq!(s.minutes_of(4), 1, "never below a minute");
        assert!(!s.adjust_minutes("punkt-4", -1, at(31)));
        assert!(s.adjust_minutes("punkt-5", 1000, at(31)));
        assert_eq!(s.minutes_of(5), 600, "never above 600");
        // The item is not begun for it.
        assert!(s.changeable(4));
        assert_eq!(s.began(), Some(at(0)));
    }

    #[test]
    fn moves_pass_over_what_cannot_change() {
        let mut s = day_on_its_third_item();
        assert!(!s.move_item("punkt-3", true), "the current item stays");
        assert!(s.move_item("punkt-3", false));
        assert_eq!(&ids(&s)[2..5], ["punkt-2", "punkt-4", "punkt-3"]);
        assert!(!s.move_item("punkt-11", false));
    }

    #[test]
    fn skipped_on_the_day_stays_in_the_plan_inserted_on_the_day_does_not() {
        let mut s = day_not_begun();
        s.toggle_skip("punkt-1", at(-60));
        let prepared = s.insert_items(Some("punkt-2"), vec![s.agenda[0].clone()], at(-60));
        assert_eq!(prepared, ["punkt-0-2"]);
        s.toggle_timer(at(0));
        s.toggle_skip("punkt-5", at(10));
        let today = s.insert_items(Some("punkt-5"), vec![s.agenda[0].clone()], at(10));
        assert_eq!(today, ["punkt-0-3"]);
        assert!(!s.in_plan("punkt-1"));
        assert!(s.in_plan("punkt-0-2"));
        assert!(s.in_plan("punkt-5"));
        assert!(!s.in_plan("punkt-0-3"));
    }

    #[test]
    fn inserted_items_go_after_the_current_one_and_only_they_can_be_removed() {
        let mut s = day_on_its_third_item();
        let new = s.insert_items(Some("punkt-0"), vec![s.agenda[0].clone()], at(31));
        assert_eq!(
            s.agenda[3].id, new[0],
            "after the current item, not among held ones"
        );
        assert!(
            !s.remove_inserted("punkt-4"),
            "an item of the plan is skipped instead"
        );
        assert!(s.remove_inserted(&new[0]));
        assert_eq!(ids(&s), ids(&day_on_its_third_item()));
        assert!(s.inserted.is_empty());
    }

    #[test]
    fn the_plan_stays_what_it_was_when_the_day_began_whatever_is_changed_on_the_day() {
        let mut s = day_not_begun();
        let extra = s.agenda[0].clone();
        s.toggle_skip("punkt-5", at(-60));
        let prepared = s.insert_items(Some("punkt-2"), vec![extra], at(-60));
        s.toggle_timer(at(0));
        let plan = crate::model::schedule::project(&s, at(1)).planned_end;
        // Taken back on the day: like inserted on the day, out of the plan.
        assert!(s.toggle_skip("punkt-5", at(2)));
        assert!(!s.in_plan("punkt-5"));
        // Inserted while preparing: in the plan, so skipped rather than removed.
        assert!(!s.remove_inserted(&prepared[0]));
        assert_eq!(crate::model::schedule::project(&s, at(3)).planned_end, plan);
        // A clock set back cannot move a change of the day before the day began.
        assert!(s.toggle_skip("punkt-7", at(-30)));
        assert!(s.in_plan("punkt-7"));
    }

    #[test]
    fn minutes_before_the_day_change_the_plan_once_and_the_last_item_cannot_be_skipped() {
        let mut s = day_not_begun();
        s.extend(at(-10), 2);
        assert!(s.adjust_minutes("punkt-0", 1, at(-10)));
        assert_eq!(s.agenda[0].minutes, 16);
        assert_eq!(
            s.minutes_of(0),
            18,
            "the two given on the main view stay on top"
        );
        let ids: Vec<String> = s.agenda.iter().map(|i| i.id.clone()).collect();
        for id in &ids[1..] {
            assert!(s.toggle_skip(id, at(-10)));
        }
        assert!(
            !s.toggle_skip("punkt-0", at(-10)),
            "something must be left to run"
        );
        assert_eq!(s.current, "punkt-0");
    }
}
