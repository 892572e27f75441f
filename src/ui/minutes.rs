//! The home screen's overlays for a gathering already held: the question `Enter` asks (read it,
//! hold it again, or leave it), and its minutes to read, scrolled with the arrows.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::style::{Color, Style, Stylize};
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::help::key_name;
use crate::app::{HomeOverlay, keys};
use crate::export::{AgreementLine, Minutes, NoteLine};
use crate::i18n::Strings;

/// Draws the overlay in front of the home screen, if there is one.
pub fn render(overlay: &HomeOverlay, s: &Strings, frame: &mut Frame) {
    match overlay {
        HomeOverlay::Held {
            gathering, date, ..
        } => question(s, *gathering, &s.date(*date), frame),
        HomeOverlay::Reading { minutes, scroll } => reading(minutes, *scroll, s, frame),
    }
}

fn question(s: &Strings, gathering: u32, date: &str, frame: &mut Frame) {
    let mut lines = vec![Line::from((s.held_question)(gathering, date)).bold()];
    lines.push(Line::default());
    // The choices are the question's key table, so they say what the keys do.
    lines.extend(keys::HELD.iter().filter(|r| !r.keys.is_empty()).map(|r| {
        let keys: Vec<String> = r.keys.iter().map(|k| key_name(*k, s, true)).collect();
        Line::from(format!("{:<4} {}", keys.join(" "), (s.key_help)(r.help)))
    }));
    let width = lines
        .iter()
        .map(|l| l.width() as u16 + 4)
        .max()
        .unwrap_or(0)
        .min(frame.area().width);
    let area = super::widgets::centered(frame.area(), width, lines.len() as u16 + 2);
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(Block::bordered().border_style(Style::new().fg(Color::Yellow))),
        area,
    );
}

/// The whole screen: the minutes as text, from the line `scroll` (kept within the text).
fn reading(m: &Minutes, scroll: u16, s: &Strings, frame: &mut Frame) {
    let area = frame.area();
    let [body, footer] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    let text = Paragraph::new(lines(m, s)).wrap(Wrap { trim: false });
    let rows = text.line_count(body.width.saturating_sub(2)) as u16;
    let last_page = rows.saturating_sub(body.height.saturating_sub(2));
    frame.render_widget(Clear, area);
    frame.render_widget(
        text.scroll((scroll.min(last_page), 0)).block(
            Block::bordered()
                .title((s.minutes_title)(m.gathering, &m.title, m.ended))
                .border_style(Style::new().fg(Color::LightCyan)),
        ),
        body,
    );
    frame.render_widget(
        super::widgets::key_hints(keys::READING, s, footer.width),
        footer,
    );
}

/// The minutes laid out as the Markdown export says them, for the terminal.
fn lines<'a>(m: &'a Minutes, s: &Strings) -> Vec<Line<'a>> {
    let mut out = vec![
        Line::from(format!("{}: {}", s.minutes_program, m.program)),
        Line::from(format!("{}: {}", s.minutes_date, s.date(m.date))),
    ];
    for (label, value) in [
        (s.info_place, &m.place),
        (s.info_facilitator, &m.facilitator),
    ] {
        if !value.is_empty() {
            out.push(Line::from(format!("{label}: {value}")));
        }
    }
    heading(&mut out, s.agenda);
    for row in &m.agenda {
        let actual = match row.actual_minutes {
            _ if row.skipped => s.minutes_skipped.to_string(),
            Some(minutes) => format!("{minutes} min"),
            None => "–".to_string(),
        };
        out.push(Line::from(format!(
            "{}  {:>5}  {}  ({} min / {actual})",
            row.planned_start,
            row.actual_start.as_deref().unwrap_or("–"),
            row.title_text(s),
            row.planned_minutes,
        )));
    }
    section(&mut out, s.highlights, &m.highlights, s, true);
    if !m.items.is_empty() {
        heading(&mut out, s.minutes_reflections);
        for item in &m.items {
            out.push(Line::from(item.title.as_str()).bold());
            for (question, notes) in &item.questions {
                if let Some(q) = question {
                    out.push(Line::from(q.as_str()).italic());
                }
                out.extend(notes.iter().map(|n| note(n, s, false)));
            }
        }
    }
    section(&mut out, s.parking_lot, &m.parking, s, true);
    agreements(&mut out, s.minutes_made, &m.made, s, false);
    agreements(&mut out, s.minutes_reviewed, &m.reviewed, s, true);
    agreements(&mut out, s.minutes_between, &m.between, s, false);
    out
}

fn heading(out: &mut Vec<Line>, title: &str) {
    out.push(Line::default());
    out.push(Line::from(title.to_string()).bold().fg(Color::LightCyan));
}

fn note<'a>(n: &'a NoteLine, s: &Strings, with_item: bool) -> Line<'a> {
    let item = if with_item {
        format!(" ({})", n.item)
    } else {
        String::new()
    };
    Line::from(format!("  • {}{item}: {}", n.heading(s), n.text))
}

fn section<'a>(
    out: &mut Vec<Line<'a>>,
    title: &str,
    notes: &'a [NoteLine],
    s: &Strings,
    with_item: bool,
) {
    if !notes.is_empty() {
        heading(out, title);
        out.extend(notes.iter().map(|n| note(n, s, with_item)));
    }
}

fn agreements(out: &mut Vec<Line>, title: &str, list: &[AgreementLine], s: &Strings, status: bool) {
    if list.is_empty() {
        return;
    }
    heading(out, title);
    for a in list {
        let status = if status {
            format!(" · {}", (s.status)(a.status))
        } else {
            String::new()
        };
        out.push(Line::from(format!(
            "  • {} – {} · {}{status} · {}",
            a.text,
            (s.who)(&a.who),
            a.due_text(s),
            a.origin_text(s)
        )));
    }
}
