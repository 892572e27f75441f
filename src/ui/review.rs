//! "Siden sist" and "Da — nå" on screen: the review panel for the facilitator, and what the
//! room sees of both.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::{Color, Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::widgets::{countdown, countdown_style, hanging, with_margins};
use crate::app::keys;
use crate::app::projector::{ProjectorView, PublicNote, SinceLastView, ThenAndNow};
use crate::app::{Review, Run};
use crate::i18n::Strings;
use crate::model::{Status, Timestamp};

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

/// An agreement as the room reads it: its sign, its text and its status, wrapped to `width`
/// (after `marker`, which the facilitator's panel uses to point at the selected one).
fn agreement_lines(
    text: &str,
    status: Status,
    s: &Strings,
    marker: &'static str,
    width: u16,
) -> Vec<Line<'static>> {
    let (sign, color) = sign(status);
    let lead = vec![
        Span::raw(marker),
        Span::styled(format!("{sign} "), Style::new().fg(color).bold()),
    ];
    let status = Span::styled(
        format!("  ({})", (s.status)(status)),
        Style::new().fg(color),
    );
    hanging(lead, text, Some(status), width, Style::new())
}

/// A heading and the notes under it, each wrapped to `width` with its group after it.
fn note_lines(title: &str, notes: &[PublicNote], s: &Strings, width: u16) -> Vec<Line<'static>> {
    if notes.is_empty() {
        return Vec::new();
    }
    let mut lines = vec![Line::default(), Line::from(title.to_string()).bold()];
    for n in notes {
        let group = Span::styled(
            format!("  ({})", (s.group)(n.group)),
            Style::new().fg(Color::DarkGray),
        );
        let text = n.text.split_whitespace().collect::<Vec<_>>().join(" ");
        lines.extend(hanging(
            vec![Span::raw("• ")],
            &text,
            Some(group),
            width,
            Style::new(),
        ));
    }
    lines
}

/// The facilitator's panel: each carried agreement with where it was made and its comment, the
/// selected one marked; then last time's highlights and parking-lot questions.
pub fn render_panel(run: &Run, review: Review, s: &Strings, now: Timestamp, frame: &mut Frame) {
    let [area] = Layout::horizontal([Constraint::Percentage(92)])
        .flex(Flex::Center)
        .areas(frame.area());
    let [area] = Layout::vertical([Constraint::Percentage(86)])
        .flex(Flex::Center)
        .areas(area);
    let dim = Style::new().fg(Color::DarkGray);
    let left = run.session.remaining(now);
    let width = area.width.saturating_sub(2);
    let indent = || vec![Span::raw("    ")];
    // Why something may be missing from the list (a file that did not load, a gathering held
    // twice) comes first: the panel covers the facilitator view's own warnings.
    let warning = Style::new().fg(Color::White).bg(Color::Red);
    let mut lines: Vec<Line> = run
        .notices
        .iter()
        .flat_map(|n| hanging(vec![Span::styled("! ", warning)], n, None, width, warning))
        .collect();
    if !lines.is_empty() {
        lines.push(Line::default());
    }
    // The row just below the selected agreement: enough must scroll away for it to show.
    let mut selected_end = 0;
    for (i, c) in run.session.carried().enumerate() {
        let selected = i == review.selected;
        let marker = if selected { "▶ " } else { "  " };
        let mut entry = agreement_lines(&c.text, c.status(), s, marker, width);
        if selected {
            entry = entry
                .into_iter()
                .map(|l| l.patch_style(Style::new().add_modifier(Modifier::BOLD)))
                .collect();
        }
        let origin = (s.made_at)(c.origin.gathering, c.origin.item_name(), c.origin_group());
        // Carried here: "before the next gathering" meant this one.
        let due = s.due_by(&c.due, Some(run.session.date));
        let who_due = format!("{} · {}", (s.who)(&c.who), due);
        let detail = format!("{who_due} · {origin}");
        // One row if it fits; else where it came from gets a row of its own, not a broken one.
        let one_row = hanging(indent(), &detail, None, width, dim);
        if one_row.len() == 1 {
            entry.extend(one_row);
        } else {
            entry.extend(hanging(indent(), &who_due, None, width, dim));
            entry.extend(hanging(indent(), &origin, None, width, dim));
        }
        if let Some(h) = c.history.last().filter(|h| !h.comment.is_empty()) {
            let comment = format!("«{}»", h.comment);
            entry.extend(hanging(
                indent(),
                &comment,
                None,
                width,
                Style::new().italic(),
            ));
        }
        lines.extend(entry);
        if selected {
            selected_end = lines.len();
        }
    }
    if run.session.carried().next().is_none() {
        lines.push(Line::styled(s.review_none, dim));
    }
    if let Some(since) = &run.session.since_last {
        let highlights = PublicNote::all(&since.highlights);
        lines.extend(note_lines(s.highlights, &highlights, s, width));
        let parking = PublicNote::all(&since.parking);
        lines.extend(note_lines(s.parking_lot, &parking, s, width));
    }
    let visible = area.height.saturating_sub(2) as usize;
    let scroll = selected_end.saturating_sub(visible) as u16;
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines).scroll((scroll, 0)).block(
            Block::bordered()
                .title(s.review_title)
                // The panel covers the clock; the time left stays in sight on its frame.
                .title(
                    Line::styled(format!(" {} ", countdown(left)), countdown_style(left))
                        .right_aligned(),
                )
                .title_bottom(
                    super::widgets::panel_hints(keys::REVIEW, s, area.width.saturating_sub(4))
                        .right_aligned(),
                )
                .border_style(Style::new().fg(Color::LightCyan)),
        ),
        area,
    );
}

