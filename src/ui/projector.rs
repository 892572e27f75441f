//! The room's view on the projector: the gathering, the item, the time left in block digits,
//! the question of the moment, and what comes next. Only what everybody may see: never the
//! facilitator's note, never a note, never how far behind the day runs.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Stylize};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::fit;
use super::theme::Colors;
use super::widgets::{big_text, countdown};
use crate::app::projector::{Body, NextGathering, ProjectorView, Welcome};
use crate::i18n::Strings;

/// Draws the room's view. It is given only the [`ProjectorView`]: whatever is private in the
/// session never reaches this function.
pub fn render(view: &ProjectorView, s: &Strings, colors: &Colors, frame: &mut Frame, area: Rect) {
    frame.render_widget(Block::new().style(colors.base()), area);
    match &view.body {
        Body::SinceLast(since) => {
            super::review::render_projector(view, since, s, colors, frame, area);
        }
        Body::Welcome(welcome) => render_welcome(view, welcome, s, colors, frame, area),
        Body::Thanks { next } => render_thanks(view, next.as_ref(), s, colors, frame, area),
        _ => render_clock_and_question(view, s, colors, frame, area),
    }
    // The theme's background everywhere, never the terminal's (see [`super::theme`]).
    super::theme::paint(frame.buffer_mut(), area, colors);
}

/// The rows the block digits of the clock get beside a question at most (full-size digits,
/// twice as large on a tall screen): the question needs the room more than the clock does,
/// which still reads from the back at this size. It gives up more for a question that would
/// then go in block letters (see `render_clock_and_question`).
fn clock_rows(area: Rect) -> u16 {
    if area.height >= 50 { 16 } else { 8 }
}

/// `area` less a twentieth of its width each side: block letters carry their own spacing, and
/// every column they get makes them larger.
fn for_blocks(area: Rect) -> Rect {
    let margin = area.width / 20;
    Rect::new(
        area.x + margin,
        area.y,
        area.width - 2 * margin,
        area.height,
    )
}

/// Before the first item starts: the program, the gathering as large as it fits, the day and
/// place, and when it starts in block digits ("we start shortly" once that time has passed).
fn render_welcome(
    view: &ProjectorView,
    welcome: &Welcome,
    s: &Strings,
    colors: &Colors,
    frame: &mut Frame,
    area: Rect,
) {
    let digits = (!welcome.late).then(|| welcome.start.format("%H:%M").to_string());
    let clock_rows = if digits.is_some() {
        clock_rows(area)
    } else {
        0
    };
    // The gathering as large as it fits in what the other lines leave, and the whole welcome
    // centred on the screen.
    let gap = if area.height >= 30 { 2 } else { 1 };
    let width = for_blocks(area).width;
    let title = (s.gathering_heading)(view.gathering, &view.gathering_title);
    let room = area.height.saturating_sub(4 + 2 * gap + clock_rows);
    let fit = fit::fit(&title, Rect::new(0, 0, width, room), &fit::SIZES);
    let heading_rows = fit::rows(&title, &fit, width).min(room);
    let [program, _, heading, _, day, _, starts, clock] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(gap),
        Constraint::Length(heading_rows),
        Constraint::Length(gap),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(clock_rows),
    ])
    .flex(ratatui::layout::Flex::Center)
    .areas(area);
    frame.render_widget(
        Line::styled(
            crate::text::clipped(&welcome.program, program.width.into()),
            colors.dim(),
        )
        .centered(),
        program,
    );
    let style = colors.question();
    fit::draw(&title, &fit, style, for_blocks(heading), frame.buffer_mut());
    let date = s.date(welcome.date);
    let day_text = if welcome.place.trim().is_empty() {
        date
    } else {
        format!("{date} · {}", welcome.place.trim())
    };
    frame.render_widget(Line::styled(day_text, colors.base()).centered(), day);
    let start = welcome.start.format("%H:%M").to_string();
    let starts_text = match digits {
        Some(_) => (s.starts_at)(&start),
        None => s.starts_soon.to_string(),
    };
    frame.render_widget(Line::from(starts_text).bold().centered(), starts);
    if let Some(digits) = digits {
        big_text(
            &digits,
            colors.clock(view.left()),
            clock,
            frame.buffer_mut(),
        );
    }
}

