//! Small forms over the running gathering: the session's place and facilitator (`s`), and a
//! new agreement (`a`). One line per field; Tab, arrows and Enter move between fields; Esc or
//! Enter on the last field saves. A form whose input does not make sense stays open and says
//! why, so nothing typed is lost.

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::TextArea;

use super::Effect;
use super::run::Run;
use crate::model::{
    Commitment, Due, GroupLabel, Origin, Program, Status, StatusChange, Timestamp, Who,
};

/// What a form is for; fixes its fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    /// Place, facilitator.
    Info,
    /// Text, who, due.
    Agreement,
    /// A comment on the review of the carried agreement with this id.
    Comment(u32),
    /// Changes to the agreement with this id (text, who, due).
    EditAgreement(u32),
}

/// Why a form cannot be saved as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormError {
    /// The due field is neither empty nor a date.
    BadDate,
    /// The who field names a group outside 1–9.
    BadGroup,
}

/// An open form.
#[derive(Debug, Clone)]
pub struct Form {
    pub kind: FormKind,
    pub fields: Vec<TextArea<'static>>,
    pub focus: usize,
    pub error: Option<FormError>,
}

impl PartialEq for Form {
    fn eq(&self, other: &Self) -> bool {
        self.kind == other.kind
            && self.focus == other.focus
            && self.error == other.error
            && self.values() == other.values()
    }
}

fn line(text: &str) -> TextArea<'static> {
    let mut area = TextArea::new(vec![text.to_string()]);
    area.move_cursor(ratatui_textarea::CursorMove::End);
    area
}

impl Form {
    /// A form of `kind` with these starting values, one per field.
    pub fn new(kind: FormKind, values: &[&str]) -> Self {
        Form {
            kind,
            fields: values.iter().map(|v| line(v)).collect(),
            focus: 0,
            error: None,
        }
    }

    /// Each field's text, trimmed.
    pub fn values(&self) -> Vec<String> {
        self.fields
            .iter()
            .map(|f| f.lines().concat().trim().to_string())
            .collect()
    }
}

/// Reads the "who" field: empty means the group the notes go to (or everyone in plenary),
/// `alle`/`everyone` everyone, `3` or `gruppe 3` a group, anything else a role or name.
pub fn parse_who(text: &str, group: GroupLabel) -> Result<Who, FormError> {
    let lower = text.trim().to_lowercase();
    if lower.is_empty() {
        return Ok(match group {
            GroupLabel::Plenary => Who::Everyone,
            GroupLabel::Group(n) => Who::Group(n),
        });
    }
    if matches!(lower.as_str(), "alle" | "everyone" | "all") {
        return Ok(Who::Everyone);
    }
    let number = lower
        .strip_prefix("gruppe")
        .or_else(|| lower.strip_prefix("group"))
        .unwrap_or(&lower)
        .trim();
    if !number.is_empty() && number.chars().all(|c| c.is_ascii_digit()) {
        return match number.parse::<u8>() {
            Ok(n @ 1..=9) => Ok(Who::Group(n)),
            _ => Err(FormError::BadGroup),
        };
    }
    Ok(Who::Role(text.trim().to_string()))
}

/// Reads the "due" field: empty means before the next gathering; else a date as `23.11.2026`,
/// `23.11.26` or `2026-11-23`.
pub fn parse_due(text: &str) -> Result<Due, FormError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(Due::NextGathering);
    }
    // `%Y` would read "26" as the year 26, so a two-digit year gets its own format.
    let short_year = text.rsplit('.').next().is_some_and(|y| y.len() == 2);
    let format = if text.contains('-') {
        "%Y-%m-%d"
    } else if short_year {
        "%d.%m.%y"
    } else {
        "%d.%m.%Y"
    };
    NaiveDate::parse_from_str(text, format)
        .map(Due::Date)
        .map_err(|_| FormError::BadDate)
}

impl Run {
    /// Opens a form of `kind`, filled with what the session has.
    pub fn open_form(&mut self, kind: FormKind) {
        let place = self.session.place.clone();
        let facilitator = self.session.facilitator.clone();
        self.form = Some(match kind {
            FormKind::Info => Form::new(kind, &[&place, &facilitator]),
            FormKind::Agreement => Form::new(kind, &["", "", ""]),
            FormKind::Comment(_) => Form::new(kind, &[""]),
            FormKind::EditAgreement(id) => {
                let Some(c) = self.session.commitments.iter().find(|c| c.id == id) else {
                    return;
                };
                let who = match &c.who {
                    Who::Everyone => "alle".to_string(),
                    Who::Group(n) => n.to_string(),
                    Who::Role(r) | Who::Person(r) => r.clone(),
                };
                let due = match &c.due {
                    Due::NextGathering => String::new(),
                    Due::Date(d) => d.format("%d.%m.%Y").to_string(),
                };
                Form::new(kind, &[&c.text, &who, &due])
            }
        });
    }

