//! The minutes as one self-contained HTML file: no external assets, styles that print on A4,
//! and a small inline SVG chart of planned against actual minutes per agenda item.

use std::fmt::Write;

use super::{AgreementLine, Minutes, NoteLine};
use crate::i18n::Strings;

/// Escapes text for HTML element content and attribute values, without the hidden characters
/// (an escape sequence, a bidi override) that would otherwise reach the page, or a terminal
/// the file is shown in.
pub(super) fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in crate::text::clean(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' => out.push_str("<br/>"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;\
line-height:1.45;color:#111}h1{font-size:1.6rem}h2{margin-top:1.8rem;border-bottom:1px solid #ccc}\
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.2rem .4rem;\
text-align:left}td.n,th.n{text-align:right}.meta{color:#444}.private{color:#a0a}\
.bar-plan{fill:#9bb}.bar-actual{fill:#356}.over{fill:#c43}svg text{font-size:11px}\
@page{size:A4;margin:18mm}@media print{body{margin:0;max-width:none}h2{break-after:avoid}}";

fn notes(out: &mut String, s: &Strings, list: &[NoteLine], with_item: bool) {
    out.push_str("<ul>");
    for n in list {
        let private = if n.private {
            format!(" <span class=\"private\">[{}]</span>", esc(s.private_tag))
        } else {
            String::new()
        };
        let item = if with_item {
            format!(" ({})", esc(&n.item))
        } else {
            String::new()
        };
        let _ = write!(
            out,
            "<li><b>{}</b>{private}{item}: {}</li>",
            esc(&n.heading(s)),
            esc(&n.text)
        );
    }
    out.push_str("</ul>");
}

fn agreements(out: &mut String, s: &Strings, list: &[AgreementLine], with_status: bool) {
    out.push_str("<ul>");
    for a in list {
        let status = if with_status {
            format!(" · <b>{}</b>", esc((s.status)(a.status)))
        } else {
            String::new()
        };
        let comment = if a.comment.is_empty() {
            String::new()
        } else {
            format!(" – «{}»", esc(&a.comment))
        };
        let _ = write!(
            out,
            "<li>{} – {} · {}{status} · {}{comment}</li>",
            esc(&a.text),
            esc(&(s.who)(&a.who)),
            esc(&a.due_text(s)),
            esc(&a.origin_text(s))
        );
    }
    out.push_str("</ul>");
}

/// Planned (light) and actual (dark, red when over) minutes per item, as horizontal bars.
fn chart(m: &Minutes, s: &Strings) -> String {
    let longest = m
        .agenda
        .iter()
        .map(|r| i64::from(r.planned_minutes).max(r.actual_minutes.unwrap_or(0)))
        .max()
        .unwrap_or(1)
        .max(1);
    let (label_w, bar_w, row_h) = (220.0, 400.0, 22.0);
    let height = row_h * m.agenda.len() as f64 + 24.0;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{height}\" \
         role=\"img\" aria-label=\"{label}\">",
        w = label_w + bar_w + 60.0,
        label = esc(s.minutes_chart)
    );
    for (i, r) in m.agenda.iter().enumerate() {
        let y = i as f64 * row_h + 4.0;
        let scale = |minutes: i64| minutes as f64 / longest as f64 * bar_w;
        // About what fits in the label column at this font size; cut at a word.
        let title = crate::text::clipped(&r.title, 34);
        let _ = write!(
            svg,
            "<text x=\"0\" y=\"{ty}\">{}</text><rect class=\"bar-plan\" x=\"{label_w}\" y=\"{y}\" \
             width=\"{pw:.1}\" height=\"8\"/>",
            esc(&title),
            ty = y + 11.0,
            pw = scale(i64::from(r.planned_minutes))
        );
        if let Some(actual) = r.actual_minutes {
            let class = if actual > i64::from(r.planned_minutes) {
                "over"
            } else {
                "bar-actual"
            };
            let _ = write!(
                svg,
                "<rect class=\"{class}\" x=\"{label_w}\" y=\"{ay}\" width=\"{aw:.1}\" height=\"8\"/>\
                 <text x=\"{tx:.1}\" y=\"{ty}\">{actual}/{planned}</text>",
                ay = y + 9.0,
                aw = scale(actual),
                tx = label_w + scale(actual.max(i64::from(r.planned_minutes))) + 4.0,
                ty = y + 11.0,
                planned = r.planned_minutes
            );
        } else if r.skipped {
            let _ = write!(
                svg,
                "<text x=\"{tx:.1}\" y=\"{ty}\">{}</text>",
                esc(s.minutes_skipped),
                tx = label_w + scale(i64::from(r.planned_minutes)) + 4.0,
                ty = y + 11.0
            );
        }
    }
    let _ = write!(
        svg,
        "<text x=\"0\" y=\"{y}\">{}</text></svg>",
        esc(s.minutes_chart),
        y = height - 4.0
    );
    svg
}

