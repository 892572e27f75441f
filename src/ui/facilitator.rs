//! The facilitator's view on the laptop: the agenda with planned and actual times on the left;
//! the current item, its countdown and step, its questions, the private note and its notes on
//! the right; a status line with the clock, how the day runs against plan and when it last
//! saved; key hints at the bottom.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::widgets::{big_text, clock, countdown, countdown_style, hanging, key_hints};
use crate::app::projector::ThenAndNow;
use crate::app::{Run, SaveState};
use crate::i18n::Strings;
use crate::model::timer::{self, Phase};
use crate::model::{Agreement, NoteKind, Timestamp, schedule};
use crate::text::clipped;

const DIM: Style = Style::new().fg(Color::DarkGray);

pub fn render(run: &Run, s: &Strings, now: Timestamp, frame: &mut Frame) {
    let session = &run.session;
    let day = schedule::project(session, now);
    let status = status(run, &day, s, now);
    let status_rows = rows_of(&status, frame.area().width);
    let [header, notices, body, status_area, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(run.notices.len().min(3) as u16),
        Constraint::Min(5),
        Constraint::Length(status_rows),
        Constraint::Length(1),
    ])
    .areas(frame.area());
    // The clock and the day after the gathering's title; a title too long for both is cut at
    // a word with "…", and the place and facilitator go before the clock does.
    let mut facts: Vec<String> = [
        now.0.format("  %H:%M").to_string(),
        s.date(session.date),
        session.place.clone(),
        session.facilitator.clone(),
    ]
    .into_iter()
    .filter(|part| !part.trim().is_empty())
    .collect();
    let heading = (s.gathering_heading)(session.gathering, &session.title);
    let width = usize::from(header.width);
    let facts_width = |facts: &[String]| Span::raw(facts.join(" · ")).width();
    while facts.len() > 1 && Span::raw(heading.as_str()).width() + facts_width(&facts) > width {
        facts.pop();
    }
    let title = crate::text::clipped(&heading, width.saturating_sub(facts_width(&facts)));
    frame.render_widget(
        Line::from(vec![
            Span::raw(title).bold(),
            Span::styled(facts.join(" · "), DIM),
        ]),
        header,
    );
    frame.render_widget(
        Paragraph::new(
            run.notices
                .iter()
                .map(|n| Line::styled(n.as_str(), Style::new().fg(Color::White).bg(Color::Red)))
                .collect::<Vec<_>>(),
        ),
        notices,
    );
    let agenda_width = (body.width / 3).clamp(28, 48);
    let [agenda, main] =
        Layout::horizontal([Constraint::Length(agenda_width), Constraint::Min(20)]).areas(body);
    render_agenda(run, &day, s, now, frame, agenda);
    render_current(run, s, now, frame, main);
    frame.render_widget(status, status_area);
    frame.render_widget(
        key_hints(crate::app::keys::RUNNING, s, footer.width),
        footer,
    );
}

/// The rows the status line takes at `width`: up to three.
fn rows_of(status: &Paragraph, width: u16) -> u16 {
    u16::try_from(status.line_count(width))
        .unwrap_or(3)
        .clamp(1, 3)
}

/// The rows at the foot of the facilitator's view, the status line and the key hints: the
/// panels over the view leave them in sight.
pub fn foot_rows(run: &Run, s: &Strings, now: Timestamp, width: u16) -> u16 {
    let day = schedule::project(&run.session, now);
    rows_of(&status(run, &day, s, now), width) + 1
}

