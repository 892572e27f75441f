//! The home screen: the programs on the left, the selected program's gatherings on the right
//! with their planned times, key hints at the bottom.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph, Wrap};

use crate::app::{Focus, State};
use crate::model::{GatheringPlan, schedule};

pub fn render(state: &State, frame: &mut Frame) {
    let s = state.lang.strings();
    // Every program in sight while a third of the screen allows; a longer list scrolls.
    let program_rows = (state.programs.len().clamp(1, 12) as u16 + 2)
        .min(frame.area().height / 3)
        .max(3);
    let [title, programs_area, body, warnings, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(program_rows),
        Constraint::Min(3),
        Constraint::Length(state.warnings.len().min(3) as u16),
        Constraint::Length(1),
    ])
    .areas(frame.area());
    frame.render_widget(Line::from(s.home_title).bold().centered(), title);

    let highlight = Style::new().add_modifier(Modifier::REVERSED);
    let border = |focused: bool| {
        if focused {
            Style::new().fg(Color::Yellow)
        } else {
            Style::new().fg(Color::DarkGray)
        }
    };

    let programs: Vec<ListItem> = state
        .programs
        .iter()
        .map(|p| ListItem::new(p.title.as_str()))
        .collect();
    let mut program_state = ListState::default().with_selected(Some(state.selected_program));
    frame.render_stateful_widget(
        List::new(programs).highlight_style(highlight).block(
            Block::bordered()
                .title(s.home_programs)
                .border_style(border(state.focus == Focus::Programs)),
        ),
        programs_area,
        &mut program_state,
    );

    let [list_area, detail_area] =
        Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(body);
    let list_block = Block::bordered()
        .title(s.home_gatherings)
        .border_style(border(state.focus == Focus::Gatherings));
    match state.program() {
        Some(p) => {
            let next = state.next_gathering_of(&p.id);
            let items: Vec<ListItem> = p
                .gatherings
                .iter()
                .map(|g| {
                    let held = state.held_of(&p.id, g.number);
                    let mark = match held {
                        Some(h) if h.finished => Span::styled("✓ ", Style::new().fg(Color::Green)),
                        Some(h) if h.prepared => Span::styled("◦ ", Style::new().fg(Color::Cyan)),
                        Some(_) => Span::styled("… ", Style::new().fg(Color::Yellow)),
                        None if next == Some(g.number) => {
                            Span::styled("→ ", Style::new().fg(Color::Cyan))
                        }
                        None => Span::raw("  "),
                    };
                    // The date it was held, begun, or is planned for; the title cut at a word,
                    // with "…", to leave room for it.
                    let date = held.map(|h| format!("  {}", s.date(h.date)));
                    let room = usize::from(list_area.width.saturating_sub(4))
                        .saturating_sub(date.as_ref().map_or(0, |d| d.chars().count()));
                    let title = crate::text::clipped(&format!("{}. {}", g.number, g.title), room);
                    let mut spans = vec![mark, Span::raw(title)];
                    if let Some(date) = date {
                        spans.push(Span::styled(date, Style::new().fg(Color::DarkGray)));
                    }
                    ListItem::new(Line::from(spans))
                })
                .collect();
            let mut gathering_state =
                ListState::default().with_selected(Some(state.selected_gathering));
            frame.render_stateful_widget(
                List::new(items)
                    .highlight_style(highlight)
                    .block(list_block),
                list_area,
                &mut gathering_state,
            );
            if let Some(g) = p.gatherings.get(state.selected_gathering) {
                render_gathering(state, g, frame, detail_area);
            }
        }
        None => frame.render_widget(Paragraph::new(s.home_none).block(list_block), list_area),
    }

    let lines: Vec<Line> = state
        .warnings
        .iter()
        .map(|w| Line::from(w.as_str()).fg(Color::Yellow))
        .collect();
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), warnings);
    frame.render_widget(
        super::widgets::key_hints(crate::app::keys::HOME, s, footer.width),
        footer,
    );
}

/// The selected gathering: its purpose, then its agenda with planned clock times.
fn render_gathering(state: &State, g: &GatheringPlan, frame: &mut Frame, area: Rect) {
    let s = state.lang.strings();
    let dim = Style::new().fg(Color::DarkGray);
    let mut lines = Vec::new();
    let program = state.program().map(|p| p.id.as_str()).unwrap_or("");
    if let Some(h) = state.held_of(program, g.number) {
        let date = s.date(h.date);
        let start = h.start.format("%H:%M").to_string();
        lines.push(if h.finished {
            Line::styled((s.held_on)(&date), Style::new().fg(Color::Green))
        } else if h.prepared {
            Line::styled(
                (s.prepared_for)(&date, &start),
                Style::new().fg(Color::Cyan),
            )
        } else {
            Line::styled((s.begun_on)(&date), Style::new().fg(Color::Yellow))
        });
        lines.push(Line::default());
    } else if let Some(previous) = state.carried_into(program, g.number) {
        lines.push(Line::styled(
            (s.waiting_agreements)(previous.open_agreements, previous.gathering),
            Style::new().fg(Color::LightCyan),
        ));
        lines.push(Line::default());
    }
    if !g.purpose.is_empty() {
        lines.push(Line::from(g.purpose.as_str()).italic());
        lines.push(Line::default());
    }
    // A prepared gathering's own agenda, else the program's plan; the end last.
    let prepared = state
        .held_of(program, g.number)
        .map(|h| h.agenda.clone())
        .filter(|a| !a.is_empty());
    let agenda = prepared.unwrap_or_else(|| {
        let slots = schedule::planned(g.start, &g.agenda);
        let items = g
            .agenda
            .iter()
            .zip(slots)
            .map(|(i, s)| (s.start, i.title.clone()));
        let end = schedule::planned_end(g.start, &g.agenda);
        items.chain([(end, String::new())]).collect()
    });
    for (at, title) in agenda {
        let title = if title.is_empty() {
            Span::styled(s.planned_end, dim)
        } else {
            Span::raw(title)
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{} ", at.format("%H:%M")), dim),
            title,
        ]));
    }
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }).block(
            Block::bordered()
                .title(crate::text::clipped(
                    &(s.gathering_heading)(g.number, &g.title),
                    usize::from(area.width.saturating_sub(2)),
                ))
                .border_style(dim),
        ),
        area,
    );
}