    /// A key typed into the open form.
    pub fn form_key(&mut self, key: KeyEvent, now: Timestamp) -> Vec<Effect> {
        let Some(form) = &mut self.form else {
            return Vec::new();
        };
        let last = form.fields.len() - 1;
        match key.code {
            KeyCode::Esc => return self.submit_form(now),
            KeyCode::Enter if form.focus == last => return self.submit_form(now),
            KeyCode::Tab | KeyCode::Down | KeyCode::Enter => {
                form.focus = (form.focus + 1) % (last + 1)
            }
            KeyCode::BackTab | KeyCode::Up => form.focus = (form.focus + last) % (last + 1),
            _ => {
                form.fields[form.focus].input(key);
                form.error = None;
            }
        }
        Vec::new()
    }

    /// Saves what the form says and closes it; stays open with the reason if it cannot.
    pub fn submit_form(&mut self, now: Timestamp) -> Vec<Effect> {
        let Some(form) = self.form.take() else {
            return Vec::new();
        };
        let values = form.values();
        match form.kind {
            FormKind::Info => {
                if values[0] == self.session.place && values[1] == self.session.facilitator {
                    return Vec::new();
                }
                self.session.place = values[0].clone();
                self.session.facilitator = values[1].clone();
                self.mark_changed()
            }
            FormKind::Comment(id) => self.set_comment(id, values[0].clone(), now),
            FormKind::EditAgreement(id) => {
                let parsed = parse_who(&values[1], self.group)
                    .and_then(|who| parse_due(&values[2]).map(|due| (who, due)));
                match parsed {
                    Ok((who, due)) => {
                        let Some(c) = self.session.commitments.iter_mut().find(|c| c.id == id)
                        else {
                            return Vec::new();
                        };
                        // An agreement is ended by a status, not by emptying its text.
                        let text = if values[0].is_empty() {
                            c.text.clone()
                        } else {
                            values[0].clone()
                        };
                        if (c.text.as_str(), &c.who, &c.due) == (text.as_str(), &who, &due) {
                            return Vec::new();
                        }
                        c.text = text;
                        c.who = who;
                        c.due = due;
                        self.mark_changed()
                    }
                    Err(error) => {
                        self.form = Some(Form {
                            error: Some(error),
                            focus: if error == FormError::BadDate { 2 } else { 1 },
                            ..form
                        });
                        Vec::new()
                    }
                }
            }
            FormKind::Agreement => {
                if values[0].is_empty() {
                    // Nothing to agree on: a form left empty is simply closed.
                    return Vec::new();
                }
                let parsed = parse_who(&values[1], self.group)
                    .and_then(|who| parse_due(&values[2]).map(|due| (who, due)));
                match parsed {
                    Ok((who, due)) => self.add_agreement(values[0].clone(), who, due, now),
                    Err(error) => {
                        self.form = Some(Form {
                            error: Some(error),
                            focus: if error == FormError::BadDate { 2 } else { 1 },
                            ..form
                        });
                        Vec::new()
                    }
                }
            }
        }
    }

