//! The note editor and the yes/no question, drawn over whichever view is on.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout};
use ratatui::style::{Color, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::app::{Confirm, Run};
use crate::i18n::Strings;

/// The editor over the lower part of the screen, wide enough to type comfortably.
pub fn render(run: &Run, s: &Strings, frame: &mut Frame) {
    let Some(editor) = &run.editor else {
        return;
    };
    let area = frame.area();
    let height = (area.height / 2).clamp(5, 16);
    let [_, area] = Layout::vertical([Constraint::Min(0), Constraint::Length(height)]).areas(area);
    let [area] = Layout::horizontal([Constraint::Percentage(90)])
        .flex(Flex::Center)
        .areas(area);
    let mut text = editor.text.clone();
    text.set_block(
        Block::bordered()
            .title((s.editor_title)(
                &(s.group)(editor.draft.group),
                editor.draft.prompt,
            ))
            .title_bottom(Line::from(s.editor_hint).right_aligned())
            .border_style(Style::new().fg(Color::LightCyan)),
    );
    text.set_cursor_line_style(Style::new());
    frame.render_widget(Clear, area);
    frame.render_widget(&text, area);
}

/// A one-line question in the middle of the screen.
pub fn render_confirm(run: &Run, s: &Strings, frame: &mut Frame) {
    let Some(confirm) = run.confirm else {
        return;
    };
    let question = match confirm {
        Confirm::Delete(_) => s.confirm_delete,
        Confirm::Quit => s.confirm_quit,
    };
    let width = (question.chars().count() as u16 + 4).min(frame.area().width);
    let [area] = Layout::horizontal([Constraint::Length(width)])
        .flex(Flex::Center)
        .areas(frame.area());
    let [area] = Layout::vertical([Constraint::Length(3)])
        .flex(Flex::Center)
        .areas(area);
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(question)
            .wrap(Wrap { trim: true })
            .block(Block::bordered().border_style(Style::new().fg(Color::Yellow))),
        area,
    );
}
