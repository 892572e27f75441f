//! The home screen's part of [`super::update`]: moving in the lists and opening a gathering.

use super::msg::{Effect, HomeMsg, Msg, SystemMsg};
use super::state::{Focus, HeldSummary, HomeOverlay, State};
use crate::export::Minutes;
use crate::model::{Timestamp, chain};

impl State {
    /// The latest session of a gathering of the selected program, if any.
    pub fn held_of(&self, program: &str, gathering: u32) -> Option<&HeldSummary> {
        self.held
            .iter()
            .filter(|h| h.program == program && h.gathering == gathering)
            .max_by_key(|h| (!h.finished, h.date))
    }

    /// The program's held sessions, in the order [`crate::store::sessions::held`] gives them.
    fn held_in(&self, program: &str) -> Vec<&HeldSummary> {
        self.held.iter().filter(|h| h.program == program).collect()
    }

    /// The session a new `gathering` would carry "siden sist" from, by the rule opening it
    /// uses ([`chain::carried_from`]).
    pub fn carried_into(&self, program: &str, gathering: u32) -> Option<&HeldSummary> {
        chain::carried_from(&self.held_in(program), gathering).copied()
    }

    /// The first gathering of a program with no finished session ([`chain::next_gathering`]).
    pub fn next_gathering_of(&self, program: &str) -> Option<u32> {
        let p = self.programs.iter().find(|p| p.id == program)?;
        chain::next_gathering(p, &self.held_in(program))
    }

    fn list_len(&self) -> usize {
        match self.focus {
            Focus::Programs => self.programs.len(),
            Focus::Gatherings => self.program().map_or(0, |p| p.gatherings.len()),
        }
    }

    fn cursor(&mut self) -> &mut usize {
        match self.focus {
            Focus::Programs => &mut self.selected_program,
            Focus::Gatherings => &mut self.selected_gathering,
        }
    }

    /// Puts the gathering cursor on the program's next gathering, where a facilitator most
    /// likely wants to be.
    pub fn select_next_gathering(&mut self) {
        let Some(p) = self.program() else { return };
        let id = p.id.clone();
        let next = self.next_gathering_of(&id);
        self.selected_gathering = next
            .and_then(|n| {
                self.program()
                    .and_then(|p| p.gatherings.iter().position(|g| g.number == n))
            })
            .unwrap_or(0);
    }
}

/// Keys while a question or the minutes are in front of the lists.
fn overlay(state: &mut State, msg: HomeMsg, now: Timestamp) -> Vec<Effect> {
    let Some(overlay) = &mut state.home_overlay else {
        return Vec::new();
    };
    match (overlay, msg) {
        (_, HomeMsg::Close) => state.home_overlay = None,
        (
            HomeOverlay::Held {
                program, gathering, ..
            },
            HomeMsg::ReadHeld,
        ) => {
            return vec![Effect::ReadMinutes {
                program: program.clone(),
                gathering: *gathering,
            }];
        }
        (
            HomeOverlay::Held {
                program, gathering, ..
            },
            HomeMsg::HoldAgain,
        ) => {
            let effect = Effect::Open {
                program: program.clone(),
                gathering: *gathering,
                today: now.0.date_naive(),
            };
            state.home_overlay = None;
            return vec![effect];
        }
        (HomeOverlay::Reading { scroll, .. }, msg) => {
            *scroll = match msg {
                HomeMsg::Up => scroll.saturating_sub(1),
                HomeMsg::Down => scroll.saturating_add(1),
                HomeMsg::PageUp => scroll.saturating_sub(PAGE),
                HomeMsg::PageDown => scroll.saturating_add(PAGE),
                HomeMsg::First => 0,
                // The renderer stops at the last page.
                HomeMsg::Last => u16::MAX,
                _ => *scroll,
            }
        }
        _ => {}
    }
    Vec::new()
}

/// Lines `PgUp` / `PgDn` move the minutes by: most of a small screen, keeping some context.
const PAGE: u16 = 15;

