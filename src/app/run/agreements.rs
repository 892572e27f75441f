//! What the forms do to the session: the place, facilitator, date and times (`s`), a new
//! agreement (`a`), a change to one (`e` on a selected agreement), and the agreements the
//! program's rules make when a gathering ends. (A new agenda item's form is
//! [`super::schedule`]'s.) The form itself is [`crate::app::overlay::form`].

use ratatui::crossterm::event::KeyEvent;

use super::Run;
use crate::app::msg::Effect;
use crate::app::overlay::form::{FormError, parse_date, parse_due, parse_time, parse_who};
use crate::app::overlay::{Form, FormKind, FormStep, Overlay};
use crate::model::{
    Agreement, AgreementId, Due, GroupLabel, Origin, Program, Status, StatusChange, Timestamp, Who,
};

impl Run {
    /// Opens a form of `kind`, filled with what the session has.
    pub fn open_form(&mut self, kind: FormKind) {
        let session = &self.session;
        let time = |t: chrono::NaiveTime| t.format("%H:%M").to_string();
        let form = match &kind {
            FormKind::Info => Form::new(
                kind,
                &[
                    &session.place,
                    &session.facilitator,
                    &self.lang.strings().date(session.date),
                    &time(session.start),
                    &session.must_end.map(time).unwrap_or_default(),
                ],
            ),
            FormKind::NewItem(_) => Form::new(kind, &["", "", ""]),
            FormKind::Agreement => Form::new(kind, &["", "", ""]),
            FormKind::Comment(_) => Form::new(kind, &[""]),
            FormKind::EditAgreement(id) => {
                let Some(c) = self.session.agreements.iter().find(|c| c.id == *id) else {
                    return;
                };
                // In the words the form reads back (`parse_who`, `parse_due`).
                let s = self.lang.strings();
                let who = match &c.who {
                    Who::Group(n) => n.to_string(),
                    who => (s.who)(who),
                };
                let due = match &c.due {
                    Due::NextGathering => String::new(),
                    Due::Date(d) => s.date(*d),
                };
                Form::new(kind, &[&c.text, &who, &due])
            }
        };
        self.overlays.open(Overlay::Form(form));
    }

    /// A key typed into the open form.
    pub fn form_key(&mut self, key: KeyEvent, now: Timestamp) -> Vec<Effect> {
        match self.overlays.form_mut().map(|form| form.key(key)) {
            Some(FormStep::Submit) => self.submit_form(now),
            _ => Vec::new(),
        }
    }

    /// Saves what the form says and closes it; stays open with the reason if it cannot.
    pub fn submit_form(&mut self, now: Timestamp) -> Vec<Effect> {
        let Some(form) = self.overlays.take_form() else {
            return Vec::new();
        };
        let values = form.values();
        let done = match form.kind.clone() {
            FormKind::Info => {
                // Preparing, a date that has passed is asked about once: submitted again as it
                // is, it is meant.
                let asked = form.error == Some(FormError::PastDate);
                self.set_info(&values, now.0.date_naive(), asked)
            }
            FormKind::NewItem(after) => self.new_item(after, &values, now),
            FormKind::Comment(id) => Ok(self.set_comment(&id, values[0].clone(), now)),
            FormKind::EditAgreement(id) => self.edit_agreement(&id, &values),
            // Nothing to agree on: a form left empty is simply closed.
            FormKind::Agreement if values[0].is_empty() => Ok(Vec::new()),
            FormKind::Agreement => self
                .who_and_due(&values)
                .map(|(who, due)| self.add_agreement(values[0].clone(), who, due, now)),
        };
        done.unwrap_or_else(|error| {
            self.overlays.open(Overlay::Form(form.refused(error)));
            Vec::new()
        })
    }

    /// The place, facilitator, date, start and "must end by" of the session (place, facilitator
    /// and the end may be empty; the date and start may not).
    fn set_info(
        &mut self,
        values: &[String],
        today: chrono::NaiveDate,
        past_ok: bool,
    ) -> Result<Vec<Effect>, FormError> {
        let date = parse_date(&values[2]).map_err(|_| FormError::BadDay)?;
        if self.preparing && date < today && date != self.session.date && !past_ok {
            return Err(FormError::PastDate);
        }
        let start = parse_time(&values[3])
            .flatten()
            .ok_or(FormError::BadTime(3))?;
        let must_end = parse_time(&values[4]).ok_or(FormError::BadTime(4))?;
        let s = &mut self.session;
        let was = (&s.place, &s.facilitator, s.date, s.start, s.must_end);
        if was == (&values[0], &values[1], date, start, must_end) {
            return Ok(Vec::new());
        }
        s.place = values[0].clone();
        s.facilitator = values[1].clone();
        (s.date, s.start, s.must_end) = (date, start, must_end);
        Ok(self.mark_changed())
    }

