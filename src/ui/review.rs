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
    // Over the view, not over its status line and keys (a message stands at the status line's
    // end: "Referatet er skrevet til …").
    let whole = frame.area();
    let foot = super::facilitator::foot_rows(run, s, now, whole.width);
    let above = Rect::new(
        whole.x,
        whole.y,
        whole.width,
        whole.height.saturating_sub(foot),
    );
    let [area] = Layout::horizontal([Constraint::Percentage(92)])
        .flex(Flex::Center)
        .areas(above);
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

/// What the room sees during "siden sist": the item and its time left on a line, then the
/// agreements with their status and last time's highlights filling the rest of the screen, in
/// the largest size that fits their number (see `SinceLastLayout`), the one under review marked.
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
    let entries = wall_entries(since, s);
    let layout = SinceLastLayout::choose(&entries, body);
    layout.draw(&entries, colors, body, frame.buffer_mut());
}

/// One thing on the "siden sist" wall: a heading, an agreement or a highlight.
struct WallEntry {
    /// Before the text: the marker of the one under review and the status's sign, or `• `.
    lead: String,
    text: String,
    /// After it: the status or the group, in words.
    after: String,
    heading: bool,
    selected: bool,
}

fn wall_entries(since: &SinceLastView, s: &Strings) -> Vec<WallEntry> {
    let heading = |text: &str| WallEntry {
        lead: String::new(),
        text: text.to_string(),
        after: String::new(),
        heading: true,
        selected: false,
    };
    let mut entries = vec![heading(s.agreements)];
    for (i, a) in since.agreements.iter().enumerate() {
        let marker = match since.selected {
            Some(n) if n == i => "▶ ",
            Some(_) => "  ",
            None => "",
        };
        entries.push(WallEntry {
            lead: format!("{marker}{} ", sign(a.status).0),
            text: a.text.split_whitespace().collect::<Vec<_>>().join(" "),
            after: format!("({})", (s.status)(a.status)),
            heading: false,
            selected: since.selected == Some(i),
        });
    }
    if !since.highlights.is_empty() {
        entries.push(heading(s.highlights));
        for n in &since.highlights {
            entries.push(WallEntry {
                lead: "• ".into(),
                text: n.text.split_whitespace().collect::<Vec<_>>().join(" "),
                after: format!("({})", (s.group)(n.group)),
                heading: false,
                selected: false,
            });
        }
    }
    entries
}

/// How the "siden sist" wall is laid out, the largest that fits the entries in the area: each
/// text in block letters (its sign and status on a line above it), else text with two or one
/// empty rows between the entries, else text packed, scrolled to keep the one under review in
/// view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SinceLastLayout {
    Blocks(tui_big_text::PixelSize),
    Spaced(u16),
    Packed,
}

impl SinceLastLayout {
    fn choose(entries: &[WallEntry], area: Rect) -> SinceLastLayout {
        let fits = |layout: SinceLastLayout| {
            layout
                .height(entries, area)
                .is_some_and(|h| h <= area.height)
        };
        super::fit::SIZES
            .iter()
            .map(|&size| SinceLastLayout::Blocks(size))
            .chain([SinceLastLayout::Spaced(2), SinceLastLayout::Spaced(1)])
            .find(|&layout| fits(layout))
            .unwrap_or(SinceLastLayout::Packed)
    }

