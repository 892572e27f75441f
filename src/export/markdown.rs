//! The minutes as Markdown: headings, a table and lists, which paste cleanly into Teams,
//! OneNote or an e-mail.

use std::fmt::Write;

use super::{AgreementLine, Minutes, NoteLine};
use crate::i18n::Strings;

/// Text as Markdown shows it literally: `|` would end a table cell and `<` could start HTML
/// where the minutes are rendered; a line break stays inside its list item.
fn inline(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('<', "\\<")
        .replace('>', "\\>")
        .replace('\n', "  \n  ")
}

fn note(out: &mut String, s: &Strings, n: &NoteLine, with_item: bool) {
    let private = if n.private {
        format!(" [{}]", s.private_tag)
    } else {
        String::new()
    };
    let item = if with_item {
        format!(" ({})", n.item)
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        "- **{}**{private}{item}: {}",
        (s.group)(n.group),
        inline(&n.text)
    );
}

fn agreement(out: &mut String, s: &Strings, a: &AgreementLine, with_status: bool) {
    let status = if with_status {
        format!(" · **{}**", (s.status)(a.status))
    } else {
        String::new()
    };
    let comment = if a.comment.is_empty() {
        String::new()
    } else {
        format!(" – «{}»", inline(&a.comment))
    };
    let _ = writeln!(
        out,
        "- {} – {} · {}{status} · {}{comment}",
        inline(&a.text),
        (s.who)(&a.who),
        (s.due)(&a.due),
        a.origin_text(s)
    );
}

/// The minutes in Markdown, in `s`'s language.
pub fn markdown(m: &Minutes, s: &Strings) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", (s.minutes_title)(m.gathering, &m.title));
    let _ = writeln!(out, "**{}:** {}  ", s.minutes_program, m.program);
    let _ = writeln!(out, "**{}:** {}  ", s.minutes_date, m.date);
    if !m.place.is_empty() {
        let _ = writeln!(out, "**{}:** {}  ", s.info_place, m.place);
    }
    if !m.facilitator.is_empty() {
        let _ = writeln!(out, "**{}:** {}  ", s.info_facilitator, m.facilitator);
    }
    let _ = writeln!(out, "\n## {}\n", s.agenda);
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} |\n|---|---|---|---:|---:|",
        s.minutes_planned,
        s.minutes_actual,
        s.minutes_item,
        s.minutes_planned_min,
        s.minutes_actual_min
    );
    for row in &m.agenda {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            row.planned_start,
            row.actual_start.as_deref().unwrap_or("–"),
            inline(&row.title),
            row.planned_minutes,
            row.actual_minutes
                .map_or("–".to_string(), |m| m.to_string())
        );
    }
    let notes: Vec<_> = m
        .agenda
        .iter()
        .filter_map(|r| r.facilitator_note.as_ref().map(|n| (r, n)))
        .collect();
    if !notes.is_empty() {
        let _ = writeln!(out, "\n### {}\n", s.facilitator_note);
        for (row, n) in notes {
            let _ = writeln!(out, "- **{}:** {}", inline(&row.title), inline(n));
        }
    }
    if !m.highlights.is_empty() {
        let _ = writeln!(out, "\n## {}\n", s.highlights);
        for n in &m.highlights {
            note(&mut out, s, n, true);
        }
    }
    if !m.items.is_empty() {
        let _ = writeln!(out, "\n## {}", s.minutes_reflections);
        for item in &m.items {
            let _ = writeln!(out, "\n### {}", item.title);
            for (question, notes) in &item.questions {
                if let Some(q) = question {
                    let _ = writeln!(out, "\n*{}*\n", inline(q));
                } else {
                    let _ = writeln!(out);
                }
                for n in notes {
                    note(&mut out, s, n, false);
                }
            }
        }
    }
    if !m.parking.is_empty() {
        let _ = writeln!(out, "\n## {}\n", s.parking_lot);
        for n in &m.parking {
            note(&mut out, s, n, true);
        }
    }
    if !m.made.is_empty() {
        let _ = writeln!(out, "\n## {}\n", s.minutes_made);
        for a in &m.made {
            agreement(&mut out, s, a, false);
        }
    }
    if !m.reviewed.is_empty() {
        let _ = writeln!(out, "\n## {}\n", s.minutes_reviewed);
        for a in &m.reviewed {
            agreement(&mut out, s, a, true);
        }
    }
    let _ = writeln!(out, "\n## {}\n", s.minutes_between);
    if m.between.is_empty() {
        let _ = writeln!(out, "{}", s.no_open_agreements);
    }
    for a in &m.between {
        agreement(&mut out, s, a, false);
    }
    out
}
