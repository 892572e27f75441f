//! The interactive program's state and the one function that changes it.
//!
//! Keys become [`Msg`]s ([`keys`]), [`update`] turns a state and a message into the next state,
//! and [`crate::ui`] draws it. Nothing here touches the terminal or the disk, so every key's
//! effect is a plain unit test.

pub mod keys;

use crate::i18n::Lang;
use crate::model::Program;

/// Which list on the home screen has the cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    Programs,
    Gatherings,
}

/// Everything the screens show.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub lang: Lang,
    pub programs: Vec<Program>,
    pub selected_program: usize,
    pub selected_gathering: usize,
    pub focus: Focus,
    /// Problems found while loading (a broken user program), shown until the user quits.
    pub warnings: Vec<String>,
    /// Set when the user asked to quit; the runtime stops the loop.
    pub quit: bool,
}

/// What can happen to the state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Up,
    Down,
    Home,
    End,
    SwitchFocus,
    Quit,
}

impl State {
    pub fn new(lang: Lang, programs: Vec<Program>, warnings: Vec<String>) -> Self {
        State {
            lang,
            programs,
            selected_program: 0,
            selected_gathering: 0,
            focus: Focus::Programs,
            warnings,
            quit: false,
        }
    }

    /// The program under the cursor.
    pub fn program(&self) -> Option<&Program> {
        self.programs.get(self.selected_program)
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
}

/// Applies one message.
pub fn update(state: &mut State, msg: Msg) {
    let last = state.list_len().saturating_sub(1);
    let before = state.selected_program;
    match msg {
        Msg::Up => *state.cursor() = state.cursor().saturating_sub(1),
        Msg::Down => {
            let c = state.cursor();
            *c = (*c + 1).min(last);
        }
        Msg::Home => *state.cursor() = 0,
        Msg::End => *state.cursor() = last,
        Msg::SwitchFocus => {
            state.focus = match state.focus {
                Focus::Programs => Focus::Gatherings,
                Focus::Gatherings => Focus::Programs,
            }
        }
        Msg::Quit => state.quit = true,
    }
    if state.selected_program != before {
        state.selected_gathering = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::catalog;

    fn state() -> State {
        let (mut programs, problems) = catalog::builtin();
        assert!(problems.is_empty());
        let mut second = programs[0].clone();
        second.id = "second".into();
        second.gatherings.truncate(2);
        programs.push(second);
        State::new(Lang::Nb, programs, vec![])
    }

    #[test]
    fn arrows_move_within_the_focused_list_and_stop_at_its_ends() {
        let mut s = state();
        update(&mut s, Msg::Up);
        assert_eq!(s.selected_program, 0);
        update(&mut s, Msg::Down);
        update(&mut s, Msg::Down);
        assert_eq!(s.selected_program, 1);
        update(&mut s, Msg::SwitchFocus);
        update(&mut s, Msg::End);
        assert_eq!(s.selected_gathering, 1);
        assert_eq!(s.selected_program, 1);
    }

    #[test]
    fn choosing_another_program_starts_at_its_first_gathering() {
        let mut s = state();
        update(&mut s, Msg::SwitchFocus);
        update(&mut s, Msg::End);
        assert_eq!(s.selected_gathering, 5);
        update(&mut s, Msg::SwitchFocus);
        update(&mut s, Msg::Down);
        assert_eq!(s.selected_gathering, 0);
    }

    #[test]
    fn quit_sets_the_flag() {
        let mut s = state();
        update(&mut s, Msg::Quit);
        assert!(s.quit);
    }
}
