//! The interactive program's state and the one function that changes it.
//!
//! Keys become [`Msg`]s ([`keys`]); [`update`] turns the state, a message and the time now into
//! the next state plus a list of [`Effect`]s (save, ring the bell, open a session) that the
//! runtime carries out; [`crate::ui`] draws the state. Nothing here touches the terminal, the
//! disk or the clock, so every key's effect is a plain unit test with a made-up `now`.

pub mod home;
pub mod keys;
pub mod msg;
pub mod overlay;
pub mod projector;
pub mod role;
pub mod run;
pub mod select;
pub mod state;
#[cfg(test)]
mod testing;

use crate::lang::Lang;
use crate::model::{Program, Timestamp};

pub use msg::{Effect, HomeMsg, Msg, Opened, OverlayMsg, RunMsg, ScheduleMsg, SystemMsg};
pub use overlay::{Confirm, Editor, Form, FormKind, Overlay, Overlays, Pane, Review, Schedule};
pub use projector::{ProjectorView, ScreenState};
pub use run::{Run, SaveState, View};
pub use select::Select;
pub use state::{Focus, HeldSummary, HomeOverlay, Screen, State};

/// The state right after the runtime opened `opened` at `now`: what `samling run` shows
/// first. Tests and benchmarks start here too.
pub fn running(lang: Lang, programs: Vec<Program>, opened: Opened, now: Timestamp) -> State {
    let mut state = State::new(lang, programs, Vec::new());
    update(
        &mut state,
        Msg::System(SystemMsg::Opened(Ok(Box::new(opened)))),
        now,
    );
    state
}

/// Applies one message at time `now`, and says what the runtime must do.
pub fn update(state: &mut State, msg: Msg, now: Timestamp) -> Vec<Effect> {
    match msg {
        Msg::System(SystemMsg::Quit) if state.run().is_none() => {
            state.quit = true;
            Vec::new()
        }
        Msg::Run(RunMsg::ToggleTheme) => {
            state.theme = state.theme.other();
            Vec::new()
        }
        Msg::System(SystemMsg::Opened(result)) => {
            match result {
                Ok(opened) => {
                    let mut run = Run::new(*opened, state.lang, now);
                    let program = state.programs.iter().find(|p| p.id == run.session.program);
                    run.modules = program.map(|p| p.modules.clone()).unwrap_or_default();
                    state.screen = Screen::Run(Box::new(run));
                }
                Err(message) => state.warnings.push(message),
            }
            Vec::new()
        }
        msg => match &mut state.screen {
            Screen::Home => home::update(state, msg, now),
            Screen::Run(run) => {
                let bell = state.bell;
                let was_finished = run.session.is_finished();
                let mut effects = run::update(run, msg, now, bell);
                if !was_finished
                    && !run.role.takes_notes()
                    && run.session.is_finished()
                    && let Some(program) =
                        state.programs.iter().find(|p| p.id == run.session.program)
                {
                    effects.extend(run.add_between_rules(program, now));
                }
                if run.quit && run.leave {
                    state.screen = Screen::Home;
                    effects.push(Effect::Closed);
                } else if run.quit {
                    state.quit = true;
                }
                effects.dedup();
                effects
            }
        },
    }
}
