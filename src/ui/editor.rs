//! The note editor, the form for place and facilitator, and the yes/no question, drawn over
//! whichever view is on.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout};
use ratatui::style::{Color, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::app::info::Field;
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

/// The form for place and facilitator, in the middle of the screen.
pub fn render_info(run: &Run, s: &Strings, frame: &mut Frame) {
    let Some(form) = &run.info else {
        return;
    };
    let [area] = Layout::horizontal([Constraint::Length(60.min(frame.area().width))])
        .flex(Flex::Center)
        .areas(frame.area());
    let [area] = Layout::vertical([Constraint::Length(9)])
        .flex(Flex::Center)
        .areas(area);
    frame.render_widget(Clear, area);
    let outer = Block::bordered()
        .title(s.info_title)
        .title_bottom(Line::from(s.info_hint).right_aligned())
        .border_style(Style::new().fg(Color::LightCyan));
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let [date, place, facilitator] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(3),
        Constraint::Length(3),
    ])
    .areas(inner);
    frame.render_widget(
        Line::from(format!(
            "{} · {}",
            (s.gathering_heading)(run.session.gathering, &run.session.title),
            run.session.date.format("%d.%m.%Y")
        )),
        date,
    );
    for (field, title, text, rect) in [
        (Field::Place, s.info_place, &form.place, place),
        (
            Field::Facilitator,
            s.info_facilitator,
            &form.facilitator,
            facilitator,
        ),
    ] {
        let mut text = text.clone();
        let focused = form.focus == field;
        text.set_cursor_line_style(Style::new());
        if !focused {
            text.set_cursor_style(Style::new());
        }
        text.set_block(Block::bordered().title(title).border_style(if focused {
            Style::new().fg(Color::Yellow)
        } else {
            Style::new().fg(Color::DarkGray)
        }));
        frame.render_widget(&text, rect);
    }
}
