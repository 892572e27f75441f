//! The room's view on the projector: the gathering, the item, the time left in block digits,
//! the question of the moment, and what comes next. Only what everybody may see: never the
//! facilitator's note, never a note, never how far behind the day runs.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style, Stylize};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::widgets::{big_text, countdown, countdown_style};
use crate::app::Run;
use crate::i18n::Strings;
use crate::model::Timestamp;

pub fn render(run: &Run, s: &Strings, now: Timestamp, frame: &mut Frame) {
    let area = frame.area();
    let session = &run.session;
    let Some(item) = session.current_item() else {
        return;
    };
    // "Siden sist" with something to go through: the room sees the list being reviewed.
    let reviewing = run.review.is_some() || item.kind == crate::model::ItemKind::SinceLast;
    if reviewing && (session.carried().next().is_some() || session.since_last.is_some()) {
        super::review::render_projector(run, s, now, frame, area);
        return;
    }
    let tall = area.height >= 40;
    let prompt = item.prompts.get(session.prompt).map(|p| p.text.as_str());
    let step = run.step(now);
    let mirroring = run.mirror && session.mirror_now().is_some();
    let [top, title, _, clock, step_area, _, question, next] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(if tall { 3 } else { 2 }),
        Constraint::Length(if tall { 2 } else { 0 }),
        Constraint::Min(8),
        Constraint::Length(if step.is_some() { 1 } else { 0 }),
        Constraint::Length(1),
        Constraint::Length(if mirroring {
            (area.height / 2).max(6)
        } else if prompt.is_some() {
            (area.height / 4).max(3)
        } else {
            0
        }),
        Constraint::Length(1),
    ])
    .areas(area);

    frame.render_widget(
        Line::styled(
            (s.gathering_heading)(session.gathering, &session.title),
            Style::new().fg(Color::Gray),
        )
        .centered(),
        top,
    );
    frame.render_widget(
        Paragraph::new(Line::from(item.title.as_str()).bold().centered()).wrap(Wrap { trim: true }),
        centre_rows(title, 1),
    );

    let left = session.remaining(now);
    let mut style = countdown_style(left);
    if run.flashing(now) {
        style = style.add_modifier(Modifier::REVERSED);
    }
    if session.is_finished() {
        frame.render_widget(
            Line::from(s.gathering_ended).bold().centered(),
            centre_rows(clock, 1),
        );
    } else {
        big_text(&countdown(left), style, clock, frame.buffer_mut());
    }

    if let Some(step) = step {
        let label = &item.steps[step.index].label;
        frame.render_widget(
            Line::from(format!(
                "{}  {}",
                (s.step)(step.index + 1, item.steps.len(), label),
                countdown(step.remaining)
            ))
            .style(countdown_style(step.remaining))
            .centered(),
            step_area,
        );
    }
    if mirroring {
        // "Da — nå": the question stays on top, the answers then and now share its place.
        let [q, answers] = Layout::vertical([Constraint::Length(2), Constraint::Min(3)])
            .areas(super::widgets::with_margins(question));
        if let Some(text) = prompt {
            frame.render_widget(
                Paragraph::new(Line::from(text).bold().centered()).wrap(Wrap { trim: true }),
                q,
            );
        }
        super::review::then_and_now(run, s, frame, answers);
    } else if let Some(text) = prompt {
        let middle = super::widgets::with_margins(question);
        frame.render_widget(
            Paragraph::new(Line::from(text).bold().centered())
                .style(Style::new().fg(Color::LightCyan))
                .wrap(Wrap { trim: true }),
            middle,
        );
    }
    let next_text = match session.next_item() {
        Some(n) => format!("{}: {}", s.next, n.title),
        None => s.last_item.to_string(),
    };
    frame.render_widget(
        Line::styled(next_text, Style::new().fg(Color::Gray)).centered(),
        next,
    );
}

/// The middle `rows` rows of `area`.
fn centre_rows(area: Rect, rows: u16) -> Rect {
    let rows = rows.min(area.height);
    Rect::new(area.x, area.y + (area.height - rows) / 2, area.width, rows)
}
