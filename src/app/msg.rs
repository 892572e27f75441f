//! What can happen ([`Msg`]) and what the runtime must do about it ([`Effect`]).

use std::path::PathBuf;

use chrono::NaiveDate;
use ratatui::crossterm::event::KeyEvent;

use super::overlay::FormKind;
use super::select::Select;
use crate::model::{GroupLabel, Session};

/// What can happen to the state, by where it comes from: each part of [`super::update`] takes
/// its own kind.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// A key on the home screen or its overlays.
    Home(HomeMsg),
    /// A key acting on the running gathering.
    Run(RunMsg),
    /// A key acting on what lies over the running gathering (editor, form, review, help,
    /// question).
    Overlay(OverlayMsg),
    /// From the runtime, or the way out: time, saves, files, paste, quit.
    System(SystemMsg),
}

/// The home screen's keys.
#[derive(Debug, Clone, PartialEq)]
pub enum HomeMsg {
    /// Up in the focused list, or a line up in the minutes being read.
    Up,
    Down,
    First,
    Last,
    PageUp,
    PageDown,
    SwitchFocus,
    /// Start or resume the selected gathering (asks first if it is held).
    Open,
    /// Of a held gathering: read its minutes.
    ReadHeld,
    /// Of a held gathering: hold it again, as a new session.
    HoldAgain,
    /// `e`: prepare the selected gathering before the day (date, times, place, agenda).
    Prepare,
    /// Leave the question or the minutes.
    Close,
}

/// The keys of the running gathering.
#[derive(Debug, Clone, PartialEq)]
pub enum RunMsg {
    ToggleTimer,
    Next,
    Back,
    More,
    Less,
    NextPrompt,
    PrevPrompt,
    ToggleView,
    /// The room's colours, dark or light, at once (a washed-out projector, daylight).
    ToggleTheme,
    SetGroup(GroupLabel),
    NewNote,
    EditNote,
    SelectNote(Select),
    /// `Tab`: `↑` `↓` and `e` work on the agreements instead of the notes, or back.
    SwitchList,
    ToggleHighlight,
    ToggleParkingLot,
    TogglePrivate,
    DeleteNote,
    UndoDelete,
    /// `s`: the session's place and facilitator; `a`: a new agreement.
    OpenForm(FormKind),
    /// `v`: review the agreements carried from earlier gatherings.
    OpenReview,
    /// `m`: show the earlier gathering's answers beside today's ("Da — nå").
    ToggleMirror,
    /// `r`: write the minutes beside the session file.
    ExportMinutes,
    /// `t`: the schedule panel ("Tidsplan"), to change the agenda.
    OpenSchedule,
}

impl RunMsg {
    /// Whether a note-taker's samling does this: its own group, notes and marks, never the
    /// clock, the agenda or the room.
    pub fn for_note_takers(&self) -> bool {
        matches!(
            self,
            RunMsg::SetGroup(_)
                | RunMsg::NewNote
                | RunMsg::EditNote
                | RunMsg::SelectNote(_)
                | RunMsg::ToggleHighlight
                | RunMsg::ToggleParkingLot
                | RunMsg::TogglePrivate
                | RunMsg::DeleteNote
                | RunMsg::UndoDelete
        )
    }
}

/// The keys of what lies over the running gathering.
#[derive(Debug, Clone, PartialEq)]
pub enum OverlayMsg {
    ToggleHelp,
    /// Close the one on top.
    Close,
    /// A key typed into the open note editor (`Esc` saves and closes it).
    EditorKey(KeyEvent),
    /// A key typed into the open form.
    FormKey(KeyEvent),
    /// The answer to the question on screen.
    Confirm(bool),
    /// In the review: to the next carried agreement (`true`) or the one before.
    ReviewMove(bool),
    /// Give the selected carried agreement this status.
    Mark(crate::model::Status),
    /// A comment on the selected carried agreement.
    OpenComment,
    /// Change the selected carried agreement's text, who or due date.
    EditReviewed,
    /// A key of the schedule panel.
    Schedule(ScheduleMsg),
}

