//! The minutes as Markdown: headings, a table and lists, which paste cleanly into Teams,
//! OneNote or an e-mail.

use std::fmt::Write;

use super::{AgreementLine, Minutes, NoteLine};
use crate::i18n::Strings;

/// The characters that can make text markup somewhere it is rendered: emphasis, code, links
/// and images (an image fetches its URL when the minutes are opened), raw HTML and entities,
/// table cells, and the markers that start a heading, quote, list, rule or setext heading at
/// the start of a line.
const SIGNIFICANT: &[char] = &[
    '\\', '`', '*', '_', '{', '}', '[', ']', '<', '>', '(', ')', '#', '+', '-', '.', '!', '|', '~',
    '=', '&',
];

/// Text from a file or a person as Markdown shows it, literally: without hidden characters,
/// and every significant character escaped with a backslash. Escaping everywhere, not only
/// where a character happens to matter, makes every line start harmless too (`\#`, `\-\-\-`,
/// `\>`, `1\.`), whatever the renderer.
fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in crate::text::clean(text).chars() {
        if SIGNIFICANT.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A field on one line (a title, a table cell, a heading): a line break becomes a space.
pub(super) fn line(text: &str) -> String {
    escaped(&text.replace(['\r', '\n'], " "))
}

/// A note or comment inside a list item: a line break stays a line break in the item.
fn inline(text: &str) -> String {
    escaped(text).replace('\n', "  \n  ")
}

fn note(out: &mut String, s: &Strings, n: &NoteLine, with_item: bool) {
    let private = if n.private {
        format!(" [{}]", s.private_tag)
    } else {
        String::new()
    };
    let item = if with_item {
        format!(" ({})", line(&n.item))
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        "- **{}**{private}{item}: {}",
        line(&n.heading(s)),
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
        line(&(s.who)(&a.who)),
        line(&a.due_text(s)),
        line(&a.origin_text(s))
    );
}

/// The minutes in Markdown, in `s`'s language.
pub fn markdown(m: &Minutes, s: &Strings) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {}\n",
        (s.minutes_title)(m.gathering, &line(&m.title), m.ended)
    );
    let _ = writeln!(out, "**{}:** {}  ", s.minutes_program, line(&m.program));
    let _ = writeln!(out, "**{}:** {}  ", s.minutes_date, s.date(m.date));
    if !m.place.is_empty() {
        let _ = writeln!(out, "**{}:** {}  ", s.info_place, line(&m.place));
    }
    if !m.facilitator.is_empty() {
        let _ = writeln!(
            out,
            "**{}:** {}  ",
            s.info_facilitator,
            line(&m.facilitator)
        );
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
            line(&row.title_text(s)),
            row.planned_minutes,
            row.actual_text(s)
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
            let _ = writeln!(out, "- **{}:** {}", line(&row.title), inline(n));
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
            let _ = writeln!(out, "\n### {}", line(&item.title));
            for (question, notes) in &item.questions {
                if let Some(q) = question {
                    let _ = writeln!(out, "\n*{}*\n", line(q));
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
    if let Some(lead) = m.between_lead(s) {
        let _ = writeln!(out, "{lead}\n");
    }
    for a in &m.between {
        agreement(&mut out, s, a, false);
    }
    out
}
