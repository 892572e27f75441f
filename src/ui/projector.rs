//! The room's view on the projector: the gathering, the item, the time left in block digits,
//! the question of the moment, and what comes next. Only what everybody may see: never the
//! facilitator's note, never a note, never how far behind the day runs.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Stylize};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::theme::Colors;
use super::widgets::{big_text, countdown};
use crate::app::projector::{Body, ProjectorView};
use crate::i18n::Strings;

/// Draws the room's view. It is given only the [`ProjectorView`]: whatever is private in the
/// session never reaches this function.
pub fn render(view: &ProjectorView, s: &Strings, colors: &Colors, frame: &mut Frame, area: Rect) {
    frame.render_widget(Block::new().style(colors.base()), area);
    match &view.body {
        Body::SinceLast(since) => {
            super::review::render_projector(view, since, s, colors, frame, area);
        }
        _ => render_clock_and_question(view, s, colors, frame, area),
    }
    // The theme's background everywhere, never the terminal's (see [`super::theme`]).
    super::theme::paint(frame.buffer_mut(), area, colors);
}

/// The item, its countdown (and step), the question or "Da — nå", and what comes next.
fn render_clock_and_question(
    view: &ProjectorView,
    s: &Strings,
    colors: &Colors,
    frame: &mut Frame,
    area: Rect,
) {
    // In a break, when the room starts again is the big thing; the countdown a small line.
    let mut big = None;
    let (heading, left, mut style, small) = match (&view.step, &view.body) {
        (_, Body::Break { resumes }) if view.left >= 0 => {
            let at = resumes.format("%H:%M").to_string();
            let heading = format!("{}: {}", view.item_title, (s.resumes_at)(&at));
            big = Some(at);
            let small = countdown(view.left());
            (heading, view.left(), colors.step(view.left()), Some(small))
        }
        (_, Body::Break { .. }) => {
            let heading = format!("{}: {}", view.item_title, s.resumes_now);
            (heading, view.left(), colors.clock(view.left()), None)
        }
        (Some(step), _) => {
            let left = chrono::Duration::seconds(step.left);
            let item = format!("{}  {}", view.item_title, countdown(view.left()));
            let heading = (s.step)(step.number, step.count, &step.label);
            (heading, left, colors.step(left), Some(item))
        }
        (None, _) => (
            view.item_title.clone(),
            view.left(),
            colors.clock(view.left()),
            None,
        ),
    };
    let tall = area.height >= 40;
    let mirroring = matches!(view.body, Body::ThenAndNow(_));
    let [top, title, _, clock, step_area, _, question, next] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(if tall { 3 } else { 2 }),
        Constraint::Length(if tall { 2 } else { 0 }),
        Constraint::Min(8),
        Constraint::Length(u16::from(small.is_some())),
        Constraint::Length(1),
        Constraint::Length(if mirroring {
            (area.height / 2).max(6)
        } else if view.prompt.is_some() {
            (area.height / 4).max(3)
        } else {
            0
        }),
        Constraint::Length(1),
    ])
    .areas(area);

    frame.render_widget(
        Line::styled(
            (s.gathering_heading)(view.gathering, &view.gathering_title),
            colors.dim(),
        )
        .centered(),
        top,
    );
    // During a timed step (1-2-4-alle) the step is what the room times: its name and its
    // countdown are the big things; the item and its own time a small line under them.
    frame.render_widget(
        Paragraph::new(Line::from(heading).bold().centered()).wrap(Wrap { trim: true }),
        centre_rows(title, 1),
    );
    // The flash turns the digits over, whatever they were (the last minutes may already be
    // reversed, on a light background with 16 colours).
    if view.flashing && style.add_modifier.contains(Modifier::REVERSED) {
        style = style.remove_modifier(Modifier::REVERSED);
    } else if view.flashing {
        style = style.add_modifier(Modifier::REVERSED);
    }
    if view.ended {
        frame.render_widget(
            Line::from(s.gathering_ended).bold().centered(),
            centre_rows(clock, 1),
        );
    } else {
        let digits = big.unwrap_or_else(|| countdown(left));
        big_text(&digits, style, clock, frame.buffer_mut());
    }

    if let Some(item) = small {
        frame.render_widget(Line::styled(item, colors.dim()).centered(), step_area);
    }
    let prompt = view.prompt.as_deref();
    if let Body::ThenAndNow(mirror) = &view.body {
        // "Da — nå": the question stays on top, the answers then and now share its place.
        let [q, answers] = Layout::vertical([Constraint::Length(2), Constraint::Min(3)])
            .areas(super::widgets::with_margins(question));
        if let Some(text) = prompt {
            frame.render_widget(
                Paragraph::new(Line::from(text).bold().centered()).wrap(Wrap { trim: true }),
                q,
            );
        }
        super::review::then_and_now(mirror, s, Some(colors), frame, answers);
    } else if let Some(text) = prompt {
        let middle = super::widgets::with_margins(question);
        frame.render_widget(
            Paragraph::new(Line::from(text).bold().centered())
                .style(colors.question())
                .wrap(Wrap { trim: true }),
            middle,
        );
    }
    let next_text = match &view.next {
        Some(title) => format!("{}: {title}", s.next),
        None => s.last_item.to_string(),
    };
    frame.render_widget(Line::styled(next_text, colors.dim()).centered(), next);
}

/// The middle `rows` rows of `area`.
fn centre_rows(area: Rect, rows: u16) -> Rect {
    let rows = rows.min(area.height);
    Rect::new(area.x, area.y + (area.height - rows) / 2, area.width, rows)
}
