//! The schedule panel ("Tidsplan", `t`) over the facilitator's view: the agenda with each
//! item's projected start (the plan's beside it where they differ), its minutes and marks, the
//! totals, and, in front of the agenda when asked for, the optional modules or the drift
//! proposal. Never drawn on the projector.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Clear, Paragraph, Row, Table, TableState, Wrap};

use super::widgets::{clock, panel_hints};
use crate::app::keys::Mode;
use crate::app::{Pane, Run, Schedule};
use crate::i18n::Strings;
use crate::model::drift::{Change, Proposal};
use crate::model::schedule::{self, Projection};
use crate::model::{OptionalModule, Session, Timestamp};
use crate::text;

const DIM: Style = Style::new().fg(Color::DarkGray);
const WARN: Style = Style::new().fg(Color::Yellow);

/// The panel, nearly the whole screen (up to 110 columns wide).
pub fn render(run: &Run, panel: &Schedule, s: &Strings, now: Timestamp, frame: &mut Frame) {
    // Wide enough for long titles, never so wide that a title and its minutes drift apart.
    let width = (frame.area().width * 94 / 100).min(110);
    let [area] = Layout::horizontal([Constraint::Length(width)])
        .flex(Flex::Center)
        .areas(frame.area());
    let [area] = Layout::vertical([Constraint::Percentage(92)])
        .flex(Flex::Center)
        .areas(area);
    frame.render_widget(Clear, area);
    let mode = Mode::of_pane(&panel.pane);
    let session = &run.session;
    let title = match &panel.pane {
        Pane::Agenda if run.preparing => (s.prepare_title)(session.gathering, &session.title),
        Pane::Agenda => s.schedule_title.to_string(),
        Pane::Modules { .. } => s.modules_title.to_string(),
        Pane::Proposal(_) => s.proposal_title.to_string(),
    };
    let block = Block::bordered()
        .title(format!(" {title} "))
        .title_bottom(panel_hints(mode.table(), s, area.width.saturating_sub(4)).right_aligned())
        .border_style(Style::new().fg(Color::LightCyan));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let day = schedule::project(session, now);
    let mut lines = vec![info_line(session, s)];
    // Another gathering on the same day is most likely a slip of the keyboard.
    if let Some((other, _)) = run.other_dates.iter().find(|(_, d)| *d == session.date) {
        let clash = (s.plan_same_date)(*other, &s.date(session.date));
        lines.push(Line::styled(clash, WARN));
    }
    // Preparing, the panel is the whole screen: a save that fails must be seen here.
    if let crate::app::SaveState::Failed(why) = &run.saving.state {
        let alarm = Style::new().fg(Color::White).bg(Color::Red);
        lines.push(Line::styled((s.save_failed)(why), alarm));
    }
    let info_text = Paragraph::new(lines).wrap(Wrap { trim: true });
    // As many rows as it wraps to, and one to set it apart from the agenda.
    let info_rows = info_text.line_count(inner.width) as u16 + 1;
    let [info, body, totals] = Layout::vertical([
        Constraint::Length(info_rows),
        Constraint::Min(3),
        Constraint::Length(2),
    ])
    .areas(inner);
    frame.render_widget(info_text, info);
    match &panel.pane {
        Pane::Agenda => agenda(session, &day, panel, s, frame, body),
        Pane::Modules { selected } => modules(run, panel, *selected, s, frame, body),
        Pane::Proposal(proposal) => self::proposal(session, proposal.as_ref(), s, frame, body),
    }
    frame.render_widget(Paragraph::new(total_lines(&day, s)), totals);
}

