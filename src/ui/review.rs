//! "Siden sist" and "Da — nå" on screen: the review panel for the facilitator, and what the
//! room sees of both.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::{Color, Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::widgets::{countdown, countdown_style, with_margins};
use crate::app::Run;
use crate::i18n::Strings;
use crate::model::{Commitment, Note, Status, Timestamp};

/// A status as a sign the room can read from afar.
pub fn sign(status: Status) -> (&'static str, Color) {
    match status {
        Status::Open => ("○", Color::Gray),
        Status::Done => ("✓", Color::LightGreen),
        Status::Partly => ("◐", Color::Yellow),
        Status::NotDone => ("✗", Color::LightRed),
        Status::Dropped => ("–", Color::DarkGray),
    }
}

fn agreement_line(c: &Commitment, s: &Strings) -> Line<'static> {
    let (sign, color) = sign(c.status());
    Line::from(vec![
        Span::styled(format!("{sign} "), Style::new().fg(color).bold()),
        Span::raw(c.text.clone()),
        Span::styled(
            format!("  ({})", (s.status)(c.status())),
            Style::new().fg(color),
        ),
    ])
}

fn note_lines(title: &str, notes: &[Note], s: &Strings) -> Vec<Line<'static>> {
    if notes.is_empty() {
        return Vec::new();
    }
    let mut lines = vec![Line::default(), Line::from(title.to_string()).bold()];
    lines.extend(notes.iter().map(|n| {
        Line::from(vec![
            Span::raw(format!("• {}", n.text.lines().next().unwrap_or(""))),
            Span::styled(
                format!("  ({})", (s.group)(n.group)),
                Style::new().fg(Color::DarkGray),
            ),
        ])
    }));
    lines
}

/// The facilitator's panel: each carried agreement with where it was made and its comment, the
/// selected one marked; then last time's highlights and parking-lot questions.
pub fn render_panel(run: &Run, s: &Strings, frame: &mut Frame) {
    let Some(review) = run.review else {
        return;
    };
    let [area] = Layout::horizontal([Constraint::Percentage(92)])
        .flex(Flex::Center)
        .areas(frame.area());
    let [area] = Layout::vertical([Constraint::Percentage(86)])
        .flex(Flex::Center)
        .areas(area);
    let dim = Style::new().fg(Color::DarkGray);
    let mut lines = Vec::new();
    let mut selected_line = 0;
    for (i, c) in run.session.carried().enumerate() {
        let selected = i == review.selected;
        if selected {
            selected_line = lines.len();
        }
        let mut first = agreement_line(c, s);
        first
            .spans
            .insert(0, Span::raw(if selected { "▶ " } else { "  " }));
        if selected {
            first = first.patch_style(Style::new().add_modifier(Modifier::BOLD));
        }
        lines.push(first);
        let item = &c.origin.item;
        lines.push(Line::styled(
            format!(
                "    {} · {} · {}",
                (s.who)(&c.who),
                (s.due)(&c.due),
                (s.made_at)(c.origin.gathering, item, c.origin.group)
            ),
            dim,
        ));
        if let Some(h) = c.history.last().filter(|h| !h.comment.is_empty()) {
            lines.push(Line::styled(
                format!("    «{}»", h.comment),
                Style::new().italic(),
            ));
        }
    }
    if lines.is_empty() {
        lines.push(Line::styled(s.review_none, dim));
    }
    if let Some(since) = &run.session.since_last {
        lines.extend(note_lines(s.highlights, &since.highlights, s));
        lines.extend(note_lines(s.parking_lot, &since.parking, s));
    }
    let visible = area.height.saturating_sub(2) as usize;
    let scroll = (selected_line + 3).saturating_sub(visible) as u16;
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines).scroll((scroll, 0)).block(
            Block::bordered()
                .title(s.review_title)
                .title_bottom(Line::from(s.review_keys).right_aligned())
                .border_style(Style::new().fg(Color::LightCyan)),
        ),
        area,
    );
}

/// What the room sees during "siden sist": the time left in plain large type, the agreements
/// with their status, and last time's highlights. Only public notes were carried here.
pub fn render_projector(run: &Run, s: &Strings, now: Timestamp, frame: &mut Frame, area: Rect) {
    let session = &run.session;
    let left = session.remaining(now);
    let title = session
        .current_item()
        .map_or(String::new(), |i| i.title.clone());
    let [top, clock, _, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(3),
    ])
    .areas(area);
    frame.render_widget(Line::from(title).bold().centered(), top);
    frame.render_widget(
        Line::styled(countdown(left), countdown_style(left)).centered(),
        clock,
    );
    let mut lines: Vec<Line> = vec![Line::from(s.agreements.to_string()).bold()];
    lines.extend(session.carried().map(|c| agreement_line(c, s)));
    if let Some(since) = &session.since_last {
        lines.extend(note_lines(s.highlights, &since.highlights, s));
    }
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }),
        with_margins(body),
    );
}

/// Two columns of notes, earlier answers on the left and today's on the right.
pub fn then_and_now(run: &Run, s: &Strings, frame: &mut Frame, area: Rect) -> bool {
    let Some(mirror) = run.session.mirror_now() else {
        return false;
    };
    let item = run
        .session
        .current_item()
        .map(|i| i.id.clone())
        .unwrap_or_default();
    let now: Vec<Note> = run
        .session
        .notes
        .iter()
        .filter(|n| n.item == item && n.prompt == Some(run.session.prompt) && !n.private)
        .cloned()
        .collect();
    let [then_area, now_area] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(area);
    for (title, notes, rect) in [
        ((s.mirror_then)(mirror.gathering), &mirror.notes, then_area),
        (s.mirror_now.to_string(), &now, now_area),
    ] {
        let lines: Vec<Line> = notes
            .iter()
            .map(|n| {
                Line::from(vec![
                    Span::styled(
                        format!("{}: ", (s.group)(n.group)),
                        Style::new().fg(Color::DarkGray),
                    ),
                    Span::raw(n.text.replace('\n', " ")),
                ])
            })
            .collect();
        frame.render_widget(
            Paragraph::new(lines).wrap(Wrap { trim: true }).block(
                Block::bordered()
                    .title(title)
                    .border_style(Style::new().fg(Color::LightCyan)),
            ),
            rect,
        );
    }
    true
}