/// What the room sees during "siden sist": the time left in plain large type, the agreements
/// with their status, and last time's highlights.
pub fn render_projector(
    view: &ProjectorView,
    since: &SinceLastView,
    s: &Strings,
    colors: &super::theme::Colors,
    frame: &mut Frame,
    area: Rect,
) {
    let left = view.left();
    let [top, clock, _, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(3),
    ])
    .areas(area);
    frame.render_widget(Line::from(view.item_title.clone()).bold().centered(), top);
    frame.render_widget(
        Line::styled(countdown(left), colors.clock(left)).centered(),
        clock,
    );
    let body = with_margins(body);
    let mut lines: Vec<Line> = vec![Line::from(s.agreements.to_string()).bold()];
    // While the facilitator reviews, the room sees which agreement is being talked about, and
    // a list longer than the screen follows it.
    let mut selected_end = 0;
    for (i, a) in since.agreements.iter().enumerate() {
        let marker = match since.selected {
            Some(n) if n == i => "▶ ",
            Some(_) => "  ",
            None => "",
        };
        lines.extend(agreement_lines(&a.text, a.status, s, marker, body.width));
        if since.selected == Some(i) {
            selected_end = lines.len();
        }
    }
    lines.extend(note_lines(s.highlights, &since.highlights, s, body.width));
    let scroll = selected_end.saturating_sub(usize::from(body.height)) as u16;
    let lines = super::theme::toned(lines, colors);
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), body);
}

/// Two columns of notes, earlier answers on the left and today's on the right.
/// In the theme's `colors` on the room's view, the terminal's own on the facilitator's (`None`).
pub fn then_and_now(
    mirror: &ThenAndNow,
    s: &Strings,
    colors: Option<&super::theme::Colors>,
    frame: &mut Frame,
    area: Rect,
) {
    use super::theme::{Tone, tone};
    let [then_area, now_area] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(area);
    // An empty "then" says so, or the room reads a blank column as something missing.
    for (title, notes, rect, when_empty) in [
        (
            (s.mirror_then)(mirror.gathering),
            &mirror.then,
            then_area,
            Some(s.mirror_no_answer),
        ),
        (s.mirror_now.to_string(), &mirror.now, now_area, None),
    ] {
        let mut lines: Vec<Line> = notes
            .iter()
            .map(|n| {
                Line::from(vec![
                    Span::styled(format!("{}: ", (s.group)(n.group)), tone(colors, Tone::Dim)),
                    Span::raw(n.text.replace('\n', " ")),
                ])
            })
            .collect();
        if let Some(text) = when_empty.filter(|_| lines.is_empty()) {
            lines.push(Line::styled(text, tone(colors, Tone::Dim)));
        }
        frame.render_widget(
            Paragraph::new(lines).wrap(Wrap { trim: true }).block(
                Block::bordered()
                    .title(title)
                    .border_style(tone(colors, Tone::Question)),
            ),
            rect,
        );
    }
}
