//! Pieces the screens share: how time is written, the colours of a countdown, and the big
//! clock for the room.

use chrono::Duration;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use tui_big_text::{BigText, PixelSize};

use crate::app::keys::Row;
use crate::i18n::{KeyHelp, Strings};

/// The last minutes of an item, when the countdown turns to the warning colour.
pub const WARN_MINUTES: i64 = 2;

/// A moment as the agenda, the status line and the schedule show it: the hour and minute.
pub fn clock(t: crate::model::Timestamp) -> String {
    t.0.format("%H:%M").to_string()
}

/// `MM:SS` for time left, `+MM:SS` for overtime. Minutes are not wrapped into hours: a room
/// reads "75:00" at a glance, and items that long are rare.
pub fn countdown(left: Duration) -> String {
    let over = left < Duration::zero();
    let secs = left.num_seconds().abs();
    let text = format!("{:02}:{:02}", secs / 60, secs % 60);
    if over { format!("+{text}") } else { text }
}

/// The colour of a countdown: calm, warning in the last two minutes, alarm in overtime.
pub fn countdown_style(left: Duration) -> Style {
    let color = if left < Duration::zero() {
        Color::LightRed
    } else if left <= Duration::minutes(WARN_MINUTES) {
        Color::Yellow
    } else {
        Color::White
    };
    Style::new().fg(color).add_modifier(Modifier::BOLD)
}

/// Draws `text` in block digits, as large as `area` allows: tui-big-text's full-size glyphs
/// (8×8 cells, one cell per pixel), scaled up by a whole factor on a large screen so the room
/// can read it from the back; half as tall (half blocks, 8×4) where only that fits, as beside
/// a question on a small screen. Centred in `area`.
pub fn big_text(text: &str, style: Style, area: Rect, buf: &mut Buffer) {
    let glyphs = text.chars().count() as u16;
    let (w, h) = (glyphs * 8, 8);
    if area.width >= w && (4..h).contains(&area.height) {
        let rows = Rect::new(area.x, area.y + (area.height - 4) / 2, area.width, 4);
        BigText::builder()
            .pixel_size(PixelSize::HalfHeight)
            .style(style)
            .centered()
            .lines(vec![Line::from(text.to_string())])
            .build()
            .render(rows, buf);
        return;
    }
    if area.width < w || area.height < h {
        // Too small for block digits: plain bold text still tells the time.
        Line::styled(text.to_string(), style)
            .centered()
            .render(area, buf);
        return;
    }
    let scale = (area.width / w).min(area.height / h).clamp(1, 4);
    let mut glyph_buf = Buffer::empty(Rect::new(0, 0, w, h));
    BigText::builder()
        .pixel_size(PixelSize::Full)
        .style(style)
        .lines(vec![Line::from(text.to_string())])
        .build()
        .render(glyph_buf.area, &mut glyph_buf);
    let x0 = area.x + (area.width - w * scale) / 2;
    let y0 = area.y + (area.height - h * scale) / 2;
    for y in 0..h {
        for x in 0..w {
            let cell = glyph_buf[(x, y)].clone();
            for dy in 0..scale {
                for dx in 0..scale {
                    buf[(x0 + x * scale + dx, y0 + y * scale + dy)] = cell.clone();
                }
            }
        }
    }
}

/// `area` less a tenth of its width on each side: text the room reads stays off the edges.
pub fn with_margins(area: Rect) -> Rect {
    let margin = area.width / 10;
    let [_, middle, _] = ratatui::layout::Layout::horizontal([
        ratatui::layout::Constraint::Length(margin),
        ratatui::layout::Constraint::Min(10),
        ratatui::layout::Constraint::Length(margin),
    ])
    .areas(area);
    middle
}

