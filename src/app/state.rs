//! Everything the screens show: the home screen's lists, or the gathering that runs.

use chrono::NaiveDate;

pub use super::msg::HeldSummary;
use super::run::Run;
use crate::lang::Lang;
use crate::model::Program;

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
    /// The colours of every screen of this window, the room's view and the facilitator's
    /// ([`crate::ui::theme`]), and how many this terminal has.
    pub theme: crate::store::config::Theme,
    pub depth: crate::store::config::Depth,
}

/// Which screen is in front.
#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    Home,
    Run(Box<Run>),
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
            theme: Default::default(),
            depth: Default::default(),
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