    /// The "who" and "due" fields of an agreement form (text, who, due), read.
    fn who_and_due(&self, values: &[String]) -> Result<(Who, Due), FormError> {
        let who = parse_who(&values[1], self.screen.group)?;
        Ok((who, parse_due(&values[2])?))
    }

    /// Changes an agreement, made here or carried (by `e` in the review), to what the form
    /// says.
    fn edit_agreement(
        &mut self,
        id: &AgreementId,
        values: &[String],
    ) -> Result<Vec<Effect>, FormError> {
        let (who, due) = self.who_and_due(values)?;
        let Some(c) = self.session.agreements.iter_mut().find(|c| c.id == *id) else {
            return Ok(Vec::new());
        };
        // An agreement is ended by a status, not by emptying its text.
        let text = if values[0].is_empty() {
            c.text.clone()
        } else {
            values[0].clone()
        };
        if (c.text.as_str(), &c.who, &c.due) == (text.as_str(), &who, &due) {
            return Ok(Vec::new());
        }
        c.text = text;
        c.who = who;
        c.due = due;
        Ok(self.mark_changed())
    }

    /// Adds an agreement made at the current item by the current group, open from now.
    pub fn add_agreement(
        &mut self,
        text: String,
        who: Who,
        due: Due,
        now: Timestamp,
    ) -> Vec<Effect> {
        let group = match self.screen.group {
            GroupLabel::Plenary => None,
            g => Some(g),
        };
        self.push_agreement(text, who, due, group, now)
    }

    /// When a gathering ends, the program's rules for the time until the next one become
    /// agreements for everyone (the built-in program: a LINK-økt in every class). Not after the
    /// last gathering, and never twice.
    pub fn add_between_rules(&mut self, program: &Program, now: Timestamp) -> Vec<Effect> {
        let last = program
            .gatherings
            .iter()
            .map(|g| g.number)
            .max()
            .unwrap_or(0);
        if self.session.gathering >= last {
            return Vec::new();
        }
        let mut effects = Vec::new();
        for rule in &program.between {
            let made = self
                .session
                .agreements
                .iter()
                .any(|c| c.text == rule.text && c.origin.session == self.session.id);
            if !made {
                effects = self.push_agreement(
                    rule.text.clone(),
                    rule.who.clone(),
                    Due::NextGathering,
                    None,
                    now,
                );
            }
        }
        effects
    }

    fn push_agreement(
        &mut self,
        text: String,
        who: Who,
        due: Due,
        group: Option<GroupLabel>,
        now: Timestamp,
    ) -> Vec<Effect> {
        let Some(item) = self.session.current_item() else {
            return Vec::new();
        };
        let id = self.session.next_agreement_id();
        let origin = Origin {
            session: self.session.id.clone(),
            gathering: self.session.gathering,
            item: item.id.clone(),
            item_title: item.title.clone(),
            group,
        };
        self.session.agreements.push(Agreement {
            id,
            text,
            who,
            due,
            origin,
            history: vec![StatusChange {
                status: Status::Open,
                at: now,
                comment: String::new(),
            }],
        });
        self.mark_changed()
    }
}

#[cfg(test)]
mod tests {
    use crate::app::{OverlayMsg, RunMsg};
    use chrono::NaiveDate;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use super::{FormError, FormKind, parse_due, parse_who};
    use crate::app::testing::{running, t};
    use crate::app::{Effect, Msg, State, update};
    use crate::model::{Due, GroupLabel, Status, Who};

    fn key(code: KeyCode) -> Msg {
        Msg::Overlay(OverlayMsg::FormKey(KeyEvent::new(code, KeyModifiers::NONE)))
    }

    fn typed(s: &mut State, text: &str) {
        for c in text.chars() {
            update(s, key(KeyCode::Char(c)), t(0));
        }
    }