#[cfg(test)]
mod tests {
    use crate::app::HomeMsg;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    use crate::app::{Msg, State, update};
    use crate::i18n::Lang;
    use crate::store::catalog;

    fn draw(state: &State, width: u16, height: u16) -> String {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal.draw(|f| super::render(state, f)).unwrap();
        terminal.backend().to_string()
    }

    fn state(lang: Lang) -> State {
        State::new(lang, catalog::builtin().0, vec![])
    }

    #[test]
    fn home_80x24_nb() {
        insta::assert_snapshot!(draw(&state(Lang::Nb), 80, 24));
    }

    #[test]
    fn home_200x60_en_with_a_gathering_selected() {
        let mut s = state(Lang::En);
        let now = crate::model::Timestamp::parse("2026-11-23T12:00:00+01:00").unwrap();
        update(&mut s, Msg::Home(HomeMsg::SwitchFocus), now);
        update(&mut s, Msg::Home(HomeMsg::Last), now);
        insta::assert_snapshot!(draw(&s, 200, 60));
    }

    #[test]
    fn held_and_begun_gatherings_are_marked() {
        let mut s = state(Lang::Nb);
        for (gathering, finished) in [(1, true), (2, false)] {
            s.held.push(crate::app::HeldSummary {
                program: "traumebevisst".into(),
                gathering,
                date: chrono::NaiveDate::from_ymd_opt(2026, 9, 14).unwrap(),
                finished,
                held: true,
                open_agreements: 2,
                prepared: false,
                start: chrono::NaiveTime::from_hms_opt(13, 0, 0).unwrap(),
                agenda: vec![],
            });
        }
        let screen = draw(&s, 80, 24);
        assert!(screen.contains("✓ 1. Hvem er vi"), "{screen}");
        assert!(screen.contains("… 2. Klassen"), "{screen}");
        assert!(screen.contains("Holdt 14.09.2026"), "{screen}");
        s.held.pop();
        s.select_next_gathering();
        let screen = draw(&s, 80, 24);
        assert!(screen.contains("→ 2. Klassen"), "{screen}");
        // What "siden sist" will bring, before it is started.
        assert!(
            screen.contains("2 åpne avtaler fra 1. samling tas opp i"),
            "{screen}"
        );
    }

    /// `draw` with the overlays, as `ui::render` draws the home screen.
    fn draw_all(state: &State, width: u16, height: u16) -> String {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        let now = crate::model::Timestamp::parse("2026-11-23T12:00:00+01:00").unwrap();
        terminal.draw(|f| crate::ui::render(state, now, f)).unwrap();
        terminal.backend().to_string()
    }

    #[test]
    fn a_held_gathering_asks_and_its_minutes_can_be_read() {
        use crate::app::HomeOverlay;
        for (lang, name) in [(Lang::Nb, "nb"), (Lang::En, "en")] {
            let mut s = state(lang);
            s.home_overlay = Some(HomeOverlay::Held {
                program: "traumebevisst".into(),
                gathering: 1,
                date: chrono::NaiveDate::from_ymd_opt(2026, 9, 14).unwrap(),
            });
            insta::assert_snapshot!(format!("held_question_{name}_80x24"), draw_all(&s, 80, 24));
            let mut session = crate::model::sample::big_session(6, 3);
            session.place = "Personalrommet".into();
            session.ended = session.timing.last().and_then(|t| t.ended_at());
            let minutes = crate::export::Minutes::of(&session, "Traumebevisst", false);
            s.home_overlay = Some(HomeOverlay::Reading {
                minutes: Box::new(minutes),
                scroll: 0,
            });
            for (w, h) in [(80, 24), (200, 60)] {
                insta::assert_snapshot!(format!("reading_{name}_{w}x{h}"), draw_all(&s, w, h));
            }
            // Scrolled past the end, the last page stays in view.
            if let Some(HomeOverlay::Reading { scroll, .. }) = &mut s.home_overlay {
                *scroll = u16::MAX;
            }
            let end = draw_all(&s, 80, 24);
            assert!(end.contains("Esc"), "{end}");
        }
    }

    #[test]
    fn a_broken_user_program_is_named_on_screen() {
        let s = State::new(
            Lang::Nb,
            catalog::builtin().0,
            vec!["programs/x.ron:3:7: ugyldig RON".into()],
        );
        assert!(draw(&s, 80, 24).contains("programs/x.ron:3:7"));
    }
}
