//! The participants' agenda for a gathering ("handout"): program, gathering, date, place, the
//! clock times and titles, and the questions the room will see. Nothing private: no
//! facilitator's notes, no notes, no agreements. As Markdown to paste into an invitation, or as
//! one HTML page that prints on one sheet of A4.

use std::fmt::Write;

use chrono::{Duration, NaiveDate, NaiveTime};

use super::Format;
use crate::i18n::Strings;
use crate::model::{AgendaItem, GatheringPlan, Program, Session};

/// Everything the handout says.
#[derive(Debug, Clone, PartialEq)]
pub struct Handout {
    pub program: String,
    pub gathering: u32,
    pub title: String,
    /// `None` when the gathering has no date yet (no session prepared).
    pub date: Option<NaiveDate>,
    pub place: String,
    pub start: NaiveTime,
    pub end: NaiveTime,
    pub items: Vec<HandoutItem>,
}

/// One item as participants see it.
#[derive(Debug, Clone, PartialEq)]
pub struct HandoutItem {
    pub start: NaiveTime,
    pub title: String,
    pub minutes: u32,
    /// The reflection questions the room will see.
    pub prompts: Vec<String>,
}

impl Handout {
    /// The handout of `plan`, as `session` (prepared, or held) has it if there is one: its
    /// date, place and agenda, skipped items left out.
    pub fn of(program: &Program, plan: &GatheringPlan, session: Option<&Session>) -> Handout {
        let (agenda, start): (Vec<&AgendaItem>, NaiveTime) = match session {
            Some(s) => (
                s.agenda.iter().filter(|i| !s.is_skipped(&i.id)).collect(),
                s.start,
            ),
            None => (plan.agenda.iter().collect(), plan.start),
        };
        let mut at = start;
        let items = agenda
            .into_iter()
            .map(|item| {
                let minutes = session.map_or(item.minutes, |s| {
                    s.agenda
                        .iter()
                        .position(|i| i.id == item.id)
                        .map_or(item.minutes, |i| s.minutes_of(i))
                });
                let row = HandoutItem {
                    start: at,
                    title: item.title.clone(),
                    minutes,
                    prompts: item.prompts.iter().map(|p| p.text.clone()).collect(),
                };
                at += Duration::minutes(i64::from(minutes));
                row
            })
            .collect();
        Handout {
            program: program.title.clone(),
            gathering: plan.number,
            title: session.map_or(plan.title.clone(), |s| s.title.clone()),
            date: session.map(|s| s.date),
            place: session.map(|s| s.place.clone()).unwrap_or_default(),
            start,
            end: at,
            items,
        }
    }

    /// The handout laid out in `format`, in `s`'s language.
    pub fn write(&self, format: Format, s: &Strings) -> String {
        match format {
            Format::Md => self.markdown(s),
            Format::Html => self.html(s),
        }
    }

    /// "14.01.2027, 12:30–15:30, Biblioteket", or without the date when there is none.
    fn when(&self, s: &Strings) -> String {
        let mut parts = Vec::new();
        parts.push(
            self.date
                .map_or(s.handout_no_date.to_string(), |d| s.date(d)),
        );
        parts.push(format!(
            "{}–{}",
            self.start.format("%H:%M"),
            self.end.format("%H:%M")
        ));
        if !self.place.is_empty() {
            parts.push(self.place.clone());
        }
        parts.join(", ")
    }

    fn markdown(&self, s: &Strings) -> String {
        use super::markdown::line;
        let mut out = String::new();
        let heading = (s.gathering_heading)(self.gathering, &self.title);
        let _ = writeln!(out, "# {}\n", line(&heading));
        let _ = writeln!(
            out,
            "**{}** · {}\n",
            line(&self.program),
            line(&self.when(s))
        );
        for item in &self.items {
            let _ = writeln!(
                out,
                "- **{}** {} ({} min)",
                item.start.format("%H:%M"),
                line(&item.title),
                item.minutes
            );
            for p in &item.prompts {
                let _ = writeln!(out, "  - {}", line(p));
            }
        }
        out
    }