/// Each item with its clock time: when it started, for an item that has been in front of the
/// room (with the minutes it has had), or when it will start as the day goes, in yellow with
/// the plan's time dimmed beside it where they differ. The current one is marked.
fn render_agenda(
    run: &Run,
    day: &schedule::Projection,
    s: &Strings,
    now: Timestamp,
    frame: &mut Frame,
    area: Rect,
) {
    let session = &run.session;
    let wide = area.width >= 40;
    let inner = usize::from(area.width.saturating_sub(2));
    // A title longer than its row is cut at a word and ends with "…".
    let title = |spans: &[Span], after: usize, title: &str| {
        let used: usize = spans.iter().map(Span::width).sum::<usize>() + after;
        clipped(title, inner.saturating_sub(used))
    };
    let at = session.current_index();
    let lines: Vec<Line> = session
        .agenda
        .iter()
        .zip(&day.items)
        .enumerate()
        .map(|(i, (item, time))| {
            let events = session.events_of(&item.id);
            let current = i == at;
            let (mark, style) = match (current, timer::phase(events)) {
                (true, _) => (
                    "▶ ",
                    Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED),
                ),
                (false, Phase::Ended) => ("✓ ", DIM),
                (false, Phase::Waiting) => ("  ", Style::new()),
                (false, _) => ("· ", Style::new()),
            };
            if time.skipped {
                // Kept in the agenda, taking no time: crossed out, without a clock time.
                let mut spans = vec![Span::styled("  ", style), Span::styled("  –   ", DIM)];
                let text = title(&spans, 0, &item.title);
                spans.push(Span::styled(text, DIM.add_modifier(Modifier::CROSSED_OUT)));
                return Line::from(spans);
            }
            let start = clock(time.start);
            let planned = time.planned.map(clock);
            let moved = !time.begun && planned.as_ref().is_some_and(|p| *p != start);
            let time_style = if moved {
                Style::new().fg(Color::Yellow)
            } else {
                DIM
            };
            let mut spans = vec![
                Span::styled(mark, style),
                Span::styled(format!("{start} "), time_style),
            ];
            if let Some(planned) = planned.filter(|_| wide && moved) {
                spans.push(Span::styled(format!("({planned}) "), DIM));
            }
            if session.is_inserted(&item.id) {
                spans.push(Span::styled("+ ", Style::new().fg(Color::Cyan)));
            }
            let spent = (wide && time.begun)
                .then(|| format!("  {}′", timer::elapsed(events, now).num_minutes()));
            let after = spent.as_ref().map_or(0, |t| Span::raw(t.as_str()).width());
            spans.push(Span::styled(title(&spans, after, &item.title), style));
            if let Some(spent) = spent {
                spans.push(Span::styled(spent, DIM));
            }
            Line::from(spans)
        })
        .collect();
    // Keep the current item in view on a short screen.
    let inner_height = area.height.saturating_sub(2) as usize;
    let scroll = at.saturating_sub(inner_height.saturating_sub(2)) as u16;
    frame.render_widget(
        Paragraph::new(lines)
            .scroll((scroll, 0))
            .block(Block::bordered().title(s.agenda).border_style(DIM)),
        area,
    );
}