/// After the last item: thanks, as large as it fits, and the next gathering when it is known.
fn render_thanks(
    view: &ProjectorView,
    next: Option<&NextGathering>,
    s: &Strings,
    colors: &Colors,
    frame: &mut Frame,
    area: Rect,
) {
    let [top, thanks, then] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(3),
        Constraint::Fill(if next.is_some() { 2 } else { 0 }),
    ])
    .areas(area);
    gathering_line(view, s, colors, frame, top);
    let style = colors.base().add_modifier(Modifier::BOLD);
    fit::render(s.thanks, style, for_blocks(thanks), frame.buffer_mut());
    if let Some(next) = next {
        let date = next.date.map(|d| s.date(d));
        let text = (s.next_gathering)(next.number, &next.title, date.as_deref());
        fit::render(
            &text,
            colors.question(),
            for_blocks(then),
            frame.buffer_mut(),
        );
    }
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
    // The step's name (the room times the step) and the break's "Vi starter igjen kl." are
    // drawn in block letters when they fit in a fifth (a third, in a break) of the screen;
    // before the question is given what is left. In a break the time follows in the digits.
    let headline = match (&view.step, &view.body) {
        (_, Body::Break { .. }) if big.is_some() => Some((
            format!("{}: {}", view.item_title, (s.resumes_at)("").trim_end()),
            area.height / 3,
        )),
        (Some(_), Body::Question) => Some((heading.clone(), area.height / 5)),
        _ => None,
    }
    .and_then(|(text, rows)| {
        let room = Rect::new(0, 0, for_blocks(area).width, rows);
        let fit = fit::fit(&text, room, &fit::SIZES);
        matches!(fit, fit::Fit::Blocks { .. }).then_some((text, fit))
    });
    let title_rows = match &headline {
        Some((text, fit)) => fit::rows(text, fit, area.width),
        None if tall => 3,
        None => 2,
    };
    let prompt = view.prompt.as_deref();
    let mirroring = matches!(view.body, Body::ThenAndNow(_));
    // Beside a question (or "Da — nå") the clock takes a fixed height and the question the
    // rest; alone, the clock takes it all.
    let asking = mirroring || prompt.is_some();
    let layout = |clock_rows: u16| -> [Rect; 8] {
        Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(title_rows),
            Constraint::Length(if tall { 2 } else { 0 }),
            if asking {
                Constraint::Length(clock_rows)
            } else {
                Constraint::Min(8)
            },
            Constraint::Length(u16::from(small.is_some())),
            Constraint::Length(1),
            if asking {
                Constraint::Min(3)
            } else {
                Constraint::Length(0)
            },
            Constraint::Length(1),
        ])
        .areas(area)
    };
    // "Da — nå" wants every row it can get for its two columns: full-size digits without
    // scaling on a tall screen, a line on a small one. A question gets the rows the clock can give up for it to
    // be drawn in block letters (the clock at its size for the screen, else half that, else
    // half-height digits); if none of these does it, the clock keeps its size.
    let clock_rows = if mirroring {
        if tall { 8 } else { 1 }
    } else {
        let full = clock_rows(area);
        let blocks = |rows: u16| {
            let [_, _, _, _, _, _, question, _] = layout(rows);
            prompt.is_some_and(|text| {
                let fit = fit::fit(text, for_blocks(question), &fit::SIZES);
                matches!(fit, fit::Fit::Blocks { .. })
            })
        };
        [full, full / 2, 4]
            .into_iter()
            .filter(|&rows| rows >= 4)
            .find(|&rows| blocks(rows))
            .unwrap_or(full)
    };
    let [top, title, _, clock, step_area, _, question, next] = layout(clock_rows);

    gathering_line(view, s, colors, frame, top);
    // During a timed step (1-2-4-alle) the step is what the room times: its name and its
    // countdown are the big things; the item and its own time a small line under them.
    // The headline was measured against a share of the screen; the layout may have given its
    // row less (a short screen, where the clock's and the question's minimums come first).
    let fits = |text: &str, fit: &fit::Fit| fit::rows(text, fit, title.width) <= title.height;
    match &headline {
        Some((text, fit)) if fits(text, fit) => {
            let style = colors.base().add_modifier(Modifier::BOLD);
            fit::draw(text, fit, style, for_blocks(title), frame.buffer_mut());
        }
        // A long title wraps onto the rows the heading has (two or three), its end marked "…"
        // if even they are too few.
        _ => {
            let lines =
                crate::text::wrapped(&heading, usize::from(title.width), title.height.into());
            let rows = u16::try_from(lines.len()).unwrap_or(u16::MAX);
            let lines: Vec<Line> = lines.into_iter().map(|l| Line::from(l).bold()).collect();
            frame.render_widget(Paragraph::new(lines).centered(), centre_rows(title, rows));
        }
    }
    // The flash turns the digits over, whatever they were (the last minutes may already be
    // reversed, on a light background with 16 colours).
    if view.flashing && style.add_modifier.contains(Modifier::REVERSED) {
        style = style.remove_modifier(Modifier::REVERSED);
    } else if view.flashing {
        style = style.add_modifier(Modifier::REVERSED);
    }
    let digits = big.unwrap_or_else(|| countdown(left));
    big_text(&digits, style, clock, frame.buffer_mut());

    if let Some(item) = small {
        frame.render_widget(Line::styled(item, colors.dim()).centered(), step_area);
    }
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
        // The question in the largest text that fits what the clock left.
        let style = colors.question().add_modifier(Modifier::BOLD);
        fit::render(text, style, for_blocks(question), frame.buffer_mut());
    }
    let next_text = match &view.next {
        Some(title) => format!("{}: {title}", s.next),
        None => s.last_item.to_string(),
    };
    let next_text = crate::text::clipped(&next_text, next.width.into());
    frame.render_widget(Line::styled(next_text, colors.dim()).centered(), next);
}

/// "1. samling: Hvem er vi", quiet, on the top row of the room's view.
fn gathering_line(
    view: &ProjectorView,
    s: &Strings,
    colors: &Colors,
    frame: &mut Frame,
    row: Rect,
) {
    let text = (s.gathering_heading)(view.gathering, &view.gathering_title);
    let text = crate::text::clipped(&text, row.width.into());
    frame.render_widget(Line::styled(text, colors.dim()).centered(), row);
}

/// The middle `rows` rows of `area`.
fn centre_rows(area: Rect, rows: u16) -> Rect {
    let rows = rows.min(area.height);
    Rect::new(area.x, area.y + (area.height - rows) / 2, area.width, rows)
}
