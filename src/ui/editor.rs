//! The note editor, the forms (place and facilitator, a new agreement) and the yes/no
//! question, drawn over whichever view is on.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout};
use ratatui::style::{Color, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::app::keys::{self, Mode};
use crate::app::overlay::{Confirm, Editor, Form, FormError, FormKind};
use crate::app::{Run, SaveState};
use crate::i18n::Strings;

/// The editor over the lower part of the screen, wide enough to type comfortably.
pub fn render(run: &Run, editor: &Editor, s: &Strings, frame: &mut Frame) {
    let area = frame.area();
    let height = (area.height / 2).clamp(5, 16);
    let [_, area] = Layout::vertical([Constraint::Min(0), Constraint::Length(height)]).areas(area);
    let [area] = Layout::horizontal([Constraint::Percentage(90)])
        .flex(Flex::Center)
        .areas(area);
    let hint = super::widgets::key_hints(keys::EDITOR, s, area.width.saturating_sub(4));
    // The question the note answers, by its number on screen.
    let draft = &editor.draft;
    let prompt = draft.prompt.as_ref().and_then(|p| {
        let item = run.session.agenda.iter().find(|i| i.id == draft.item)?;
        item.prompt_index(p)
    });
    let mut block = Block::bordered()
        .title((s.editor_title)(&(s.group)(draft.group), prompt))
        .title_bottom(hint.clone().right_aligned())
        .border_style(Style::new().fg(Color::LightCyan));
    // The editor covers the status line: a save that fails must still show while one types.
    let trouble = match &run.saving.state {
        _ if run.saving.too_large => Some(s.too_large.to_string()),
        SaveState::Failed(why) => Some((s.save_failed)(why)),
        SaveState::Saved(_) => None,
    };
    if let Some(trouble) = trouble {
        // Cut to the room the hint leaves: a title that does not fit is not drawn at all.
        let room = usize::from(area.width).saturating_sub(hint.width() + 4);
        let text = crate::text::clipped(&trouble, room);
        block =
            block.title_bottom(Line::styled(text, Style::new().fg(Color::LightRed)).left_aligned());
    }
    frame.render_widget(Clear, area);
    // The text is drawn inside a block of its own, not given one: giving it one would mean a
    // copy of the whole text every frame (a pasted page costs a core while idle).
    frame.render_widget(&editor.text, block.inner(area));
    frame.render_widget(block, area);
}

/// A one-line question in the middle of the screen.
pub fn render_confirm(confirm: &Confirm, s: &Strings, frame: &mut Frame) {
    let question = match confirm {
        Confirm::Delete(_) => s.confirm_delete,
        Confirm::Quit => s.confirm_quit,
        Confirm::ReplaceMinutes => s.confirm_replace_minutes,
        Confirm::TypeInPrivate(_) => s.confirm_type_in_private,
    };
    // One row if it fits, else as many as it wraps to: a question cut off cannot be answered.
    let width = (question.chars().count() as u16 + 4).min(frame.area().width);
    let text = Paragraph::new(question).wrap(Wrap { trim: true });
    let height = text.line_count(width.saturating_sub(2)) as u16 + 2;
    let area = super::widgets::centered(frame.area(), width, height);
    frame.render_widget(Clear, area);
    frame.render_widget(
        text.block(Block::bordered().border_style(Style::new().fg(Color::Yellow))),
        area,
    );
}

/// The open form, in the middle of the screen: what it is about, one framed line per field,
/// and why it cannot be saved yet, if that is so.
pub fn render_form(run: &Run, form: &Form, s: &Strings, frame: &mut Frame) {
    let (title, labels): (&str, &[&str]) = match form.kind {
        FormKind::Info => (
            s.info_title,
            &[
                s.info_place,
                s.info_facilitator,
                s.info_date,
                s.info_start,
                s.info_must_end,
            ],
        ),
        FormKind::NewItem(_) => (
            s.new_item_title,
            &[s.new_item_name, s.new_item_minutes, s.new_item_kind],
        ),
        FormKind::Agreement => (
            s.agreement_title,
            &[s.agreement_text, s.agreement_who, s.agreement_due],
        ),
        FormKind::Comment(_) => (s.comment_title, &[s.comment_title]),
        FormKind::EditAgreement(_) => (
            s.edit_agreement_title,
            &[s.agreement_text, s.agreement_who, s.agreement_due],
        ),
    };
    let height = 2 + 2 + 3 * form.fields.len() as u16;
    let area = super::widgets::centered(frame.area(), 70.min(frame.area().width), height);
    frame.render_widget(Clear, area);
    let outer = Block::bordered()
        .title(title)
        .title_bottom(
            super::widgets::key_hints(Mode::Form.table(), s, area.width.saturating_sub(4))
                .right_aligned(),
        )
        .border_style(Style::new().fg(Color::LightCyan));
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let mut rows = vec![Constraint::Length(1)];
    rows.extend(form.fields.iter().map(|_| Constraint::Length(3)));
    rows.push(Constraint::Length(1));
    let areas = Layout::vertical(rows).split(inner);
    frame.render_widget(
        Line::from(format!(
            "{} · {}",
            (s.gathering_heading)(run.session.gathering, &run.session.title),
            s.date(run.session.date)
        )),
        areas[0],
    );
    for (i, (field, label)) in form.fields.iter().zip(labels).enumerate() {
        let mut text = field.clone();
        let focused = form.focus == i;
        text.set_cursor_line_style(Style::new());
        if !focused {
            text.set_cursor_style(Style::new());
        }
        text.set_block(Block::bordered().title(*label).border_style(if focused {
            Style::new().fg(Color::Yellow)
        } else {
            Style::new().fg(Color::DarkGray)
        }));
        frame.render_widget(&text, areas[i + 1]);
    }
    if let Some(error) = form.error {
        let why = match error {
            FormError::BadDate => s.bad_date,
            FormError::BadGroup => s.bad_group,
            FormError::BadDay => s.bad_day,
            FormError::PastDate => s.past_date,
            FormError::BadTime(_) => s.bad_time,
            FormError::BadMinutes => s.bad_minutes,
            FormError::BadKind => s.bad_kind,
        };
        frame.render_widget(
            Line::styled(why, Style::new().fg(Color::White).bg(Color::Red)),
            areas[form.fields.len() + 1],
        );
    }
}
