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
        // Preparing, the panel is the screen: closing it is done preparing, once it is saved.
        if self.preparing && panel.pane == Pane::Agenda && msg == ScheduleMsg::Back {
            self.leave = true;
            return self.quit_now();
        }
        let selected = panel.selected.clone().unwrap_or_default();
        // Where the selection stood, for the nearest item to take it if this one goes.
        let near = panel.index(&self.session).unwrap_or(0);
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
                let first = ids.and_then(|ids| ids.into_iter().next());
                let inserted = first.is_some();
                if let Some(first) = first {
                    self.select_in_schedule(first);
                }
                inserted
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
            panel.keep_selection(&self.session, near);
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

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::KeyCode;

    use crate::app::keys::Mode;
    use crate::app::testing::{press, running, typed};
    use crate::app::{Effect, Pane, State, View};
    use crate::model::session::AgendaMark;

    fn ids(s: &State) -> Vec<String> {
        let run = s.run().unwrap();
        run.session.agenda.iter().map(|i| i.id.clone()).collect()
    }

    fn selected(s: &State) -> Option<String> {
        s.run().unwrap().overlays.schedule()?.selected.clone()
    }

    /// Gathering 1 begun at 13:00 and on its second item since 13:15, the panel open.
    fn on_the_day() -> State {
        let mut s = running();
        press(&mut s, KeyCode::Char(' '), 0);
        press(&mut s, KeyCode::Char('n'), 15 * 60);
        press(&mut s, KeyCode::Char('t'), 15 * 60);
        s
    }

    #[test]
    fn t_opens_the_panel_over_the_facilitators_view_and_esc_or_t_closes_it() {
        let mut s = running();
        press(&mut s, KeyCode::Char('p'), 0);
        press(&mut s, KeyCode::Char('t'), 0);
        assert_eq!(Mode::of(&s), Mode::Schedule);
        assert_eq!(s.run().unwrap().screen.view, View::Facilitator);
        press(&mut s, KeyCode::Esc, 0);
        assert_eq!(Mode::of(&s), Mode::Running);
        press(&mut s, KeyCode::Char('t'), 0);
        press(&mut s, KeyCode::Char('t'), 0);
        assert_eq!(Mode::of(&s), Mode::Running);
    }

    #[test]
    fn arrows_select_only_items_not_yet_held() {
        let mut s = on_the_day();
        let agenda = ids(&s);
        assert_eq!(selected(&s).as_ref(), Some(&agenda[2]));
        press(&mut s, KeyCode::Up, 900);
        assert_eq!(
            selected(&s).as_ref(),
            Some(&agenda[2]),
            "the current item stays"
        );
        press(&mut s, KeyCode::Char('j'), 900);
        press(&mut s, KeyCode::Down, 900);
        assert_eq!(selected(&s).as_ref(), Some(&agenda[4]));
        press(&mut s, KeyCode::Char('k'), 900);
        assert_eq!(selected(&s).as_ref(), Some(&agenda[3]));
    }

    #[test]
    fn h_skips_and_takes_back_and_n_passes_over_what_is_skipped() {
        let mut s = on_the_day();
        let agenda = ids(&s);
        assert_eq!(press(&mut s, KeyCode::Char('h'), 960), vec![Effect::Save]);
        let run = s.run().unwrap();
        assert_eq!(
            run.session.skipped,
            vec![AgendaMark {
                item: agenda[2].clone(),
                at: crate::app::testing::t(960)
            }]
        );
        press(&mut s, KeyCode::Esc, 960);
        press(&mut s, KeyCode::Char('n'), 1000);
        assert_eq!(s.run().unwrap().session.current, agenda[3]);
        // Not the current item: nothing happens, nothing is saved.
        press(&mut s, KeyCode::Char('t'), 1000);
        press(&mut s, KeyCode::Up, 1000);
        assert_eq!(selected(&s).as_ref(), Some(&agenda[4]));
    }

    #[test]
    fn shift_moves_and_plus_minus_change_the_selected_items_minutes() {
        let mut s = on_the_day();
        let agenda = ids(&s);
        press(&mut s, KeyCode::Char('J'), 960);
        assert_eq!(ids(&s)[2..4], [agenda[3].clone(), agenda[2].clone()]);
        assert_eq!(
            selected(&s).as_ref(),
            Some(&agenda[2]),
            "the selection moves with it"
        );
        press(&mut s, KeyCode::Char('K'), 960);
        assert_eq!(ids(&s), agenda);
        let before = s.run().unwrap().session.minutes_of(2);
        typed(&mut s, "+++-", 960);
        let session = &s.run().unwrap().session;
        assert_eq!(session.minutes_of(2), before + 2);
        assert_eq!(session.agenda[2].minutes, before, "the plan stays");
    }

    #[test]
    fn m_inserts_a_module_after_the_selected_item_and_x_removes_it() {
        let mut s = on_the_day();
        let modules = s.run().unwrap().modules.clone();
        assert!(
            modules.len() > 1,
            "the built-in program has its optional modules"
        );
        press(&mut s, KeyCode::Char('m'), 960);
        assert_eq!(Mode::of(&s), Mode::Modules);
        press(&mut s, KeyCode::Down, 960);
        assert_eq!(press(&mut s, KeyCode::Enter, 960), vec![Effect::Save]);
        assert_eq!(Mode::of(&s), Mode::Schedule);
        let run = s.run().unwrap();
        let module = &modules[1];
        let inserted = &run.session.agenda[3..3 + module.items.len()];
        for (got, from) in inserted.iter().zip(&module.items) {
            assert_eq!((&got.title, &got.prompts), (&from.title, &from.prompts));
            assert!(run.session.is_inserted(&got.id));
        }
        assert_eq!(selected(&s).as_ref(), Some(&inserted[0].id));
        let first = inserted[0].id.clone();
        press(&mut s, KeyCode::Char('x'), 970);
        assert!(!ids(&s).contains(&first));
        // An item of the plan is not removed.
        let before = ids(&s);
        press(&mut s, KeyCode::Up, 970);
        press(&mut s, KeyCode::Up, 970);
        assert_eq!(press(&mut s, KeyCode::Char('x'), 970), vec![]);
        assert_eq!(ids(&s), before);
        // Esc leaves the modules without inserting.
        press(&mut s, KeyCode::Char('m'), 970);
        press(&mut s, KeyCode::Esc, 970);
        assert_eq!((Mode::of(&s), ids(&s)), (Mode::Schedule, before));
    }

    #[test]
    fn l_adds_a_new_item_from_a_form_that_refuses_bad_minutes_and_kinds() {
        let mut s = on_the_day();
        press(&mut s, KeyCode::Char('l'), 960);
        assert_eq!(Mode::of(&s), Mode::Form);
        typed(&mut s, "Lek i gymsalen", 960);
        press(&mut s, KeyCode::Tab, 960);
        typed(&mut s, "700", 960);
        press(&mut s, KeyCode::Tab, 960);
        typed(&mut s, "øv", 960);
        press(&mut s, KeyCode::Esc, 960);
        let form = s.run().unwrap().overlays.form().cloned().unwrap();
        assert_eq!(form.error, Some(crate::app::overlay::FormError::BadMinutes));
        assert_eq!(
            form.values(),
            ["Lek i gymsalen", "700", "øv"],
            "nothing typed is lost"
        );
        for _ in 0..3 {
            press(&mut s, KeyCode::Backspace, 960);
        }
        typed(&mut s, "10", 960);
        press(&mut s, KeyCode::Esc, 960);
        assert_eq!(Mode::of(&s), Mode::Schedule);
        let run = s.run().unwrap();
        let item = &run.session.agenda[3];
        assert_eq!((item.id.as_str(), item.minutes), ("lek-i-gymsalen", 10));
        assert_eq!(item.kind, crate::model::ItemKind::Exercise);
        assert!(run.session.is_inserted("lek-i-gymsalen"));
    }

    #[test]
    fn f_proposes_and_enter_accepts_while_esc_leaves_the_agenda_as_it_was() {
        let mut s = on_the_day();
        // The second item ran an hour over.
        let late = 75 * 60;
        press(&mut s, KeyCode::Char('f'), late);
        assert_eq!(Mode::of(&s), Mode::Proposal);
        let Some(crate::app::overlay::Schedule {
            pane: Pane::Proposal(Some(proposal)),
            ..
        }) = s.run().unwrap().overlays.schedule().cloned()
        else {
            panic!("a proposal");
        };
        let before = s.run().unwrap().session.clone();
        press(&mut s, KeyCode::Esc, late);
        assert_eq!(s.run().unwrap().session, before);
        press(&mut s, KeyCode::Char('f'), late);
        assert_eq!(press(&mut s, KeyCode::Enter, late), vec![Effect::Save]);
        let session = &s.run().unwrap().session;
        let day = crate::model::schedule::project(session, crate::app::testing::t(late));
        assert_eq!(day.end, proposal.end);
        assert!(proposal.end <= proposal.target);
        assert_eq!(Mode::of(&s), Mode::Schedule);
    }

    #[test]
    fn a_day_on_time_gets_nothing_to_accept() {
        let mut s = on_the_day();
        press(&mut s, KeyCode::Char('f'), 960);
        assert_eq!(Mode::of(&s), Mode::Proposal);
        assert_eq!(press(&mut s, KeyCode::Enter, 960), vec![]);
    }

    #[test]
    fn preparing_the_panel_is_the_screen_and_esc_goes_home_once_saved() {
        use crate::app::{Msg, Opened, Screen, SystemMsg, update};
        let s = running();
        let run = s.run().unwrap();
        let mut opened = Opened::new(run.file.clone(), run.session.clone());
        opened.preparing = true;
        let mut s = State::new(crate::i18n::Lang::Nb, s.programs.clone(), vec![]);
        let at = crate::app::testing::t(-86_400);
        update(
            &mut s,
            Msg::System(SystemMsg::Opened(Ok(Box::new(opened)))),
            at,
        );
        assert_eq!(Mode::of(&s), Mode::Schedule);
        assert!(!s.run().unwrap().modules.is_empty());
        // Before the day: the changes are the plan.
        press(&mut s, KeyCode::Char('+'), -86_400);
        let session = &s.run().unwrap().session;
        assert_eq!(session.agenda[0].minutes, 16);
        assert!(session.timing.is_empty(), "not begun");
        // The timer keys are not there.
        press(&mut s, KeyCode::Char(' '), -86_400);
        assert!(s.run().unwrap().session.timing.is_empty());
        // A date that has passed is asked about once.
        press(&mut s, KeyCode::Char('s'), -86_400);
        press(&mut s, KeyCode::Tab, -86_400);
        press(&mut s, KeyCode::Tab, -86_400);
        for _ in 0..12 {
            press(&mut s, KeyCode::Backspace, -86_400);
        }
        typed(&mut s, "01.09.2026", -86_400);
        press(&mut s, KeyCode::Esc, -86_400);
        let form = s.run().unwrap().overlays.form().cloned().unwrap();
        assert_eq!(form.error, Some(crate::app::overlay::FormError::PastDate));
        press(&mut s, KeyCode::Esc, -86_400);
        assert!(s.run().unwrap().overlays.form().is_none());
        let date = s.run().unwrap().session.date;
        assert_eq!(date, chrono::NaiveDate::from_ymd_opt(2026, 9, 1).unwrap());
        // Esc: saved first, then home.
        assert_eq!(press(&mut s, KeyCode::Esc, -86_400), vec![Effect::Save]);
        assert!(s.run().is_some(), "waits for the save");
        let effects = crate::app::testing::saved(&mut s, Ok(100), -86_400);
        assert_eq!(effects, vec![Effect::Closed]);
        assert!(matches!(s.screen, Screen::Home));
        assert!(!s.quit);
    }
}