/// The keys of the schedule panel ("Tidsplan").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScheduleMsg {
    /// `↑` / `↓` in the list in front (the agenda's items not yet held, or the modules):
    /// `true` is down.
    Select(bool),
    /// `h`: skip the selected item, or take it back in.
    Skip,
    /// `K` / `J`: move the selected item up (`true`) or down.
    Move(bool),
    /// `+` / `-`: minutes more or less for the selected item.
    Minutes(i32),
    /// `m`: the program's optional modules, to insert one.
    Modules,
    /// `l`: a new item, in a form.
    NewItem,
    /// `x`: remove the selected item, if it was inserted.
    Remove,
    /// `f`: the drift proposal.
    Propose,
    /// `Enter`: insert the module, or accept the proposal.
    Accept,
    /// `Esc`: back to the agenda from the modules or the proposal; from the agenda, close.
    Back,
}

/// What the runtime reports, and quitting (asked for by a key, but it concerns everything).
#[derive(Debug, Clone, PartialEq)]
pub enum SystemMsg {
    Quit,
    /// A second has passed (sent only while something on screen changes with time).
    Tick,
    /// Text pasted into the terminal.
    Paste(String),
    /// The runtime saved the session as it was after change `upto` ([`crate::app::run::Saving::changes`]),
    /// so many bytes (or could not, and why).
    Saved {
        upto: u64,
        result: Result<u64, String>,
    },
    /// The runtime opened a session to run (or could not, and why).
    Opened(Result<Box<Opened>, String>),
    /// The minutes of a held gathering, read from its file (or why not).
    MinutesRead(Result<Box<crate::export::Minutes>, String>),
    /// The minutes file is there already (the runtime asks before replacing it).
    ExportExists(PathBuf),
    /// The minutes were written there, or why not.
    Exported(Result<PathBuf, String>),
    /// The held gatherings as the home screen lists them, read again after preparing one, and
    /// the files that did not load, in words.
    HeldLoaded(Vec<HeldSummary>, Vec<String>),
    /// A note-taker's samling read the session again: what the folder holds now, with this
    /// writer's changes not yet on disk laid over it.
    Followed(Box<Session>),
    /// The facilitator's samling read the note-takers' journals: each writer's tag and changes.
    Merged(Vec<(String, Vec<crate::model::change::Change>)>),
}

/// A session the runtime has opened and locked.
#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    pub path: PathBuf,
    pub session: Session,
    pub resumed: bool,
    /// Things the facilitator must know (files that did not load, a rescue copy).
    pub notices: Vec<String>,
    /// Opened to prepare before the day (`e` on the home screen), not to run.
    pub preparing: bool,
    /// Whose samling opens it: the facilitator's, or a note-taker's.
    pub role: super::role::Role,
    /// The dates of the program's other gatherings (number, date): preparing, a date one of
    /// them has is pointed out.
    pub other_dates: Vec<(u32, NaiveDate)>,
    /// The program's title and its next gathering (with its date, if it is planned): the
    /// room's welcome and thanks, and what "before the next gathering" means for what is
    /// agreed here.
    pub occasion: super::projector::Occasion,
}

impl Opened {
    /// `session`, from `path`, started rather than resumed, with nothing to tell.
    pub fn new(path: impl Into<PathBuf>, session: Session) -> Self {
        Opened {
            path: path.into(),
            session,
            resumed: false,
            notices: Vec::new(),
            preparing: false,
            role: super::role::Role::Facilitator,
            other_dates: Vec::new(),
            occasion: Default::default(),
        }
    }
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
    /// Open a gathering to prepare before the day (dated `today` if it is new).
    Prepare {
        program: String,
        gathering: u32,
        today: NaiveDate,
    },
    /// The gathering was closed to go back to the home screen: let go of its lock and read
    /// the held gatherings again.
    Closed,
    /// Read the other writers' journals again now, whether or not they changed (a mark taken
    /// back: the writer's own version decides again).
    Reread,
}

impl crate::model::chain::HeldFacts for HeldSummary {
    fn gathering(&self) -> u32 {
        self.gathering
    }
    fn finished(&self) -> bool {
        self.finished
    }
    fn took_place(&self) -> bool {
        self.held
    }
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
    /// Only prepared: never started, nothing in it ([`crate::store::sessions::is_prepared`]).
    pub prepared: bool,
    /// Its planned start, to show beside the date.
    pub start: chrono::NaiveTime,
    /// Prepared: its agenda as prepared (start and title of each item not skipped), with the
    /// end last; empty otherwise, when the program's plan is what the home screen shows.
    pub agenda: Vec<(chrono::NaiveTime, String)>,
}