/// A box of `width` × `height` in the middle of `outer` (cut to fit), for the overlays.
pub fn centered(outer: Rect, width: u16, height: u16) -> Rect {
    use ratatui::layout::{Constraint, Flex, Layout};
    let [area] = Layout::horizontal([Constraint::Length(width)])
        .flex(Flex::Center)
        .areas(outer);
    let [area] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::Center)
        .areas(area);
    area
}

/// The footer's key hints from a mode's table, as many as fit in `width`: the way to help, the
/// way out and the projector key always (the one a facilitator must find at once when the
/// room sees the wrong screen), the others in the table's order while there is room. Rows with only
/// extra keys (`Ctrl-C`, typing) are for the help, not the footer.
pub fn key_hints(rows: &[Row], s: &Strings, width: u16) -> Line<'static> {
    hints(rows, s, width, true)
}

/// The hints of a panel over a screen whose own footer already shows the way to help and out:
/// the panel's keys alone, in the table's order.
pub fn panel_hints(rows: &[Row], s: &Strings, width: u16) -> Line<'static> {
    let own = |r: &&Row| !matches!(r.help, KeyHelp::Help | KeyHelp::Quit | KeyHelp::SaveQuit);
    let rows: Vec<Row> = rows.iter().filter(own).copied().collect();
    hints(&rows, s, width, false)
}

fn hints(rows: &[Row], s: &Strings, width: u16, keep_exits: bool) -> Line<'static> {
    let always = |h: KeyHelp| {
        keep_exits
            && matches!(
                h,
                KeyHelp::Help | KeyHelp::Quit | KeyHelp::SaveQuit | KeyHelp::Projector
            )
    };
    let hint = |row: &Row| {
        let keys: Vec<String> = row
            .keys
            .iter()
            .map(|k| super::help::key_name(*k, s, true))
            .collect();
        format!("{} {}", keys.join(" "), (s.key_short)(row.help))
    };
    let rows: Vec<&Row> = rows.iter().filter(|r| !r.keys.is_empty()).collect();
    let mut room = width as usize;
    room = room.saturating_sub(
        rows.iter()
            .filter(|r| always(r.help))
            .map(|r| hint(r).chars().count() + 2)
            .sum(),
    );
    let mut shown = Vec::new();
    for row in rows {
        let text = hint(row);
        if always(row.help) {
            shown.push(text);
        } else if text.chars().count() + 2 <= room {
            room -= text.chars().count() + 2;
            shown.push(text);
        }
    }
    Line::from(Span::styled(
        shown.join("  "),
        Style::new().fg(Color::DarkGray),
    ))
}

