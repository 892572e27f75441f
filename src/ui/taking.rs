//! The note-taker's window (`samling notes`): the item and question the facilitator has in
//! front of the room, the countdown, and this item's notes from every writer; the note-taker's
//! own group, editor and keys. No agenda, no private facilitator's note, no schedule: those are
//! the facilitator's.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::style::{Color, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::facilitator::{render_notes, save_span};
use super::widgets::{countdown, countdown_style, key_hints};
use crate::app::{Run, SaveState};
use crate::i18n::Strings;
use crate::model::Timestamp;

const DIM: Style = Style::new().fg(Color::DarkGray);

pub fn render(run: &Run, s: &Strings, now: Timestamp, frame: &mut Frame) {
    let session = &run.session;
    let question = session
        .current_prompt()
        .map(|p| p.text.as_str())
        .unwrap_or_default();
    let width = frame.area().width.max(1) as usize;
    // The question wrapped, at most a third of the screen.
    let question_rows =
        (question.chars().count() / width + 1).min(frame.area().height as usize / 3);
    // A failed save says why and that it tries again: room for it to wrap.
    let failed = matches!(run.saving.state, SaveState::Failed(_));
    let [header, item, prompt, notes, status, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(question_rows as u16 + 1),
        Constraint::Min(3),
        Constraint::Length(1 + u16::from(failed)),
        Constraint::Length(1),
    ])
    .areas(frame.area());
    let name = run.role.name().unwrap_or_default();
    frame.render_widget(
        Line::from(vec![
            Span::raw((s.taking_title)(name)).bold(),
            Span::styled(
                format!(
                    "  {} · {}",
                    (s.gathering_heading)(session.gathering, &session.title),
                    now.0.format("%H:%M")
                ),
                DIM,
            ),
        ]),
        header,
    );
    if let Some(current) = session.current_item() {
        let left = session.remaining(now);
        let mut spans = vec![
            Span::raw(current.title.as_str()).bold(),
            Span::raw("  "),
            Span::styled(format!(" {} ", countdown(left)), countdown_style(left)),
        ];
        if session.is_finished() {
            spans.push(Span::styled(format!("  {}", s.gathering_ended), DIM));
        }
        frame.render_widget(Line::from(spans), item);
    }
    frame.render_widget(
        Paragraph::new(Line::styled(question, Style::new().fg(Color::Yellow)))
            .wrap(Wrap { trim: true }),
        prompt,
    );
    render_notes(run, s, frame, notes);
    let mut spans = vec![
        Span::styled(s.taking_follows, DIM),
        Span::styled(" · ", DIM),
    ];
    spans.push(save_span(run, s));
    if let Some(message) = &run.screen.message {
        spans.push(Span::styled(
            format!(" · {message}"),
            Style::new().fg(Color::Cyan),
        ));
    }
    frame.render_widget(
        Paragraph::new(Line::from(spans)).wrap(Wrap { trim: true }),
        status,
    );
    frame.render_widget(
        key_hints(crate::app::keys::Mode::Taking.table(), s, footer.width),
        footer,
    );
}