    /// Each entry as it is placed; `None` if a text does not go in block letters of the size
    /// (a word too long for a row).
    fn place(self, entries: &[WallEntry], area: Rect) -> Option<Vec<Placed>> {
        let gap = match self {
            SinceLastLayout::Blocks(_) => 1,
            SinceLastLayout::Spaced(n) => n,
            SinceLastLayout::Packed => 0,
        };
        let mut out = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            // A heading after entries stands apart from them; the entries under a heading
            // close up to it.
            let gap = match entries.get(i + 1) {
                None => 0,
                Some(next) if next.heading => gap.max(1),
                Some(_) if e.heading => gap.min(1),
                Some(_) => gap,
            };
            let style = if e.selected {
                Style::new().bold()
            } else {
                Style::new()
            };
            let placed = match self {
                _ if e.heading => Placed {
                    lines: vec![Line::from(e.text.clone()).bold()],
                    blocks: None,
                    gap,
                },
                SinceLastLayout::Blocks(size) => Placed {
                    lines: vec![
                        Line::from(format!("{}{}", e.lead, e.after))
                            .style(style)
                            .centered(),
                    ],
                    blocks: Some((size, super::fit::blocks(&e.text, size, area)?)),
                    gap,
                },
                _ => {
                    let after = Span::raw(format!("  {}", e.after));
                    let lead = vec![Span::raw(e.lead.clone())];
                    Placed {
                        lines: hanging(lead, &e.text, Some(after), area.width, style),
                        blocks: None,
                        gap,
                    }
                }
            };
            out.push(placed);
        }
        Some(out)
    }

    fn height(self, entries: &[WallEntry], area: Rect) -> Option<u16> {
        Some(self.place(entries, area)?.iter().map(Placed::height).sum())
    }

    fn draw(
        self,
        entries: &[WallEntry],
        colors: &super::theme::Colors,
        area: Rect,
        buf: &mut ratatui::buffer::Buffer,
    ) {
        use ratatui::widgets::Widget;
        let Some(placed) = self.place(entries, area) else {
            return;
        };
        let height: u16 = placed.iter().map(Placed::height).sum();
        // Centred when it all fits; else from the top, scrolled so that the selected entry's
        // last row shows.
        let mut y = if height <= area.height {
            i32::from(area.y + (area.height - height) / 2)
        } else {
            let selected = entries.iter().position(|e| e.selected);
            let end: u16 = selected.map_or(0, |n| {
                placed[..n].iter().map(Placed::height).sum::<u16>() + placed[n].height()
                    - placed[n].gap
            });
            i32::from(area.y) - i32::from(end.saturating_sub(area.height))
        };
        let inside = |y: i32, rows: u16| {
            y >= i32::from(area.y) && y + i32::from(rows) <= i32::from(area.bottom())
        };
        for (p, e) in placed.into_iter().zip(entries) {
            for line in p.lines {
                if inside(y, 1) {
                    let row = Rect::new(area.x, y as u16, area.width, 1);
                    super::theme::toned(vec![line], colors)
                        .remove(0)
                        .render(row, buf);
                }
                y += 1;
            }
            if let Some((size, lines)) = p.blocks {
                let rows = super::fit::height(size, lines.len());
                if inside(y, rows) {
                    let block = Rect::new(area.x, y as u16, area.width, rows);
                    let style = if e.selected {
                        colors.question()
                    } else {
                        colors.base()
                    };
                    let fit = super::fit::Fit::Blocks { size, lines };
                    super::fit::draw(&e.text, &fit, style, block, buf);
                }
                y += i32::from(rows);
            }
            y += i32::from(p.gap);
        }
    }
}

/// An entry of the "siden sist" wall as placed: its lines of text, its text in block letters
/// (of that size) if the layout has them, and the empty rows after it.
struct Placed {
    lines: Vec<Line<'static>>,
    blocks: Option<(tui_big_text::PixelSize, Vec<String>)>,
    gap: u16,
}

impl Placed {
    fn height(&self) -> u16 {
        let blocks = self
            .blocks
            .as_ref()
            .map_or(0, |(size, lines)| super::fit::height(*size, lines.len()));
        self.lines.len() as u16 + blocks + self.gap
    }
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
    // On the room's view, with rows to spare, "Da" and "Nå" head the columns in block letters
    // (which gathering "Da" is, a line under it); otherwise they are the boxes' titles.
    let large = colors.is_some() && area.height >= 16;
    for (title, big, under, notes, rect, when_empty) in [
        (
            (s.mirror_then)(mirror.gathering),
            s.mirror_then_big,
            (s.mirror_then_from)(mirror.gathering),
            &mirror.then,
            then_area,
            Some(s.mirror_no_answer),
        ),
        (
            s.mirror_now.to_string(),
            s.mirror_now,
            String::new(),
            &mirror.now,
            now_area,
            None,
        ),
    ] {
        let (title, rect) = if large {
            let [heading, below, rest] = Layout::vertical([
                Constraint::Length(4),
                Constraint::Length(1),
                Constraint::Min(3),
            ])
            .areas(rect);
            let style = tone(colors, Tone::Question).add_modifier(Modifier::BOLD);
            super::fit::render(big, style, heading, frame.buffer_mut());
            frame.render_widget(
                Line::styled(under, tone(colors, Tone::Dim)).centered(),
                below,
            );
            (String::new(), rest)
        } else {
            (title, rect)
        };
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
