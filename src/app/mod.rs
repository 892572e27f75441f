//! The interactive program's state and the one function that changes it.
//!
//! Keys become [`Msg`]s ([`keys`]); [`update`] turns the state, a message and the time now into
//! the next state plus a list of [`Effect`]s (save, ring the bell, open a session) that the
//! runtime carries out; [`crate::ui`] draws the state. Nothing here touches the terminal, the
//! disk or the clock, so every key's effect is a plain unit test with a made-up `now`.

pub mod form;
pub mod home;
pub mod keys;
pub mod notes;
pub mod projector;
pub mod review;
pub mod run;
#[cfg(test)]
mod testing;

use std::path::PathBuf;

use chrono::NaiveDate;
use ratatui::crossterm::event::KeyEvent;

use crate::i18n::Lang;
use crate::model::{GroupLabel, Program, Session, Timestamp};

pub use home::{Focus, HeldSummary, HomeOverlay};
pub use notes::{Confirm, Editor, Select};
pub use projector::{ProjectorView, ScreenState};
pub use run::{Run, SaveState, View};

/// Everything the screens show.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub lang: Lang,
    /// Ring the terminal bell at zero and at step changes (`--quiet` or the config turns it off).
    pub bell: bool,
    pub programs: Vec<Program>,
    /// What has been held, for the home screen.
    pub held: Vec<HeldSummary>,
    pub selected_program: usize,
    pub selected_gathering: usize,
    pub focus: Focus,
    /// A question or the minutes of a held gathering in front of the home screen's lists.
    pub home_overlay: Option<HomeOverlay>,
    pub screen: Screen,
    /// Problems to show the user (a broken file, a refused open), until they quit.
    pub warnings: Vec<String>,
    /// Set when the user asked to quit; the runtime stops the loop.
    pub quit: bool,
}

/// Which screen is in front.
#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    Home,
    Run(Box<Run>),
}

/// What can happen to the state.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    // Home screen.
    Up,
    Down,
    First,
    Last,
    SwitchFocus,
    /// Start or resume the selected gathering (asks first if it is held).
    Open,
    /// Of a held gathering: read its minutes.
    ReadHeld,
    /// Of a held gathering: hold it again, as a new session.
    HoldAgain,
    PageUp,
    PageDown,
    /// The minutes of a held gathering, read from its file (or why not).
    MinutesRead(Result<Box<crate::export::Minutes>, String>),
    // Running a gathering.
    ToggleTimer,
    Next,
    Back,
    More,
    Less,
    NextPrompt,
    PrevPrompt,
    ToggleView,
    SetGroup(GroupLabel),
    ToggleHelp,
    CloseOverlay,
    // Notes.
    NewNote,
    EditNote,
    /// A key typed into the open note editor (`Esc` saves and closes it).
    EditorKey(KeyEvent),
    /// Text pasted into the terminal.
    Paste(String),
    SelectNote(Select),
    /// `Tab`: `↑` `↓` and `e` work on the agreements instead of the notes, or back.
    SwitchList,
    ToggleHighlight,
    ToggleParkingLot,
    TogglePrivate,
    DeleteNote,
    UndoDelete,
    /// The answer to the question on screen.
    Confirm(bool),
    /// `s`: the session's place and facilitator; `a`: a new agreement.
    OpenForm(form::FormKind),
    /// A key typed into the open form.
    FormKey(KeyEvent),
    // "Siden sist".
    /// `v`: review the agreements carried from earlier gatherings.
    OpenReview,
    ReviewMove(bool),
    /// Give the selected carried agreement this status.
    Mark(crate::model::Status),
    /// A comment on the selected carried agreement.
    OpenComment,
    /// `m`: show the earlier gathering's answers beside today's ("Da — nå").
    ToggleMirror,
    /// `r`: write the minutes beside the session file.
    ExportMinutes,
    /// The minutes file is there already (the runtime asks before replacing it).
    ExportExists(PathBuf),
    /// The minutes were written there, or why not.
    Exported(Result<PathBuf, String>),
    // Anywhere.
    Quit,
    /// A second has passed (sent only while something on screen changes with time).
    Tick,
    /// The runtime saved the session, so many bytes (or could not, and why).
    Saved(Result<u64, String>),
    /// The runtime opened a session to run (or could not, and why).
    Opened(Result<Box<Opened>, String>),
}

/// A session the runtime has opened and locked.
#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    pub path: PathBuf,
    pub session: Session,
    pub resumed: bool,
    /// Things the facilitator must know (files that did not load, a rescue copy).
    pub notices: Vec<String>,
}

/// Work for the runtime: everything that is not a change to the state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write the running session to its file.
    Save,
    /// Ring the terminal bell.
    Bell,
    /// Write the minutes (Markdown) beside the session file; `replace` an existing one.
    ExportMinutes { replace: bool },
    /// Read the minutes of the latest held session of a gathering.
    ReadMinutes { program: String, gathering: u32 },
    /// Open (resume or start) a gathering to run, dated `today`.
    Open {
        program: String,
        gathering: u32,
        today: NaiveDate,
    },
}

impl State {
    pub fn new(lang: Lang, programs: Vec<Program>, warnings: Vec<String>) -> Self {
        State {
            lang,
            bell: true,
            programs,
            held: Vec::new(),
            selected_program: 0,
            selected_gathering: 0,
            focus: Focus::Programs,
            home_overlay: None,
            screen: Screen::Home,
            warnings,
            quit: false,
        }
    }

    /// The program under the cursor on the home screen.
    pub fn program(&self) -> Option<&Program> {
        self.programs.get(self.selected_program)
    }

    /// The running gathering, if one is in front.
    pub fn run(&self) -> Option<&Run> {
        match &self.screen {
            Screen::Run(run) => Some(run),
            Screen::Home => None,
        }
    }

    /// Whether the screen changes by itself with time, so the runtime must tick once a second.
    pub fn needs_ticks(&self) -> bool {
        self.run().is_some()
    }
}

/// Applies one message at time `now`, and says what the runtime must do.
pub fn update(state: &mut State, msg: Msg, now: Timestamp) -> Vec<Effect> {
    match msg {
        Msg::Quit if state.run().is_none() => {
            state.quit = true;
            Vec::new()
        }
        Msg::Opened(result) => {
            match result {
                Ok(opened) => state.screen = Screen::Run(Box::new(Run::new(*opened, now))),
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
                    && run.session.is_finished()
                    && let Some(program) =
                        state.programs.iter().find(|p| p.id == run.session.program)
                {
                    effects.extend(run.add_between_rules(program, now));
                }
                if run.quit {
                    state.quit = true;
                }
                effects.dedup();
                effects
            }
        },
    }
}