/// Applies a message while the home screen is in front.
pub(super) fn update(state: &mut State, msg: Msg, now: Timestamp) -> Vec<Effect> {
    match msg {
        Msg::Home(msg) if state.home_overlay.is_some() => overlay(state, msg, now),
        Msg::Home(msg) => lists(state, msg, now),
        Msg::System(SystemMsg::MinutesRead(result)) => {
            minutes_read(state, result);
            Vec::new()
        }
        Msg::System(SystemMsg::HeldLoaded(held, warnings)) => {
            state.held = held;
            for w in warnings {
                if !state.warnings.contains(&w) {
                    state.warnings.push(w);
                }
            }
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// The minutes of a held gathering, read for the question that asked for them.
fn minutes_read(state: &mut State, result: Result<Box<Minutes>, String>) {
    match result {
        // Only if the question is still up: Esc may have come first.
        Ok(minutes) if state.home_overlay.is_some() => {
            state.home_overlay = Some(HomeOverlay::Reading { minutes, scroll: 0 });
        }
        Ok(_) => {}
        Err(why) => {
            state.home_overlay = None;
            state.warnings.push(why);
        }
    }
}

/// Keys on the lists of programs and gatherings.
fn lists(state: &mut State, msg: HomeMsg, now: Timestamp) -> Vec<Effect> {
    let last = state.list_len().saturating_sub(1);
    let before = state.selected_program;
    match msg {
        HomeMsg::Up => *state.cursor() = state.cursor().saturating_sub(1),
        HomeMsg::Down => {
            let c = state.cursor();
            *c = (*c + 1).min(last);
        }
        HomeMsg::First => *state.cursor() = 0,
        HomeMsg::Last => *state.cursor() = last,
        HomeMsg::SwitchFocus => {
            state.focus = match state.focus {
                Focus::Programs => Focus::Gatherings,
                Focus::Gatherings => Focus::Programs,
            }
        }
        HomeMsg::Open => return open(state, now),
        HomeMsg::Prepare => return prepare(state, now),
        _ => {}
    }
    if state.selected_program != before {
        state.select_next_gathering();
    }
    Vec::new()
}

/// `Enter`: opens the selected gathering, or asks first if it was held.
fn open(state: &mut State, now: Timestamp) -> Vec<Effect> {
    let Some(p) = state.program() else {
        return Vec::new();
    };
    let Some(g) = p.gatherings.get(state.selected_gathering) else {
        return Vec::new();
    };
    // held_of prefers an unfinished session: that one is resumed, as always.
    if let Some(h) = state.held_of(&p.id, g.number).filter(|h| h.finished) {
        state.home_overlay = Some(HomeOverlay::Held {
            program: p.id.clone(),
            gathering: g.number,
            date: h.date,
        });
        return Vec::new();
    }
    vec![Effect::Open {
        program: p.id.clone(),
        gathering: g.number,
        today: now.0.date_naive(),
    }]
}

/// `e`: opens the selected gathering to prepare, unless it was held (then `Enter` says what
/// can be done with it).
fn prepare(state: &mut State, now: Timestamp) -> Vec<Effect> {
    let Some(p) = state.program() else {
        return Vec::new();
    };
    let Some(g) = p.gatherings.get(state.selected_gathering) else {
        return Vec::new();
    };
    let s = state.lang.strings();
    match state.held_of(&p.id, g.number) {
        Some(h) if h.held || h.finished => {
            let why = (s.plan_held)(g.number, &s.date(h.date), &p.id);
            state.warnings.push(why);
            Vec::new()
        }
        Some(h) if !h.prepared => {
            let why = (s.plan_begun)(g.number, &s.date(h.date), &p.id);
            state.warnings.push(why);
            Vec::new()
        }
        _ => vec![Effect::Prepare {
            program: p.id.clone(),
            gathering: g.number,
            today: now.0.date_naive(),
        }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{HomeMsg, SystemMsg};
    use crate::i18n::Lang;
    use crate::store::catalog;
    use chrono::NaiveDate;

    fn now() -> Timestamp {
        Timestamp::parse("2026-11-23T12:45:00+01:00").unwrap()
    }

    fn state() -> State {
        let (mut programs, problems) = catalog::builtin();
        assert!(problems.is_empty());
        // The default program and a short copy of it: two programs, the second of two gatherings.
        programs.truncate(1);
        let mut second = programs[0].clone();
        second.id = "second".into();
        second.gatherings.truncate(2);
        programs.push(second);
        State::new(Lang::Nb, programs, vec![])
    }

    fn send(s: &mut State, msg: Msg) -> Vec<Effect> {
        super::super::update(s, msg, now())
    }

    /// A held session of `gathering` of `program`, on 14 September.
    fn summary(program: &str, gathering: u32, finished: bool) -> HeldSummary {
        HeldSummary {
            program: program.into(),
            gathering,
            date: NaiveDate::from_ymd_opt(2026, 9, 14).unwrap(),
            finished,
            held: true,
            open_agreements: 0,
            prepared: false,
            start: chrono::NaiveTime::from_hms_opt(13, 0, 0).unwrap(),
            agenda: vec![],
        }
    }

    #[test]
    fn arrows_move_within_the_focused_list_and_stop_at_its_ends() {
        let mut s = state();
        send(&mut s, Msg::Home(HomeMsg::Up));
        assert_eq!(s.selected_program, 0);
        send(&mut s, Msg::Home(HomeMsg::Down));
        send(&mut s, Msg::Home(HomeMsg::Down));
        assert_eq!(s.selected_program, 1);
        send(&mut s, Msg::Home(HomeMsg::SwitchFocus));
        send(&mut s, Msg::Home(HomeMsg::Last));
        assert_eq!(s.selected_gathering, 1);
        assert_eq!(s.selected_program, 1);
    }

    #[test]
    fn choosing_a_program_selects_its_next_gathering() {
        let mut s = state();
        s.held.push(summary("second", 1, true));
        send(&mut s, Msg::Home(HomeMsg::Down));
        assert_eq!(s.selected_gathering, 1);
        assert_eq!(s.next_gathering_of("second"), Some(2));
    }

    #[test]
    fn enter_asks_the_runtime_to_open_the_selected_gathering_today() {
        let mut s = state();
        send(&mut s, Msg::Home(HomeMsg::SwitchFocus));
        send(&mut s, Msg::Home(HomeMsg::Down));
        let effects = send(&mut s, Msg::Home(HomeMsg::Open));
        assert_eq!(
            effects,
            vec![Effect::Open {
                program: "traumebevisst".into(),
                gathering: 2,
                today: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            }]
        );
    }

    #[test]
    fn e_prepares_a_gathering_not_held_and_says_why_not_for_one_held_or_begun() {
        let mut s = state();
        send(&mut s, Msg::Home(HomeMsg::SwitchFocus));
        send(&mut s, Msg::Home(HomeMsg::Down));
        assert_eq!(
            send(&mut s, Msg::Home(HomeMsg::Prepare)),
            vec![Effect::Prepare {
                program: "traumebevisst".into(),
                gathering: 2,
                today: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            }]
        );
        // Prepared before: prepared again.
        let mut prepared = summary("traumebevisst", 2, false);
        (prepared.held, prepared.prepared) = (false, true);
        s.held.push(prepared);
        assert_eq!(send(&mut s, Msg::Home(HomeMsg::Prepare)).len(), 1);
        // Held, or begun: not prepared, and the home screen says why.
        s.held.push(summary("traumebevisst", 1, true));
        let mut begun = summary("traumebevisst", 3, false);
        begun.held = false;
        s.held.push(begun);
        send(&mut s, Msg::Home(HomeMsg::First));
        assert_eq!(send(&mut s, Msg::Home(HomeMsg::Prepare)), vec![]);
        assert!(
            s.warnings.last().unwrap().contains("--again"),
            "{:?}",
            s.warnings
        );
        send(&mut s, Msg::Home(HomeMsg::Down));
        send(&mut s, Msg::Home(HomeMsg::Down));
        assert_eq!(send(&mut s, Msg::Home(HomeMsg::Prepare)), vec![]);
        assert!(
            s.warnings.last().unwrap().contains("påbegynt"),
            "{:?}",
            s.warnings
        );
    }

    #[test]
    fn enter_on_a_held_gathering_asks_first_and_holds_again_only_on_h() {
        let mut s = state();
        s.held.push(summary("traumebevisst", 1, true));
        send(&mut s, Msg::Home(HomeMsg::SwitchFocus));
        send(&mut s, Msg::Home(HomeMsg::First));
        assert_eq!(send(&mut s, Msg::Home(HomeMsg::Open)), vec![]);
        assert!(matches!(
            s.home_overlay,
            Some(HomeOverlay::Held { gathering: 1, .. })
        ));
        // Arrows do not move the lists behind the question.
        send(&mut s, Msg::Home(HomeMsg::Down));
        assert_eq!(s.selected_gathering, 0);
        send(&mut s, Msg::Home(HomeMsg::Close));
        assert_eq!(s.home_overlay, None);
        send(&mut s, Msg::Home(HomeMsg::Open));
        assert_eq!(
            send(&mut s, Msg::Home(HomeMsg::ReadHeld)),
            vec![Effect::ReadMinutes {
                program: "traumebevisst".into(),
                gathering: 1
            }]
        );
        assert_eq!(
            send(&mut s, Msg::Home(HomeMsg::HoldAgain)),
            vec![Effect::Open {
                program: "traumebevisst".into(),
                gathering: 1,
                today: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            }]
        );
        assert_eq!(s.home_overlay, None);
    }

    #[test]
    fn a_begun_gathering_is_resumed_without_asking() {
        let mut s = state();
        for finished in [true, false] {
            s.held.push(summary("traumebevisst", 1, finished));
        }
        send(&mut s, Msg::Home(HomeMsg::SwitchFocus));
        send(&mut s, Msg::Home(HomeMsg::First));
        assert!(matches!(
            send(&mut s, Msg::Home(HomeMsg::Open))[..],
            [Effect::Open { .. }]
        ));
        assert_eq!(s.home_overlay, None);
    }

    #[test]
    fn a_refused_open_stays_home_with_the_reason_shown() {
        let mut s = state();
        send(&mut s, Msg::System(SystemMsg::Opened(Err("locked".into()))));
        assert_eq!(s.screen, super::super::Screen::Home);
        assert_eq!(s.warnings, vec!["locked".to_string()]);
    }

    #[test]
    fn quit_on_the_home_screen_sets_the_flag() {
        let mut s = state();
        send(&mut s, Msg::System(SystemMsg::Quit));
        assert!(s.quit);
    }
}
