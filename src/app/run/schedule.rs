//! What the schedule panel's keys do (`t`): select an item not yet held, skip it, move it,
//! give it minutes, insert a module or a new item after it, remove an inserted one, and the
//! drift proposal. Each change is a [`crate::model::agenda`] function, saved at once.

use super::{Run, View};
use crate::app::msg::{Effect, ScheduleMsg};
use crate::app::overlay::form::{FormError, parse_kind, parse_minutes};
use crate::app::overlay::{Form, FormKind, Overlay, Pane, Schedule};
use crate::model::{AgendaItem, Timestamp, drift};

impl Run {
    /// `t`: opens the panel, over the facilitator's view: it is never shown to the room, so
    /// from the projector view it switches back first.
    pub(super) fn open_schedule(&mut self) {
        if self.screen.view == View::Projector {
            self.screen.toggle_view();
        }
        self.overlays
            .open(Overlay::Schedule(Schedule::new(&self.session)));
    }

    /// A key of the panel.
    pub(super) fn schedule_key(&mut self, msg: ScheduleMsg, now: Timestamp) -> Vec<Effect> {
        let Some(panel) = self.overlays.schedule().cloned() else {
            return Vec::new();
        };
        let selected = panel.selected.clone().unwrap_or_default();
        let session = &mut self.session;
        let changed = match (&panel.pane, msg) {
            (Pane::Agenda, ScheduleMsg::Skip) => session.toggle_skip(&selected, now),
            (Pane::Agenda, ScheduleMsg::Move(up)) => session.move_item(&selected, up),
            (Pane::Agenda, ScheduleMsg::Minutes(delta)) => {
                session.adjust_minutes(&selected, delta, now)
            }
            (Pane::Agenda, ScheduleMsg::Remove) => session.remove_inserted(&selected),
            (Pane::Modules { selected: m }, ScheduleMsg::Accept) => {
                let items = self.modules.get(*m).map(|m| m.items.clone());
                let after = self.insert_after(&panel);
                let ids =
                    items.map(|items| self.session.insert_items(after.as_deref(), items, now));
                self.set_pane(Pane::Agenda);
                if let Some(first) = ids.and_then(|ids| ids.into_iter().next()) {
                    self.select_in_schedule(first);
                }
                true
            }
            (Pane::Proposal(Some(proposal)), ScheduleMsg::Accept) => {
                drift::accept(&mut self.session, proposal, now);
                self.set_pane(Pane::Agenda);
                true
            }
            (pane, msg) => {
                self.move_in_panel(pane, msg, now);
                false
            }
        };
        if let Some(panel) = self.overlays.schedule_mut() {
            panel.keep_selection(&self.session);
        }
        if changed {
            self.mark_changed()
        } else {
            Vec::new()
        }
    }

    /// The panel's keys that change what it shows, not the session.
    fn move_in_panel(&mut self, pane: &Pane, msg: ScheduleMsg, now: Timestamp) {
        let modules = self.modules.len();
        match (pane, msg) {
            (Pane::Agenda, ScheduleMsg::Select(down)) => {
                if let Some(panel) = self.overlays.schedule_mut() {
                    panel.step(&self.session, down);
                }
            }
            (Pane::Modules { selected }, ScheduleMsg::Select(down)) => {
                let to = if down {
                    (selected + 1).min(modules.saturating_sub(1))
                } else {
                    selected.saturating_sub(1)
                };
                self.set_pane(Pane::Modules { selected: to });
            }
            (Pane::Agenda, ScheduleMsg::Modules) => self.set_pane(Pane::Modules { selected: 0 }),
            (Pane::Agenda, ScheduleMsg::Propose) => {
                let proposal = drift::propose(&self.session, now);
                self.set_pane(Pane::Proposal(proposal));
            }
            (Pane::Agenda, ScheduleMsg::NewItem) => {
                let after = self.overlays.schedule().and_then(|p| self.insert_after(p));
                self.overlays.open(Overlay::Form(Form::new(
                    FormKind::NewItem(after),
                    &["", "", ""],
                )));
            }
            (Pane::Agenda, ScheduleMsg::Back) => {
                self.overlays.close_top();
            }
            (_, ScheduleMsg::Back) => self.set_pane(Pane::Agenda),
            _ => {}
        }
    }

    fn set_pane(&mut self, pane: Pane) {
        if let Some(panel) = self.overlays.schedule_mut() {
            panel.pane = pane;
        }
    }

    fn select_in_schedule(&mut self, id: String) {
        if let Some(panel) = self.overlays.schedule_mut() {
            panel.selected = Some(id);
        }
    }

    /// Where an insert goes: after the selected item, or, with none selected, after the
    /// current item (on the day) or at the end of the agenda.
    fn insert_after(&self, panel: &Schedule) -> Option<String> {
        panel.selected.clone().or_else(|| {
            let last = if self.session.began().is_some() {
                self.session.current_item()
            } else {
                self.session.agenda.last()
            };
            last.map(|i| i.id.clone())
        })
    }

    /// The new item's form, submitted: title, minutes, kind. An empty title inserts nothing.
    pub(super) fn new_item(
        &mut self,
        after: Option<String>,
        values: &[String],
        now: Timestamp,
    ) -> Result<Vec<Effect>, FormError> {
        let title = values[0].clone();
        if title.is_empty() {
            return Ok(Vec::new());
        }
        let minutes = parse_minutes(&values[1])?;
        let kind = parse_kind(&values[2])?;
        let item = AgendaItem {
            id: crate::text::slug(&title),
            title,
            kind,
            minutes,
            prompts: Vec::new(),
            facilitator_note: String::new(),
            steps: Vec::new(),
            goals: Vec::new(),
            min_minutes: None,
            locked: None,
        };
        let ids = self.session.insert_items(after.as_deref(), vec![item], now);
        if let Some(id) = ids.into_iter().next() {
            self.select_in_schedule(id);
        }
        Ok(self.mark_changed())
    }
}
