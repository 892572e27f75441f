//! The `?` overlay: every key of the mode under it and what it does, in the user's language,
//! drawn from the very rows [`crate::app::keys::map`] dispatches from. One column when it fits,
//! else two, the descriptions wrapped, so a table as long as the running gathering's fits an
//! 80×24 terminal; on a smaller one what does not fit is cut and the frame says "…".

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::app::keys::{Key, Row};
use crate::i18n::Strings;
use ratatui::crossterm::event::KeyCode;

/// How a key is named: `short` in the footer (`␣`), in full in the help (`Mellomrom`).
pub fn key_name(key: Key, s: &Strings, short: bool) -> String {
    let named = |code: KeyCode| -> String {
        match code {
            KeyCode::Char(' ') if short => "␣".into(),
            KeyCode::Char(' ') => s.key_space.into(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::BackTab => "⇧Tab".into(),
            other => other.to_string(),
        }
    };
    match key {
        Key::Code(code) => named(code),
        Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
        Key::Shift(code) => format!("⇧{}", named(code)),
        Key::Digit => "0–9".into(),
        Key::Text => String::new(),
    }
}

/// A row's keys as the help names them: all of them, the main ones first.
fn row_keys(row: &Row, s: &Strings) -> String {
    let names: Vec<String> = row
        .all_keys()
        .map(|k| key_name(*k, s, false))
        .filter(|n| !n.is_empty())
        .collect();
    names.join(" ")
}

/// The lines of one column: each key right-aligned in `key_width`, its words wrapped beside it.
fn column(entries: &[(String, &str)], key_width: usize, width: usize) -> Vec<Line<'static>> {
    let text_width = width.saturating_sub(key_width + 2).max(8);
    let key_style = Style::new().fg(Color::Yellow).bold();
    let mut lines = Vec::new();
    for (keys, words) in entries {
        for (i, part) in textwrap::wrap(words, text_width).into_iter().enumerate() {
            let keys = if i == 0 { keys.as_str() } else { "" };
            lines.push(Line::from(vec![
                Span::styled(format!("{keys:>key_width$}"), key_style),
                Span::raw(format!("  {part}")),
            ]));
        }
    }
    lines
}

fn widest<'a>(texts: impl Iterator<Item = &'a str>) -> usize {
    texts.map(|t| Span::raw(t).width()).max().unwrap_or(0)
}

pub fn render(rows: &[Row], s: &Strings, frame: &mut Frame) {
    let screen = frame.area();
    let entries: Vec<(String, &str)> = rows
        .iter()
        .map(|r| (row_keys(r, s), (s.key_help)(r.help)))
        .collect();
    let key_width = widest(entries.iter().map(|(k, _)| k.as_str()));
    let text_width = widest(entries.iter().map(|(_, w)| *w));
    let frame_width = Span::raw(s.help_close).width() + 2;
    // One column, one row per key, if the screen has room for it.
    let one = (key_width + 2 + text_width + 2).max(frame_width);
    let (columns, inner_height) =
        if one <= usize::from(screen.width) && entries.len() + 2 <= usize::from(screen.height) {
            (vec![(entries.as_slice(), one - 2)], entries.len())
        } else {
            two_columns(&entries, screen)
        };
    let width = columns.iter().map(|(_, w)| w).sum::<usize>() + 3 * (columns.len() - 1) + 2;
    let area = super::widgets::centered(
        screen,
        width.min(usize::from(screen.width)) as u16,
        (inner_height + 2).min(usize::from(screen.height)) as u16,
    );
    let cut = inner_height + 2 > usize::from(screen.height);
    let close = if cut {
        format!("… {}", s.help_close)
    } else {
        s.help_close.to_string()
    };
    let block = Block::bordered()
        .title(s.help_title)
        .title_bottom(Line::styled(close, Style::new().fg(Color::DarkGray)).right_aligned());
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    let constraints = columns.iter().enumerate().flat_map(|(i, (_, w))| {
        let gap = if i == 0 { 0 } else { 3 };
        [Constraint::Length(gap), Constraint::Length(*w as u16)]
    });
    let cells: Vec<Rect> = Layout::horizontal(constraints).split(inner).to_vec();
    for (i, (entries, w)) in columns.iter().enumerate() {
        let key_width = widest(entries.iter().map(|(k, _)| k.as_str()));
        frame.render_widget(
            Paragraph::new(column(entries, key_width, *w)),
            cells[2 * i + 1],
        );
    }
}

/// Entries in columns, each with its width.
type Columns<'e, 'a> = Vec<(&'e [(String, &'a str)], usize)>;

/// The entries split in two columns filling the screen's width, at the point where the taller
/// of the two, as wrapped, is the shortest; and that height.
fn two_columns<'e, 'a>(entries: &'e [(String, &'a str)], screen: Rect) -> (Columns<'e, 'a>, usize) {
    let room = usize::from(screen.width).saturating_sub(2 + 3);
    let (left_width, right_width) = (room / 2, room - room / 2);
    let tall = |part: &[(String, &str)], width| {
        let key_width = widest(part.iter().map(|(k, _)| k.as_str()));
        column(part, key_width, width).len()
    };
    let split = (0..=entries.len())
        .min_by_key(|&at| {
            let (left, right) = entries.split_at(at);
            tall(left, left_width).max(tall(right, right_width))
        })
        .unwrap_or(0);
    let (left, right) = entries.split_at(split);
    let height = tall(left, left_width).max(tall(right, right_width));
    (vec![(left, left_width), (right, right_width)], height)
}

#[cfg(test)]
mod tests {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    use super::*;
    use crate::app::keys::Mode;
    use crate::lang::Lang;

    fn screen(rows: &[Row], lang: Lang, width: u16, height: u16) -> String {
        let mut t = Terminal::new(TestBackend::new(width, height)).unwrap();
        t.draw(|f| render(rows, lang.strings(), f)).unwrap();
        let buf = t.backend().buffer();
        (0..height)
            .map(|y| (0..width).map(|x| buf[(x, y)].symbol()).collect::<String>() + "\n")
            .collect()
    }

    #[test]
    fn every_mode_s_help_fits_80x24_in_both_languages() {
        for lang in [Lang::Nb, Lang::En] {
            let s = lang.strings();
            for mode in Mode::ALL {
                let shown = screen(mode.table(), lang, 80, 24);
                assert!(!shown.contains('…'), "{mode:?} {lang:?} cut:\n{shown}");
                // Every word of every row's description is on screen, wherever it wrapped.
                for row in mode.table() {
                    for word in (s.key_help)(row.help).split_whitespace() {
                        assert!(shown.contains(word), "{mode:?} {lang:?}: {word}\n{shown}");
                    }
                }
            }
        }
    }

    #[test]
    fn a_screen_too_small_cuts_the_list_and_says_so() {
        let shown = screen(Mode::Running.table(), Lang::Nb, 60, 12);
        assert!(shown.contains('…'), "{shown}");
    }
}
