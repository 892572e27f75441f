//! The home screen's part of [`super::update`]: moving in the lists and opening a gathering.

use chrono::NaiveDate;

use super::{Effect, Msg, State};
use crate::model::Timestamp;

/// Which list on the home screen has the cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    Programs,
    Gatherings,
}

/// Something in front of the home screen's lists.
#[derive(Debug, Clone, PartialEq)]
pub enum HomeOverlay {
    /// `Enter` on a gathering already held: read it, hold it again, or leave it. Holding it
    /// again is a choice, never an accident (a new session would hide the held one).
    Held {
        program: String,
        gathering: u32,
        date: NaiveDate,
    },
    /// The minutes of a held gathering, to read; `scroll` is the first line shown.
    Reading {
        minutes: Box<crate::export::Minutes>,
        scroll: u16,
    },
}

/// One held (or begun) gathering, as the home screen lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldSummary {
    pub program: String,
    pub gathering: u32,
    pub date: NaiveDate,
    pub finished: bool,
    /// It took place ([`crate::model::Session::is_held`]): not only begun and left.
    pub held: bool,
    /// Agreements still open, partly done or not done: what its next gathering will carry.
    pub open_agreements: usize,
}

impl State {
    /// The latest session of a gathering of the selected program, if any.
    pub fn held_of(&self, program: &str, gathering: u32) -> Option<&HeldSummary> {
        self.held
            .iter()
            .filter(|h| h.program == program && h.gathering == gathering)
            .max_by_key(|h| (!h.finished, h.date))
    }

    /// The session a new `gathering` would carry "siden sist" from: the latest of the nearest
    /// earlier gathering held, as [`crate::store::sessions::open`] chooses it.
    pub fn carried_into(&self, program: &str, gathering: u32) -> Option<&HeldSummary> {
        self.held
            .iter()
            .filter(|h| h.program == program && h.gathering < gathering && h.held)
            .max_by_key(|h| (h.gathering, h.date))
    }

    /// The first gathering of a program with no finished session.
    pub fn next_gathering_of(&self, program: &str) -> Option<u32> {
        let p = self.programs.iter().find(|p| p.id == program)?;
        p.gatherings.iter().map(|g| g.number).find(|n| {
            !self
                .held
                .iter()
                .any(|h| h.program == program && h.gathering == *n && h.finished)
        })
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
fn overlay(state: &mut State, msg: Msg, now: Timestamp) -> Vec<Effect> {
    let Some(overlay) = &mut state.home_overlay else {
        return Vec::new();
    };
    match (overlay, msg) {
        (_, Msg::CloseOverlay) => state.home_overlay = None,
        (
            HomeOverlay::Held {
                program, gathering, ..
            },
            Msg::ReadHeld,
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
            Msg::HoldAgain,
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
                Msg::Up => scroll.saturating_sub(1),
                Msg::Down => scroll.saturating_add(1),
                Msg::PageUp => scroll.saturating_sub(PAGE),
                Msg::PageDown => scroll.saturating_add(PAGE),
                Msg::First => 0,
                // The renderer stops at the last page.
                Msg::Last => u16::MAX,
                _ => *scroll,
            }
        }
        _ => {}
    }
    Vec::new()
}

/// Lines `PgUp` / `PgDn` move the minutes by: most of a small screen, keeping some context.
const PAGE: u16 = 15;

pub(super) fn update(state: &mut State, msg: Msg, now: Timestamp) -> Vec<Effect> {
    if let Msg::MinutesRead(result) = msg {
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
        return Vec::new();
    }
    if state.home_overlay.is_some() {
        return overlay(state, msg, now);
    }
    let last = state.list_len().saturating_sub(1);
    let before = state.selected_program;
    match msg {
        Msg::Up => *state.cursor() = state.cursor().saturating_sub(1),
        Msg::Down => {
            let c = state.cursor();
            *c = (*c + 1).min(last);
        }
        Msg::First => *state.cursor() = 0,
        Msg::Last => *state.cursor() = last,
        Msg::SwitchFocus => {
            state.focus = match state.focus {
                Focus::Programs => Focus::Gatherings,
                Focus::Gatherings => Focus::Programs,
            }
        }
        Msg::Open => {
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
            return vec![Effect::Open {
                program: p.id.clone(),
                gathering: g.number,
                today: now.0.date_naive(),
            }];
        }
        _ => {}
    }
    if state.selected_program != before {
        state.select_next_gathering();
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::store::catalog;

    fn now() -> Timestamp {
        Timestamp::parse("2026-11-23T12:45:00+01:00").unwrap()
    }

    fn state() -> State {
        let (mut programs, problems) = catalog::builtin();
        assert!(problems.is_empty());
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
        }
    }

    #[test]
    fn arrows_move_within_the_focused_list_and_stop_at_its_ends() {
        let mut s = state();
        send(&mut s, Msg::Up);
        assert_eq!(s.selected_program, 0);
        send(&mut s, Msg::Down);
        send(&mut s, Msg::Down);
        assert_eq!(s.selected_program, 1);
        send(&mut s, Msg::SwitchFocus);
        send(&mut s, Msg::Last);
        assert_eq!(s.selected_gathering, 1);
        assert_eq!(s.selected_program, 1);
    }

    #[test]
    fn choosing_a_program_selects_its_next_gathering() {
        let mut s = state();
        s.held.push(summary("second", 1, true));
        send(&mut s, Msg::Down);
        assert_eq!(s.selected_gathering, 1);
        assert_eq!(s.next_gathering_of("second"), Some(2));
    }

    #[test]
    fn enter_asks_the_runtime_to_open_the_selected_gathering_today() {
        let mut s = state();
        send(&mut s, Msg::SwitchFocus);
        send(&mut s, Msg::Down);
        let effects = send(&mut s, Msg::Open);
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
    fn enter_on_a_held_gathering_asks_first_and_holds_again_only_on_h() {
        let mut s = state();
        s.held.push(summary("traumebevisst", 1, true));
        send(&mut s, Msg::SwitchFocus);
        send(&mut s, Msg::First);
        assert_eq!(send(&mut s, Msg::Open), vec![]);
        assert!(matches!(
            s.home_overlay,
            Some(HomeOverlay::Held { gathering: 1, .. })
        ));
        // Arrows do not move the lists behind the question.
        send(&mut s, Msg::Down);
        assert_eq!(s.selected_gathering, 0);
        send(&mut s, Msg::CloseOverlay);
        assert_eq!(s.home_overlay, None);
        send(&mut s, Msg::Open);
        assert_eq!(
            send(&mut s, Msg::ReadHeld),
            vec![Effect::ReadMinutes {
                program: "traumebevisst".into(),
                gathering: 1
            }]
        );
        assert_eq!(
            send(&mut s, Msg::HoldAgain),
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
        send(&mut s, Msg::SwitchFocus);
        send(&mut s, Msg::First);
        assert!(matches!(send(&mut s, Msg::Open)[..], [Effect::Open { .. }]));
        assert_eq!(s.home_overlay, None);
    }

    #[test]
    fn a_refused_open_stays_home_with_the_reason_shown() {
        let mut s = state();
        send(&mut s, Msg::Opened(Err("locked".into())));
        assert_eq!(s.screen, super::super::Screen::Home);
        assert_eq!(s.warnings, vec!["locked".to_string()]);
    }

    #[test]
    fn quit_on_the_home_screen_sets_the_flag() {
        let mut s = state();
        send(&mut s, Msg::Quit);
        assert!(s.quit);
    }
}