/// The agenda: a row per item, the selected one reversed and kept in view. Titles that do not
/// fit end in "…"; the plan's time shows only where some item has moved from it.
fn agenda(
    session: &Session,
    day: &Projection,
    panel: &Schedule,
    s: &Strings,
    frame: &mut Frame,
    area: Rect,
) {
    let at = session.current_index();
    let rows: Vec<AgendaRow> = session
        .agenda
        .iter()
        .zip(&day.items)
        .enumerate()
        .map(|(i, (item, time))| AgendaRow::of(session, i, item, time, at, s))
        .collect();
    let tags_width = rows
        .iter()
        .map(|r| r.tags.chars().count())
        .max()
        .unwrap_or(0) as u16;
    let plan_width = if area.width >= 60 && rows.iter().any(|r| r.planned.is_some()) {
        7
    } else {
        0
    };
    // Mark, start, plan, minutes, tags and the spaces between them; the title gets the rest.
    let fixed = 1 + 5 + plan_width + 7 + tags_width + 5;
    let title_width = usize::from(area.width.saturating_sub(fixed));
    let widths = [
        Constraint::Length(1),
        Constraint::Length(5),
        Constraint::Length(plan_width),
        Constraint::Fill(1),
        Constraint::Length(7),
        Constraint::Length(tags_width),
    ];
    let rows: Vec<Row> = rows
        .into_iter()
        .map(|r| {
            Row::new(vec![
                Cell::from(r.mark),
                Cell::from(r.start).style(r.start_style),
                Cell::from(r.planned.map(|p| format!("({p})")).unwrap_or_default()).style(DIM),
                Cell::from(text::clipped(&r.title, title_width)).style(r.title_style),
                Cell::from(Line::from(r.minutes).right_aligned()),
                Cell::from(r.tags).style(DIM),
            ])
        })
        .collect();
    let selected = panel.index(session);
    let table = Table::new(rows, widths)
        .column_spacing(1)
        .row_highlight_style(Style::new().add_modifier(Modifier::REVERSED));
    if selected.is_none() {
        let [list, note] =
            Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
        frame.render_widget(table, list);
        frame.render_widget(Line::styled(s.schedule_all_held, DIM), note);
        return;
    }
    let mut state = TableState::default().with_selected(selected);
    frame.render_stateful_widget(table, area, &mut state);
}

/// What one agenda row shows.
struct AgendaRow {
    mark: &'static str,
    start: String,
    start_style: Style,
    /// The plan's time, where the item has moved from it.
    planned: Option<String>,
    title: String,
    title_style: Style,
    /// `15′`, or `15→12′` where the day changed them.
    minutes: String,
    tags: String,
}

impl AgendaRow {
    fn of(
        session: &Session,
        i: usize,
        item: &crate::model::AgendaItem,
        time: &schedule::ItemTime,
        at: usize,
        s: &Strings,
    ) -> AgendaRow {
        let held = !session.changeable(i);
        let mark = match () {
            _ if i == at && session.began().is_some() => "▶",
            _ if held && i < at => "✓",
            _ if held => "·",
            _ => " ",
        };
        let start = if time.skipped {
            "–".to_string()
        } else {
            clock(time.start)
        };
        let planned = time
            .planned
            .map(clock)
            .filter(|p| *p != start && !time.begun && !time.skipped);
        let minutes = session.minutes_of(i);
        let mut tags = Vec::new();
        if time.skipped {
            tags.push(s.minutes_skipped);
        }
        if session.is_inserted(&item.id) {
            tags.push(s.minutes_inserted);
        }
        if item.is_locked() {
            tags.push(s.schedule_locked);
        }
        AgendaRow {
            mark,
            start_style: if planned.is_some() { WARN } else { DIM },
            start,
            planned,
            title: item.title.clone(),
            title_style: match () {
                _ if time.skipped => DIM.add_modifier(Modifier::CROSSED_OUT),
                _ if held => DIM,
                _ => Style::new(),
            },
            minutes: if minutes == item.minutes {
                format!("{minutes}′")
            } else {
                format!("{}→{minutes}′", item.minutes)
            },
            tags: tags.join(", "),
        }
    }
}