    #[test]
    fn who_and_due_read_as_a_facilitator_writes_them() {
        let g3 = GroupLabel::Group(3);
        assert_eq!(parse_who("", g3), Ok(Who::Group(3)));
        assert_eq!(parse_who("", GroupLabel::Plenary), Ok(Who::Everyone));
        assert_eq!(parse_who("Alle", g3), Ok(Who::Everyone));
        assert_eq!(parse_who("gruppe 5", g3), Ok(Who::Group(5)));
        assert_eq!(parse_who("7", g3), Ok(Who::Group(7)));
        assert_eq!(parse_who("12", g3), Err(FormError::BadGroup));
        assert_eq!(parse_who("rektor", g3), Ok(Who::Role("rektor".into())));
        let date = NaiveDate::from_ymd_opt(2026, 12, 14).unwrap();
        assert_eq!(parse_due(""), Ok(Due::NextGathering));
        assert_eq!(parse_due("14.12.2026"), Ok(Due::Date(date)));
        assert_eq!(parse_due("14.12.26"), Ok(Due::Date(date)));
        assert_eq!(parse_due("2026-12-14"), Ok(Due::Date(date)));
        assert_eq!(parse_due("til jul"), Err(FormError::BadDate));
    }

    #[test]
    fn date_start_and_must_end_are_edited_and_bad_ones_say_which_format_is_expected() {
        let mut s = running();
        update(&mut s, Msg::Run(RunMsg::OpenForm(FormKind::Info)), t(0));
        let form = s.run().unwrap().overlays.form().cloned().unwrap();
        assert_eq!(form.values()[2..], ["23.11.2026", "13:00", ""]);
        let field = |s: &mut State, n: usize, text: &str| {
            while s.run().unwrap().overlays.form().unwrap().focus != n {
                update(s, key(KeyCode::Tab), t(0));
            }
            for _ in 0..20 {
                update(s, key(KeyCode::Backspace), t(0));
            }
            typed(s, text);
        };
        field(&mut s, 2, "14.01.2027");
        field(&mut s, 3, "kvart over ett");
        field(&mut s, 4, "15.45");
        assert_eq!(update(&mut s, key(KeyCode::Esc), t(1)), vec![]);
        let form = s.run().unwrap().overlays.form().cloned().unwrap();
        assert_eq!((form.error, form.focus), (Some(FormError::BadTime(3)), 3));
        assert_eq!(form.values()[3], "kvart over ett", "nothing typed is lost");
        field(&mut s, 3, "13:15");
        field(&mut s, 2, "");
        update(&mut s, key(KeyCode::Esc), t(1));
        let form = s.run().unwrap().overlays.form().cloned().unwrap();
        assert_eq!((form.error, form.focus), (Some(FormError::BadDay), 2));
        field(&mut s, 2, "2027-01-14");
        assert_eq!(update(&mut s, key(KeyCode::Esc), t(1)), vec![Effect::Save]);
        let session = &s.run().unwrap().session;
        assert_eq!(session.date, NaiveDate::from_ymd_opt(2027, 1, 14).unwrap());
        assert_eq!(session.start.format("%H:%M").to_string(), "13:15");
        assert_eq!(
            session.must_end.map(|t| t.format("%H:%M").to_string()),
            Some("15:45".into())
        );
    }

    #[test]
    fn place_and_facilitator_are_edited_and_saved_on_esc() {
        let mut s = running();
        update(&mut s, Msg::Run(RunMsg::OpenForm(FormKind::Info)), t(0));
        typed(&mut s, "Gymsalen");
        update(&mut s, key(KeyCode::Tab), t(0));
        typed(&mut s, "Åse Nilsen");
        assert_eq!(update(&mut s, key(KeyCode::Esc), t(1)), vec![Effect::Save]);
        let session = &s.run().unwrap().session;
        assert_eq!(
            (session.place.as_str(), session.facilitator.as_str()),
            ("Gymsalen", "Åse Nilsen")
        );
        assert!(s.run().unwrap().overlays.form().is_none());
        // Nothing changed: nothing to save.
        update(&mut s, Msg::Run(RunMsg::OpenForm(FormKind::Info)), t(2));
        assert_eq!(update(&mut s, key(KeyCode::Esc), t(2)), vec![]);
    }