    /// Adds an agreement made at the current item by the current group, open from now.
    pub fn add_agreement(
        &mut self,
        text: String,
        who: Who,
        due: Due,
        now: Timestamp,
    ) -> Vec<Effect> {
        let group = match self.group {
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
                .commitments
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
        let id = self
            .session
            .commitments
            .iter()
            .map(|c| c.id)
            .max()
            .unwrap_or(0)
            + 1;
        let origin = Origin {
            session: self.session.id.clone(),
            gathering: self.session.gathering,
            item: item.id.clone(),
            item_title: item.title.clone(),
            group,
        };
        self.session.commitments.push(Commitment {
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
    use chrono::NaiveDate;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use super::{FormError, FormKind, parse_due, parse_who};
    use crate::app::testing::{running, t};
    use crate::app::{Effect, Msg, State, update};
    use crate::model::{Due, GroupLabel, Status, Who};

    fn key(code: KeyCode) -> Msg {
        Msg::FormKey(KeyEvent::new(code, KeyModifiers::NONE))
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
    fn place_and_facilitator_are_edited_and_saved_on_esc() {
        let mut s = running();
        update(&mut s, Msg::OpenForm(FormKind::Info), t(0));
        typed(&mut s, "Gymsalen");
        update(&mut s, key(KeyCode::Tab), t(0));
        typed(&mut s, "Åse Nilsen");
        assert_eq!(update(&mut s, key(KeyCode::Esc), t(1)), vec![Effect::Save]);
        let session = &s.run().unwrap().session;
        assert_eq!(
            (session.place.as_str(), session.facilitator.as_str()),
            ("Gymsalen", "Åse Nilsen")
        );
        assert!(s.run().unwrap().form.is_none());
        // Nothing changed: nothing to save.
        update(&mut s, Msg::OpenForm(FormKind::Info), t(2));
        assert_eq!(update(&mut s, key(KeyCode::Esc), t(2)), vec![]);
    }

    #[test]
    fn an_agreement_is_made_for_the_current_item_and_group() {
        let mut s = running();
        update(&mut s, Msg::SetGroup(GroupLabel::Group(2)), t(0));
        update(&mut s, Msg::OpenForm(FormKind::Agreement), t(0));
        typed(&mut s, "Prøve en LINK-økt i 6B");
        update(&mut s, key(KeyCode::Enter), t(0));
        update(&mut s, key(KeyCode::Enter), t(0));
        typed(&mut s, "til jul");
        // A date that is no date: the form stays, says why, and keeps the text.
        assert_eq!(update(&mut s, key(KeyCode::Enter), t(1)), vec![]);
        let form = s.run().unwrap().form.clone().unwrap();
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
        let a = &s.run().unwrap().session.commitments[0];
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
            update(&mut s, Msg::Next, t(i as i64 * 60));
        }
        let run = s.run().unwrap();
        assert!(run.session.is_finished());
        let link: Vec<_> = run
            .session
            .commitments
            .iter()
            .filter(|c| c.text.contains("LINK-økt"))
            .collect();
        assert_eq!(link.len(), 1);
        assert_eq!(
            (link[0].who.clone(), link[0].due.clone()),
            (Who::Everyone, Due::NextGathering)
        );
        // Back and ended again: still one.
        update(&mut s, Msg::Back, t(10_000));
        update(&mut s, Msg::Next, t(10_060));
        assert_eq!(s.run().unwrap().session.commitments.len(), 1);
    }

    #[test]
    fn the_last_gathering_makes_no_agreement_for_a_next_one() {
        let mut s = running();
        if let crate::app::Screen::Run(run) = &mut s.screen {
            run.session.gathering = 6;
        }
        let items = s.run().unwrap().session.agenda.len();
        for i in 0..items {
            update(&mut s, Msg::Next, t(i as i64 * 60));
        }
        assert!(s.run().unwrap().session.commitments.is_empty());
    }

    #[test]
    fn an_agreement_is_selected_with_tab_and_edited_with_e() {
        let mut s = running();
        // Tab with no agreements: the notes keep the focus.
        update(&mut s, Msg::SwitchList, t(0));
        assert!(!s.run().unwrap().agreements_focused);
        update(&mut s, Msg::SetGroup(GroupLabel::Group(4)), t(0));
        update(&mut s, Msg::OpenForm(FormKind::Agreement), t(0));
        typed(&mut s, "Lese om stress");
        update(&mut s, key(KeyCode::Esc), t(0));
        update(&mut s, Msg::SwitchList, t(1));
        assert!(s.run().unwrap().agreements_focused);
        update(&mut s, Msg::EditNote, t(1));
        let form = s.run().unwrap().form.clone().unwrap();
        assert_eq!(form.kind, FormKind::EditAgreement(1));
        assert_eq!(form.values(), ["Lese om stress", "4", ""]);
        update(&mut s, key(KeyCode::Tab), t(1));
        update(&mut s, key(KeyCode::Tab), t(1));
        typed(&mut s, "1.12.2026");
        assert_eq!(
            update(&mut s, key(KeyCode::Enter), t(2)),
            vec![Effect::Save]
        );
        let a = &s.run().unwrap().session.commitments[0];
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
        update(&mut s, Msg::OpenForm(FormKind::Agreement), t(0));
        assert_eq!(update(&mut s, key(KeyCode::Esc), t(0)), vec![]);
        assert!(s.run().unwrap().session.commitments.is_empty());
    }
}