fn render_current(run: &Run, s: &Strings, now: Timestamp, frame: &mut Frame, area: Rect) {
    let session = &run.session;
    let Some(item) = session.current_item() else {
        return;
    };
    let left = session.remaining(now);
    let phase = session.phase();
    // On a tall screen the countdown gets block digits of its own above the rest.
    let big_clock = area.height >= 36;
    let mut lines = vec![Line::from(vec![
        Span::raw(item.title.as_str()).bold(),
        Span::styled(
            format!(
                "  {} · {}",
                (s.item_kind)(item.kind),
                // The item's time as it stands, `+` and `-` included.
                (s.minutes)(
                    u32::try_from(timer::budget(item, session.events_of(&item.id)).num_minutes())
                        .unwrap_or(0)
                )
            ),
            DIM,
        ),
    ])];
    let mut clock_style = countdown_style(left);
    if run.screen.flashing(now) {
        clock_style = clock_style.add_modifier(Modifier::REVERSED);
    }
    let mut clock = Vec::new();
    if !big_clock {
        clock.push(Span::styled(format!(" {} ", countdown(left)), clock_style));
    }
    let phase_text = if session.is_finished() {
        Some(s.gathering_ended)
    } else {
        match phase {
            Phase::Waiting => Some(s.phase_waiting),
            Phase::Paused => Some(s.phase_paused),
            Phase::Ended => Some(s.phase_ended),
            Phase::Running => None,
        }
    };
    if let Some(text) = phase_text {
        clock.push(Span::styled(
            format!("  {text}"),
            Style::new().fg(Color::Cyan),
        ));
    }
    if run.resumed && !session.timing.is_empty() && phase != Phase::Running {
        clock.push(Span::styled(format!("  ({})", s.resumed), DIM));
    }
    lines.push(Line::from(clock));
    if let Some(step) = run.step(now) {
        let label = &item.steps[step.index].label;
        lines.push(Line::from(vec![
            Span::raw((s.step)(step.index + 1, item.steps.len(), label)),
            Span::styled(
                format!("  {}", countdown(step.remaining)),
                countdown_style(step.remaining),
            ),
        ]));
    }
    lines.push(Line::default());

    let note_height = if item.facilitator_note.is_empty() {
        0
    } else {
        // Two lines of note at least, more on a tall screen.
        (area.height / 5).clamp(3, 8)
    };
    let notes_height = (area.height / 3).max(4);
    let made = session.made_here().count();
    let agreements_height = if made == 0 {
        0
    } else {
        (made as u16 + 2).min((area.height / 5).max(3))
    };
    let [clock_area, top, note, agreements, notes] = Layout::vertical([
        Constraint::Length(if big_clock { 10 } else { 0 }),
        Constraint::Min(4),
        Constraint::Length(note_height),
        Constraint::Length(agreements_height),
        Constraint::Length(notes_height),
    ])
    .areas(area);
    if agreements_height > 0 {
        render_agreements(run, s, frame, agreements);
    }
    if big_clock {
        let block = Block::bordered().border_style(DIM);
        let inner = block.inner(clock_area);
        frame.render_widget(block, clock_area);
        big_text(&countdown(left), clock_style, inner, frame.buffer_mut());
    }
    // The item, its countdown and step stay at the top of the box; under them the questions,
    // each wrapped under itself, a list longer than its room scrolled to keep the one on the
    // wall in view.
    let block = Block::bordered().border_style(DIM);
    let inner = block.inner(top);
    frame.render_widget(block, top);
    let head = Paragraph::new(lines).wrap(Wrap { trim: false });
    let head_rows = u16::try_from(head.line_count(inner.width)).unwrap_or(u16::MAX);
    let [head_area, list_area] =
        Layout::vertical([Constraint::Length(head_rows), Constraint::Min(0)]).areas(inner);
    frame.render_widget(head, head_area);
    let asked = session.prompt_index();
    let mut questions = Vec::new();
    let mut asked_end = 0;
    for (i, prompt) in item.prompts.iter().enumerate() {
        let current = i == asked;
        let lead = format!("{}{}. ", if current { "▶ " } else { "  " }, i + 1);
        let style = if current { Style::new().bold() } else { DIM };
        questions.extend(hanging(
            vec![Span::raw(lead)],
            &prompt.text,
            None,
            inner.width,
            style,
        ));
        if current {
            asked_end = questions.len();
        }
    }
    let scroll = asked_end.saturating_sub(usize::from(list_area.height));
    let scroll = u16::try_from(scroll).unwrap_or(u16::MAX);
    frame.render_widget(Paragraph::new(questions).scroll((scroll, 0)), list_area);
    if note_height > 0 {
        // Wrapped in its box; what does not fit is said to be there, on the box's frame.
        let text = Paragraph::new(item.facilitator_note.as_str()).wrap(Wrap { trim: true });
        let cut = text.line_count(note.width.saturating_sub(2))
            > usize::from(note.height.saturating_sub(2));
        let mut block = Block::bordered()
            .title(s.private_note)
            .border_style(Style::new().fg(Color::Yellow));
        if cut {
            block = block.title_bottom(Line::from(s.more_below).right_aligned());
        }
        frame.render_widget(
            text.style(Style::new().fg(Color::Yellow)).block(block),
            note,
        );
    }
    // "Da — nå" on: the same two columns the room sees, in place of the notes.
    match ThenAndNow::of(&run.session).filter(|_| run.screen.mirror) {
        Some(mirror) => super::review::then_and_now(&mirror, s, None, frame, notes),
        None => render_notes(run, s, frame, notes),
    }
}