    #[test]
    fn an_agreement_is_made_for_the_current_item_and_group() {
        let mut s = running();
        update(
            &mut s,
            Msg::Run(RunMsg::SetGroup(GroupLabel::Group(2))),
            t(0),
        );
        update(
            &mut s,
            Msg::Run(RunMsg::OpenForm(FormKind::Agreement)),
            t(0),
        );
        typed(&mut s, "Prøve en LINK-økt i 6B");
        update(&mut s, key(KeyCode::Enter), t(0));
        update(&mut s, key(KeyCode::Enter), t(0));
        typed(&mut s, "til jul");
        // A date that is no date: the form stays, says why, and keeps the text.
        assert_eq!(update(&mut s, key(KeyCode::Enter), t(1)), vec![]);
        let form = s.run().unwrap().overlays.form().cloned().unwrap();
        assert_eq!(form.error, Some(FormError::BadDate));
        assert_eq!(form.values()[0], "Prøve en LINK-økt i 6B");
        for _ in 0.."til jul".len() {
            update(&mut s, key(KeyCode::Backspace), t(1));
        }
        typed(&mut s, "14.12.2026");
        assert_eq!(
            update(&mut s, key(KeyCode::Enter), t(2)),
            vec![Effect::Save]
        );
        let a = &s.run().unwrap().session.agreements[0];
        assert_eq!(a.text, "Prøve en LINK-økt i 6B");
        assert_eq!(a.who, Who::Group(2));
        assert_eq!(
            a.due,
            Due::Date(NaiveDate::from_ymd_opt(2026, 12, 14).unwrap())
        );
        assert_eq!(a.origin.item, "velkommen");
        assert_eq!(a.origin.group, Some(GroupLabel::Group(2)));
        assert_eq!(a.status(), Status::Open);
    }

    #[test]
    fn ending_a_gathering_turns_the_between_rules_into_agreements_once() {
        let mut s = running();
        let items = s.run().unwrap().session.agenda.len();
        for i in 0..items {
            update(&mut s, Msg::Run(RunMsg::Next), t(i as i64 * 60));
        }
        let run = s.run().unwrap();
        assert!(run.session.is_finished());
        let link: Vec<_> = run
            .session
            .agreements
            .iter()
            .filter(|c| c.text.contains("LINK-økt"))
            .collect();
        assert_eq!(link.len(), 1);
        assert_eq!(
            (link[0].who.clone(), link[0].due.clone()),
            (Who::Everyone, Due::NextGathering)
        );
        // Back and ended again: still one.
        update(&mut s, Msg::Run(RunMsg::Back), t(10_000));
        update(&mut s, Msg::Run(RunMsg::Next), t(10_060));
        assert_eq!(s.run().unwrap().session.agreements.len(), 1);
    }

    #[test]
    fn the_last_gathering_makes_no_agreement_for_a_next_one() {
        let mut s = running();
        if let crate::app::Screen::Run(run) = &mut s.screen {
            run.session.gathering = 6;
        }
        let items = s.run().unwrap().session.agenda.len();
        for i in 0..items {
            update(&mut s, Msg::Run(RunMsg::Next), t(i as i64 * 60));
        }
        assert!(s.run().unwrap().session.agreements.is_empty());
    }

    #[test]
    fn an_agreement_is_selected_with_tab_and_edited_with_e() {
        let mut s = running();
        // Tab with no agreements: the notes keep the focus.
        update(&mut s, Msg::Run(RunMsg::SwitchList), t(0));
        assert!(!s.run().unwrap().screen.agreements_focused);
        update(
            &mut s,
            Msg::Run(RunMsg::SetGroup(GroupLabel::Group(4))),
            t(0),
        );
        update(
            &mut s,
            Msg::Run(RunMsg::OpenForm(FormKind::Agreement)),
            t(0),
        );
        typed(&mut s, "Lese om stress");
        update(&mut s, key(KeyCode::Esc), t(0));
        update(&mut s, Msg::Run(RunMsg::SwitchList), t(1));
        assert!(s.run().unwrap().screen.agreements_focused);
        update(&mut s, Msg::Run(RunMsg::EditNote), t(1));
        let form = s.run().unwrap().overlays.form().cloned().unwrap();
        assert_eq!(form.kind, FormKind::EditAgreement("01-2026-11-23/1".into()));
        assert_eq!(form.values(), ["Lese om stress", "4", ""]);
        update(&mut s, key(KeyCode::Tab), t(1));
        update(&mut s, key(KeyCode::Tab), t(1));
        typed(&mut s, "1.12.2026");
        assert_eq!(
            update(&mut s, key(KeyCode::Enter), t(2)),
            vec![Effect::Save]
        );
        let a = &s.run().unwrap().session.agreements[0];
        assert_eq!(
            (a.text.as_str(), &a.who),
            ("Lese om stress", &Who::Group(4))
        );
        assert_eq!(
            a.due,
            Due::Date(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap())
        );
        assert_eq!(a.history.len(), 1, "editing is not a status change");
    }

    #[test]
    fn an_empty_agreement_form_closes_without_an_agreement() {
        let mut s = running();
        update(
            &mut s,
            Msg::Run(RunMsg::OpenForm(FormKind::Agreement)),
            t(0),
        );
        assert_eq!(update(&mut s, key(KeyCode::Esc), t(0)), vec![]);
        assert!(s.run().unwrap().session.agreements.is_empty());
    }
}