    fn html(&self, s: &Strings) -> String {
        use super::html::esc;
        let heading = (s.gathering_heading)(self.gathering, &self.title);
        let mut out = format!(
            "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title>\
             <style>{STYLE}</style></head><body><h1>{}</h1><p class=\"meta\"><b>{}</b> · {}</p>\
             <table><tbody>",
            s.html_lang,
            esc(&heading),
            esc(&heading),
            esc(&self.program),
            esc(&self.when(s))
        );
        for item in &self.items {
            let _ = write!(
                out,
                "<tr><td class=\"t\">{}</td><td><b>{}</b> <span class=\"m\">{} min</span>",
                item.start.format("%H:%M"),
                esc(&item.title),
                item.minutes
            );
            if !item.prompts.is_empty() {
                out.push_str("<ul>");
                for p in &item.prompts {
                    let _ = write!(out, "<li>{}</li>", esc(p));
                }
                out.push_str("</ul>");
            }
            out.push_str("</td></tr>");
        }
        out.push_str("</tbody></table></body></html>\n");
        out
    }
}

/// Compact enough for a whole gathering on one sheet of A4.
const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;\
font-size:11pt;line-height:1.3;color:#111}h1{font-size:1.4rem;margin:0 0 .3rem}\
.meta{color:#333;margin:0 0 1rem}table{border-collapse:collapse;width:100%}\
td{vertical-align:top;padding:.25rem .4rem;border-bottom:1px solid #ddd}td.t{width:3.2rem;\
font-variant-numeric:tabular-nums}.m{color:#666;font-size:.9em}ul{margin:.15rem 0 0;\
padding-left:1.1rem}li{font-size:.95em}@page{size:A4;margin:14mm}\
@media print{body{margin:0;max-width:none;font-size:10pt}tr{break-inside:avoid}}";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::store::catalog;

    #[test]
    fn the_handout_has_times_titles_and_questions_and_nothing_private() {
        let program = catalog::builtin().0.remove(0);
        let plan = program.gathering(1).unwrap().clone();
        let date = NaiveDate::from_ymd_opt(2027, 1, 14).unwrap();
        let mut session = Session::new(&program, &plan, "01-2027-01-14".into(), date);
        session.place = "Biblioteket".into();
        session.start = NaiveTime::from_hms_opt(12, 30, 0).unwrap();
        let skipped = session.agenda[1].title.clone();
        let t = crate::model::Timestamp::parse("2027-01-10T10:00:00+01:00").unwrap();
        session.toggle_skip(&session.agenda[1].id.clone(), t);
        let h = Handout::of(&program, &plan, Some(&session));
        let md = h.write(Format::Md, Lang::Nb.strings());
        assert!(
            md.contains("14\\.01\\.2027, 12:30–15:00, Biblioteket"),
            "{md}"
        );
        assert!(
            md.contains("- **12:30** Velkommen og innsjekk (15 min)"),
            "{md}"
        );
        assert!(!md.contains(&skipped), "{md}");
        let question = &plan.agenda[2].prompts[0].text;
        assert!(md.contains(&super::super::markdown::line(question)), "{md}");
        for item in &plan.agenda {
            if !item.facilitator_note.is_empty() {
                assert!(!md.contains(&super::super::markdown::line(&item.facilitator_note)));
            }
        }
        let page = h.write(Format::Html, Lang::En.strings());
        assert!(page.contains("@page{size:A4"), "{page}");
        assert!(page.contains("<td class=\"t\">12:30</td>"), "{page}");
        // Without a session: the plan's times, and no date yet.
        let md = Handout::of(&program, &plan, None).write(Format::Md, Lang::Nb.strings());
        assert!(md.contains("dato ikke satt, 13:00–15:50"), "{md}");
    }
}