/// The minutes as a complete HTML document, in `s`'s language.
pub fn html(m: &Minutes, s: &Strings) -> String {
    let title = (s.minutes_title)(m.gathering, &m.title, m.ended);
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\"/>\
         <meta name=\"viewport\" content=\"width=device-width\"/><title>{t}</title>\
         <style>{STYLE}</style></head><body><h1>{t}</h1><p class=\"meta\">",
        lang = s.html_lang,
        t = esc(&title)
    );
    let mut meta = vec![
        format!("<b>{}:</b> {}", esc(s.minutes_program), esc(&m.program)),
        format!("<b>{}:</b> {}", esc(s.minutes_date), esc(&s.date(m.date))),
    ];
    if !m.place.is_empty() {
        meta.push(format!("<b>{}:</b> {}", esc(s.info_place), esc(&m.place)));
    }
    if !m.facilitator.is_empty() {
        meta.push(format!(
            "<b>{}:</b> {}",
            esc(s.info_facilitator),
            esc(&m.facilitator)
        ));
    }
    out.push_str(&meta.join("<br/>"));
    let _ = write!(
        out,
        "</p><h2>{}</h2><table><thead><tr><th>{}</th><th>{}</th><th>{}</th>\
         <th class=\"n\">{}</th><th class=\"n\">{}</th></tr></thead><tbody>",
        esc(s.agenda),
        esc(s.minutes_planned),
        esc(s.minutes_actual),
        esc(s.minutes_item),
        esc(s.minutes_planned_min),
        esc(s.minutes_actual_min)
    );
    for r in &m.agenda {
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            esc(&r.planned_start),
            esc(r.actual_start.as_deref().unwrap_or("–")),
            esc(&r.title_text(s)),
            r.planned_minutes,
            esc(&r.actual_text(s))
        );
    }
    out.push_str("</tbody></table>");
    out.push_str(&chart(m, s));
    let private_notes: Vec<_> = m
        .agenda
        .iter()
        .filter_map(|r| r.facilitator_note.as_ref().map(|n| (r, n)))
        .collect();
    if !private_notes.is_empty() {
        let _ = write!(out, "<h3>{}</h3><ul>", esc(s.facilitator_note));
        for (r, n) in private_notes {
            let _ = write!(out, "<li><b>{}:</b> {}</li>", esc(&r.title), esc(n));
        }
        out.push_str("</ul>");
    }
    if !m.highlights.is_empty() {
        let _ = write!(out, "<h2>{}</h2>", esc(s.highlights));
        notes(&mut out, s, &m.highlights, true);
    }
    if !m.items.is_empty() {
        let _ = write!(out, "<h2>{}</h2>", esc(s.minutes_reflections));
        for item in &m.items {
            let _ = write!(out, "<h3>{}</h3>", esc(&item.title));
            for (question, list) in &item.questions {
                if let Some(q) = question {
                    let _ = write!(out, "<p><i>{}</i></p>", esc(q));
                }
                notes(&mut out, s, list, false);
            }
        }
    }
    if !m.parking.is_empty() {
        let _ = write!(out, "<h2>{}</h2>", esc(s.parking_lot));
        notes(&mut out, s, &m.parking, true);
    }
    if !m.made.is_empty() {
        let _ = write!(out, "<h2>{}</h2>", esc(s.minutes_made));
        agreements(&mut out, s, &m.made, false);
    }
    if !m.reviewed.is_empty() {
        let _ = write!(out, "<h2>{}</h2>", esc(s.minutes_reviewed));
        agreements(&mut out, s, &m.reviewed, true);
    }
    let _ = write!(out, "<h2>{}</h2>", esc(s.minutes_between));
    if let Some(lead) = m.between_lead(s) {
        let _ = write!(out, "<p>{}</p>", esc(&lead));
    }
    if !m.between.is_empty() {
        agreements(&mut out, s, &m.between, false);
    }
    out.push_str("</body></html>\n");
    // A line after each block, so the file reads and diffs well. All text is escaped, so these
    // closing tags can only be the document's own.
    for tag in [
        "</h1>", "</h2>", "</h3>", "</p>", "</tr>", "</table>", "</svg>", "</li>", "</ul>",
        "</style>",
    ] {
        out = out.replace(tag, &format!("{tag}\n"));
    }
    out
}
