//! The schedule panel ("Tidsplan", `t`): the agenda with its planned and projected times, to
//! change what the room has not had yet. It holds only where the facilitator is looking (the
//! selected item, by id, and which pane is in front); the changes themselves are
//! [`crate::model::agenda`]'s, made by [`crate::app::run`].

use crate::model::Session;
use crate::model::drift::Proposal;

/// The panel: the selected item and the pane in front.
#[derive(Debug, Clone, PartialEq)]
pub struct Schedule {
    /// Id of the selected item; `None` when no item may change (all held).
    pub selected: Option<String>,
    pub pane: Pane,
}

/// What the panel shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Pane {
    /// The agenda, to select an item and change it.
    Agenda,
    /// The program's optional modules; `selected` indexes them.
    Modules { selected: usize },
    /// The drift proposal, to accept or leave; `None`: the day is on time, nothing to propose.
    Proposal(Option<Proposal>),
}

impl Schedule {
    /// The panel on the agenda, the first item that may change selected.
    pub fn new(session: &Session) -> Self {
        let mut panel = Schedule {
            selected: None,
            pane: Pane::Agenda,
        };
        panel.keep_selection(session, 0);
        panel
    }

    /// Where the selected item stands in the agenda.
    pub fn index(&self, session: &Session) -> Option<usize> {
        let id = self.selected.as_ref()?;
        session.agenda.iter().position(|i| i.id == *id)
    }

    /// The next item that may change below (`down`) or above the selected one; stays at the
    /// end of the list.
    pub fn step(&mut self, session: &Session, down: bool) {
        let Some(at) = self.index(session) else {
            return self.keep_selection(session, 0);
        };
        let changeable = |i: &usize| session.changeable(*i);
        let to = if down {
            (at + 1..session.agenda.len()).find(changeable)
        } else {
            (0..at).rev().find(changeable)
        };
        if let Some(to) = to {
            self.selected = Some(session.agenda[to].id.clone());
        }
    }

    /// After a change: the selected item if it may still change, else the nearest one that
    /// may, first after where it stood (`near`: its place before the change), then before;
    /// else none.
    pub fn keep_selection(&mut self, session: &Session, near: usize) {
        if let Some(at) = self.index(session)
            && session.changeable(at)
        {
            return;
        }
        let at = self.index(session).unwrap_or(near);
        let changeable = |i: &usize| session.changeable(*i);
        let to = (at..session.agenda.len())
            .find(changeable)
            .or_else(|| (0..at).rev().find(changeable));
        self.selected = to.map(|i| session.agenda[i].id.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::sample::{day_not_begun, minutes_in as at};

    #[test]
    fn only_items_not_yet_held_are_selected() {
        let mut s = day_not_begun();
        s.toggle_timer(at(0));
        s.next(at(15));
        let mut panel = Schedule::new(&s);
        assert_eq!(panel.selected.as_deref(), Some("punkt-2"));
        panel.step(&s, false);
        assert_eq!(
            panel.selected.as_deref(),
            Some("punkt-2"),
            "held items stay unselectable"
        );
        for _ in 0..20 {
            panel.step(&s, true);
        }
        assert_eq!(panel.selected.as_deref(), Some("punkt-11"));
        // The day moves on past the selection: the panel follows to what may still change.
        s.go_to(11);
        s.toggle_timer(at(20));
        panel.keep_selection(&s, 11);
        assert_eq!(panel.selected, None);
    }

    #[test]
    fn a_removed_item_hands_the_selection_to_the_one_that_took_its_place() {
        let mut s = day_not_begun();
        let extra = s.agenda[0].clone();
        let new = s.insert_items(Some("punkt-2"), vec![extra], at(-60));
        let mut panel = Schedule::new(&s);
        panel.selected = Some(new[0].clone());
        let near = panel.index(&s).unwrap();
        assert!(s.remove_inserted(&new[0]));
        panel.keep_selection(&s, near);
        assert_eq!(panel.selected.as_deref(), Some("punkt-3"));
    }
}