/// The modules to insert after the selected item: titles and minutes, the selected one's
/// description below.
fn modules(
    run: &Run,
    panel: &Schedule,
    selected: usize,
    s: &Strings,
    frame: &mut Frame,
    area: Rect,
) {
    if run.modules.is_empty() {
        frame.render_widget(Line::styled(s.no_modules, DIM), area);
        return;
    }
    let minutes = |m: &OptionalModule| m.items.iter().map(|i| i.minutes).sum::<u32>();
    let title_width = usize::from(area.width.saturating_sub(6));
    let rows: Vec<Row> = run
        .modules
        .iter()
        .map(|m| {
            Row::new(vec![
                Cell::from(text::clipped(&m.title, title_width)),
                Cell::from(Line::from(format!("{}′", minutes(m))).right_aligned()),
            ])
        })
        .collect();
    let [list, about] =
        Layout::vertical([Constraint::Min(3), Constraint::Percentage(35)]).areas(area);
    let table = Table::new(rows, [Constraint::Fill(1), Constraint::Length(5)])
        .row_highlight_style(Style::new().add_modifier(Modifier::REVERSED));
    let mut state = TableState::default().with_selected(Some(selected));
    frame.render_stateful_widget(table, list, &mut state);
    let Some(module) = run.modules.get(selected) else {
        return;
    };
    let session = &run.session;
    let after = panel
        .index(session)
        .or_else(|| Some(session.current_index()))
        .and_then(|i| session.agenda.get(i))
        .map(|i| i.title.as_str())
        .unwrap_or_default();
    let mut lines = vec![Line::styled((s.module_goes_after)(after), WARN)];
    if !module.description.is_empty() {
        lines.push(Line::raw(module.description.as_str()));
    }
    for item in &module.items {
        lines.push(Line::styled(
            format!("· {} ({}′)", item.title, item.minutes),
            DIM,
        ));
    }
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }).block(
            Block::new()
                .borders(ratatui::widgets::Borders::TOP)
                .border_style(DIM),
        ),
        about,
    );
}

/// The drift proposal: each change, then where the day lands with it.
fn proposal(
    session: &Session,
    proposal: Option<&Proposal>,
    s: &Strings,
    frame: &mut Frame,
    area: Rect,
) {
    let Some(p) = proposal else {
        frame.render_widget(Line::styled(s.proposal_on_time, DIM), area);
        return;
    };
    let title = |id: &str| {
        session
            .agenda
            .iter()
            .find(|i| i.id == id)
            .map_or(id.to_string(), |i| i.title.clone())
    };
    let mut lines: Vec<Line> = p
        .changes
        .iter()
        .map(|c| match c {
            Change::Shorten { item, from, to } => {
                Line::raw((s.proposal_shorten)(&title(item), *from, *to))
            }
            Change::Skip { item, minutes } => {
                Line::styled((s.proposal_skip)(&title(item), *minutes), WARN)
            }
        })
        .collect();
    lines.push(Line::default());
    let landing = match p.still_over() {
        0 => Line::styled(
            (s.proposal_lands)(&clock(p.end), &clock(p.target)),
            Style::new().fg(Color::Green),
        ),
        over => Line::styled(
            (s.proposal_still_over)(over, &clock(p.end)),
            Style::new().fg(Color::White).bg(Color::Red),
        ),
    };
    lines.push(landing);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), area);
}

/// The gathering's date, times, place and facilitator, and the key that changes them.
fn info_line<'a>(session: &Session, s: &'a Strings) -> Line<'a> {
    let mut parts = vec![format!(
        "{} {}",
        s.date(session.date),
        session.start.format("%H:%M")
    )];
    if let Some(must) = session.must_end {
        parts.push((s.must_end)(&must.format("%H:%M").to_string()));
    }
    parts.extend(
        [&session.place, &session.facilitator]
            .into_iter()
            .filter(|v| !v.is_empty())
            .cloned(),
    );
    Line::from(vec![
        Span::raw(parts.join(" · ")),
        Span::styled(
            format!("   s {}", (s.key_short)(crate::i18n::KeyHelp::Info)),
            DIM,
        ),
    ])
}

/// The totals under the list: the planned end, the projected end, the must-end time, and by how
/// much the day runs past its target.
fn total_lines<'a>(day: &Projection, s: &'a Strings) -> Vec<Line<'a>> {
    let mut first = vec![
        Span::styled(format!("{} {}", s.planned_end, clock(day.planned_end)), DIM),
        Span::styled(" · ", DIM),
        Span::raw((s.schedule_ends)(&clock(day.end))),
    ];
    if let Some(must) = day.must_end {
        first.push(Span::styled(" · ", DIM));
        first.push(Span::raw((s.must_end)(&clock(must))));
    }
    let mut lines = vec![Line::from(first)];
    match day.overrun() {
        over if over > 0 => lines.push(Line::styled((s.over_target)(over), WARN)),
        _ => lines.push(Line::styled(s.on_target, Style::new().fg(Color::Green))),
    }
    lines
}