/// The agreements made at this gathering, newest in view.
fn render_agreements(run: &Run, s: &Strings, frame: &mut Frame, area: Rect) {
    let inner = usize::from(area.width.saturating_sub(2));
    let made: Vec<&Agreement> = run.session.made_here().collect();
    let selected = made.iter().position(|c| {
        run.screen.agreements_focused && run.screen.selected_agreement.as_ref() == Some(&c.id)
    });
    let visible = area.height.saturating_sub(2) as usize;
    // The newest in view, unless the selected one is further up. Only the rows in view are
    // laid out: a long series can hold hundreds of agreements.
    let skip = made
        .len()
        .saturating_sub(visible)
        .min(selected.unwrap_or(usize::MAX));
    let lines: Vec<Line> = made
        .iter()
        .enumerate()
        .skip(skip)
        .take(visible)
        .map(|(i, c)| {
            let selected = selected == Some(i);
            // One row each: who and due (or just who) while the text keeps at least half the
            // row, and a text too long for it ends in "…" (`e` shows it whole).
            let who = (s.who)(&c.who);
            let detail = [
                format!("  {who} · {}", s.due_by(&c.due, run.next_gathering())),
                format!("  {who}"),
                String::new(),
            ]
            .into_iter()
            .find(|d| inner.saturating_sub(2 + textwrap::core::display_width(d)) >= inner / 2)
            .unwrap_or_default();
            let room = inner.saturating_sub(2 + textwrap::core::display_width(&detail));
            let text = clipped(&c.text, room);
            Line::from(vec![
                Span::styled(
                    format!("{} {text}", if selected { "▶" } else { "•" }),
                    if selected {
                        Style::new().add_modifier(Modifier::REVERSED)
                    } else {
                        Style::new()
                    },
                ),
                Span::styled(detail, DIM),
            ])
        })
        .collect();
    frame.render_widget(
        Paragraph::new(lines).block(Block::bordered().title(s.agreements).border_style(DIM)),
        area,
    );
}

/// The notes written for the current item, the selected one marked, each with its writer's
/// name when a note-taker's samling wrote it; the newest stay in view.
pub(super) fn render_notes(run: &Run, s: &Strings, frame: &mut Frame, area: Rect) {
    let selected = run.selected_note().map(|n| &n.id);
    let mut selected_line = None;
    let mut lines: Vec<Line> = run
        .item_notes()
        .enumerate()
        .map(|(i, n)| {
            // A note-taker's samling keeps its notes as written: the facilitator's marks on
            // them are shown, laid over.
            let n = run.session.shown(n);
            let first_line = n.text.lines().next().unwrap_or("");
            let is_selected = Some(&n.id) == selected;
            if is_selected {
                selected_line = Some(i);
            }
            let mut spans = vec![
                Span::raw(if is_selected { "▶ " } else { "  " }),
                Span::styled(format!("{}: ", (s.group)(n.group)), DIM),
            ];
            if let Some(by) = &n.by {
                spans.push(Span::styled(
                    format!("{by} · "),
                    Style::new().fg(Color::Cyan),
                ));
            }
            let tag = match n.kind {
                NoteKind::Highlight => Some((s.highlight_tag, Color::LightGreen)),
                NoteKind::ParkingLot => Some((s.parking_tag, Color::LightBlue)),
                NoteKind::Reflection => None,
            };
            for (text, color) in tag
                .into_iter()
                .chain(n.private.then_some((s.private_tag, Color::Magenta)))
            {
                spans.push(Span::styled(format!("[{text}] "), Style::new().fg(color)));
            }
            let style = if is_selected {
                Style::new().add_modifier(Modifier::REVERSED)
            } else {
                Style::new()
            };
            spans.push(Span::styled(first_line.to_string(), style));
            Line::from(spans)
        })
        .collect();
    if lines.is_empty() {
        lines.push(Line::styled(s.no_notes, DIM));
    }
    let visible = area.height.saturating_sub(2) as usize;
    // Show the newest notes, or keep the selected one in view.
    let last_needed = selected_line.unwrap_or(lines.len().saturating_sub(1));
    let skip = (last_needed + 1).saturating_sub(visible);
    let title = format!(
        "{} · {}",
        s.notes,
        (s.notes_go_to)(&(s.group)(run.screen.group))
    );
    frame.render_widget(
        Paragraph::new(lines.split_off(skip.min(lines.len())))
            .block(Block::bordered().title(title).border_style(DIM)),
        area,
    );
}