/// `text` wrapped into `width` columns under a hanging indent: the first row starts with
/// `lead`, the others line up under the text, and `suffix` (a status, a group) follows the last
/// word, on a row of its own if it does not fit. Lists that scroll to a selection need to know
/// how many rows an entry takes, so they wrap with this rather than leave it to `Paragraph`.
pub fn hanging(
    lead: Vec<Span<'static>>,
    text: &str,
    suffix: Option<Span<'static>>,
    width: u16,
    style: Style,
) -> Vec<Line<'static>> {
    let indent = " ".repeat(lead.iter().map(Span::width).sum());
    let width = usize::from(width).max(indent.len() + 1);
    let options = textwrap::Options::new(width)
        .initial_indent(&indent)
        .subsequent_indent(&indent);
    let mut lead = Some(lead);
    let mut lines: Vec<Line<'static>> = textwrap::wrap(text, options)
        .into_iter()
        .map(|row| {
            let mut spans = lead
                .take()
                .unwrap_or_else(|| vec![Span::raw(indent.clone())]);
            spans.push(Span::styled(row[indent.len()..].to_string(), style));
            Line::from(spans)
        })
        .collect();
    if let Some(suffix) = suffix {
        match lines.last_mut() {
            Some(last) if last.width() + suffix.width() <= width => last.push_span(suffix),
            _ => {
                let own_row = Span::styled(suffix.content.trim_start().to_string(), suffix.style);
                lines.push(Line::from(vec![Span::raw(indent), own_row]));
            }
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_hints_always_keep_help_and_quit_and_fit() {
        let s = crate::i18n::Lang::Nb.strings();
        let keys = crate::app::keys::RUNNING;
        let narrow = key_hints(keys, s, 60).to_string();
        assert!(narrow.chars().count() <= 60, "{narrow}");
        assert!(
            narrow.contains("? taster")
                && narrow.contains("q avslutt")
                && narrow.contains("p projektor"),
            "{narrow}"
        );
        let wide = key_hints(keys, s, 200).to_string();
        assert!(
            wide.contains("] [ spørsmål") && wide.contains("␣ start/pause"),
            "{wide}"
        );
    }

    #[test]
    fn countdowns_read_as_minutes_and_seconds() {
        assert_eq!(countdown(Duration::seconds(15 * 60)), "15:00");
        assert_eq!(countdown(Duration::seconds(61)), "01:01");
        assert_eq!(countdown(Duration::zero()), "00:00");
        assert_eq!(countdown(Duration::seconds(-75)), "+01:15");
        assert_eq!(countdown(Duration::minutes(75)), "75:00");
    }

    #[test]
    fn the_colour_warns_in_the_last_two_minutes_and_alarms_in_overtime() {
        assert_eq!(countdown_style(Duration::minutes(3)).fg, Some(Color::White));
        assert_eq!(
            countdown_style(Duration::minutes(2)).fg,
            Some(Color::Yellow)
        );
        assert_eq!(
            countdown_style(Duration::seconds(-1)).fg,
            Some(Color::LightRed)
        );
    }

    #[test]
    fn big_digits_grow_with_the_screen_and_fall_back_to_text_when_tiny() {
        let render = |w, h| {
            let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
            big_text("12:34", Style::new(), buf.area, &mut buf);
            let filled = buf.content.iter().filter(|c| c.symbol() != " ").count();
            (filled, buf)
        };
        let (small, _) = render(40, 8);
        let (large, _) = render(120, 24);
        assert!(small > 20);
        assert_eq!(large, small * 9, "scaled three times each way");
        // Four to seven rows: half-height digits, four rows of half blocks.
        let (_, half) = render(40, 5);
        let inked = |y: u16| (0..40).any(|x| half[(x, y)].symbol() != " ");
        assert!(
            inked(0) && inked(3) && !inked(4),
            "centred in five rows, four used"
        );
        assert!(
            half.content
                .iter()
                .any(|c| c.symbol() == "▀" || c.symbol() == "▄")
        );
        let (_, tiny) = render(20, 3);
        let row: String = (0..20).map(|x| tiny[(x, 0)].symbol().to_string()).collect();
        assert!(row.contains("12:34"), "{row:?}");
    }

    #[test]
    fn hanging_text_lines_up_under_itself_and_the_suffix_finds_room() {
        let text =
            |lines: &[Line]| -> Vec<String> { lines.iter().map(|l| l.to_string()).collect() };
        let lines = hanging(
            vec![Span::raw("▶ ✓ ")],
            "Alle gjennomfører minst én LINK-økt i klassene",
            Some(Span::raw("  (gjort)")),
            24,
            Style::new(),
        );
        assert_eq!(
            text(&lines),
            [
                "▶ ✓ Alle gjennomfører",
                "    minst én LINK-økt i",
                "    klassene  (gjort)",
            ]
        );
        assert!(lines.iter().all(|l| l.width() <= 24));
        // A suffix that does not fit goes below, indented.
        let lines = hanging(
            vec![Span::raw("• ")],
            "Tolv tegn ok",
            Some(Span::raw(" (plenum)")),
            14,
            Style::new(),
        );
        assert_eq!(text(&lines), ["• Tolv tegn ok", "  (plenum)"]);
        // A width smaller than the lead still makes progress.
        assert!(!hanging(vec![Span::raw("    ")], "ord", None, 2, Style::new()).is_empty());
    }
}
