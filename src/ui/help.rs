//! The `?` overlay: every key of the current screen and what it does, in the user's language,
//! drawn from the same tables the key map uses.

use ratatui::Frame;
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::i18n::{KeyHelp, Strings};

/// A key's name as the help shows it: the space bar in the user's language.
fn key_name<'a>(key: &'a str, s: &'a Strings) -> &'a str {
    if key == "Space" { s.key_space } else { key }
}

pub fn render(keys: &[(&str, KeyHelp)], s: &Strings, frame: &mut Frame) {
    let key_width = keys
        .iter()
        .map(|(k, _)| key_name(k, s).chars().count())
        .max()
        .unwrap_or(1);
    let help_width = keys
        .iter()
        .map(|(_, h)| (s.key_help)(*h).chars().count())
        .max()
        .unwrap_or(0);
    // Key column, two spaces, the widest description, and the borders.
    let width = (key_width + 2 + help_width).max(s.help_close.chars().count()) + 2;
    // One row per key inside the border; how to close it stands in the border, so the whole
    // list fits an 80×24 terminal.
    let height = keys.len() as u16 + 2;
    let area = super::widgets::centered(frame.area(), width as u16, height);
    let lines: Vec<Line> = keys
        .iter()
        .map(|(k, h)| {
            let k = key_name(k, s);
            Line::from(vec![
                Span::styled(
                    format!("{k:>key_width$}"),
                    Style::new().fg(Color::Yellow).bold(),
                ),
                Span::raw(format!("  {}", (s.key_help)(*h))),
            ])
        })
        .collect();

    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines).block(Block::bordered().title(s.help_title).title_bottom(
            Line::styled(s.help_close, Style::new().fg(Color::DarkGray)).right_aligned(),
        )),
        area,
    );
}