/// When the session was last saved, or why the last save failed, in alarm colours.
pub(super) fn save_span<'a>(run: &Run, s: &'a Strings) -> Span<'a> {
    match &run.saving.state {
        SaveState::Saved(at) => {
            Span::styled((s.saved_at)(&at.0.format("%H:%M:%S").to_string()), DIM)
        }
        SaveState::Failed(why) => Span::styled(
            (s.save_failed)(why),
            Style::new().fg(Color::White).bg(Color::Red).bold(),
        ),
    }
}

/// `3 min bak · slutt ca. 16:03 (plan 16:00) · lagret 13:42:10`, or the save failure in alarm
/// colours. Before the first item is started the day has not begun: it says when it starts,
/// never that it is behind. Wrapped rather than losing its end (where a message, "Referatet er
/// skrevet til …", stands).
fn status<'a>(
    run: &Run,
    day: &schedule::Projection,
    s: &'a Strings,
    now: Timestamp,
) -> Paragraph<'a> {
    let (schedule_text, schedule_style, ends) = match day.minutes_behind() {
        None => {
            let start = day.planned_start;
            let at = if start.0.date_naive() == now.0.date_naive() {
                clock(start)
            } else {
                format!("{} {}", s.date(start.0.date_naive()), clock(start))
            };
            let text = if now < start {
                // Rounded up: "om 1 min" until it is time, never "om 0 min".
                let minutes = ((start - now).num_seconds() + 59).div_euclid(60);
                (s.starts_in)(&at, &(s.minutes_span)(minutes))
            } else {
                (s.not_started)(&at)
            };
            (
                text,
                Style::new().fg(Color::Cyan),
                (s.plan_ends)(&clock(day.planned_end)),
            )
        }
        Some(behind) => {
            let (text, style) = match behind {
                0 => (s.on_time.to_string(), Style::new().fg(Color::Green)),
                m if m < 0 => ((s.ahead)(-m), Style::new().fg(Color::Green)),
                m => ((s.behind)(m), Style::new().fg(Color::Yellow)),
            };
            let late = day.overrun();
            let ends = match day.must_end {
                // Past the time the day must end by: by how much, and the keys to a proposal.
                _ if late > 0 && !run.session.is_finished() => (s.late_end)(&clock(day.end), late),
                Some(must) => format!(
                    "{} ({})",
                    (s.schedule_ends)(&clock(day.end)),
                    (s.must_end)(&clock(must))
                ),
                None => (s.projected_end)(&clock(day.end), &clock(day.planned_end)),
            };
            (text, style, ends)
        }
    };
    let save = save_span(run, s);
    let late = day.began.is_some() && day.overrun() > 0 && !run.session.is_finished();
    let mut spans = vec![
        Span::styled(schedule_text, schedule_style),
        Span::styled(" · ", DIM),
        Span::styled(
            ends,
            if late {
                Style::new().fg(Color::Yellow)
            } else {
                DIM
            },
        ),
        Span::styled(" · ", DIM),
    ];
    spans.push(save);
    if run.saving.too_large {
        spans.push(Span::styled(
            format!(" · {}", s.too_large),
            Style::new().fg(Color::White).bg(Color::Red).bold(),
        ));
    }
    if let Some(message) = &run.screen.message {
        spans.push(Span::styled(
            format!(" · {message}"),
            Style::new().fg(Color::Cyan),
        ));
    }
    Paragraph::new(Line::from(spans)).wrap(Wrap { trim: true })
}
