//! Which key means what: one table per [`Mode`], each row the keys, the message they send and
//! what they do in words. [`map`] dispatches from the tables and nothing else, and the footers
//! and the `?` help are drawn from the same rows, so what the screen says a key does is what
//! it does. A test walks every table both ways.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::msg::{HomeMsg, Msg, OverlayMsg, RunMsg, ScheduleMsg, SystemMsg};
use super::overlay::{FormKind, Overlay, Pane};
use super::select::Select;
use super::state::{HomeOverlay, Screen, State};
use crate::i18n::KeyHelp;
use crate::model::{GroupLabel, Status};

/// What the keys act on: the screen in front and what lies on top of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The home screen's lists.
    Home,
    /// `Enter` on a held gathering: read it, hold it again, or leave it.
    Held,
    /// The minutes of a held gathering.
    Reading,
    /// A gathering runs, nothing over it.
    Running,
    /// A note-taker's samling, nothing over it: its notes only.
    Taking,
    /// "Siden sist" is open.
    Review,
    /// A note is being written: keys type.
    Editor,
    /// A form is open: keys type into its field.
    Form,
    /// The `?` help.
    Help,
    /// A yes/no question.
    Confirm,
    /// The schedule panel, on the agenda.
    Schedule,
    /// The schedule panel's list of optional modules.
    Modules,
    /// The schedule panel's drift proposal.
    Proposal,
}

impl Mode {
    /// Every mode, for the tests and for checking that each table's help fits the screen.
    pub const ALL: [Mode; 13] = [
        Mode::Home,
        Mode::Held,
        Mode::Reading,
        Mode::Running,
        Mode::Taking,
        Mode::Review,
        Mode::Editor,
        Mode::Form,
        Mode::Help,
        Mode::Confirm,
        Mode::Schedule,
        Mode::Modules,
        Mode::Proposal,
    ];

    /// This mode's keys.
    pub fn table(self) -> &'static [Row] {
        match self {
            Mode::Home => HOME,
            Mode::Held => HELD,
            Mode::Reading => READING,
            Mode::Running => RUNNING,
            Mode::Taking => &TAKING,
            Mode::Review => REVIEW,
            Mode::Editor => EDITOR,
            Mode::Form => FORM,
            Mode::Help => HELP,
            Mode::Confirm => CONFIRM,
            Mode::Schedule => SCHEDULE,
            Mode::Modules => MODULES,
            Mode::Proposal => PROPOSAL,
        }
    }

    /// The mode the state is in.
    pub fn of(state: &State) -> Mode {
        match &state.screen {
            Screen::Home => match &state.home_overlay {
                None => Mode::Home,
                Some(HomeOverlay::Held { .. }) => Mode::Held,
                Some(HomeOverlay::Reading { .. }) => Mode::Reading,
            },
            Screen::Run(run) => Mode::of_run(run.role.takes_notes(), run.overlays.top()),
        }
    }

    /// The mode of a running gathering with `top` over it, in a note-taker's samling or not.
    pub fn of_run(takes_notes: bool, top: Option<&Overlay>) -> Mode {
        match Mode::over(top) {
            Mode::Running if takes_notes => Mode::Taking,
            mode => mode,
        }
    }

    /// The mode with `top` the overlay on top of a running gathering.
    pub fn over(top: Option<&Overlay>) -> Mode {
        match top {
            None => Mode::Running,
            Some(Overlay::Review(_)) => Mode::Review,
            Some(Overlay::Editor(_)) => Mode::Editor,
            Some(Overlay::Form(_)) => Mode::Form,
            Some(Overlay::Help) => Mode::Help,
            Some(Overlay::Confirm(_)) => Mode::Confirm,
            Some(Overlay::Schedule(panel)) => Mode::of_pane(&panel.pane),
        }
    }

    /// The mode of the schedule panel with `pane` in front.
    pub fn of_pane(pane: &Pane) -> Mode {
        match pane {
            Pane::Agenda => Mode::Schedule,
            Pane::Modules { .. } => Mode::Modules,
            Pane::Proposal(_) => Mode::Proposal,
        }
    }
}

/// A key a row answers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// This key without Ctrl (Shift is in the character: `G`, `*`, `?`).
    Code(KeyCode),
    /// Ctrl and this letter.
    Ctrl(char),
    /// Shift and this key (`Shift-↑`); a row with it must come before the row of the key alone,
    /// which takes it with Shift too.
    Shift(KeyCode),
    /// Any digit, `0`–`9`.
    Digit,
    /// Any key no row above it takes: it is typed into the text.
    Text,
}

impl Key {
    /// Whether `key` is this key.
    pub fn matches(self, key: &KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match self {
            Key::Code(code) => !ctrl && key.code == code,
            Key::Ctrl(c) => ctrl && key.code == KeyCode::Char(c),
            Key::Shift(code) => {
                !ctrl && key.modifiers.contains(KeyModifiers::SHIFT) && key.code == code
            }
            Key::Digit => !ctrl && matches!(key.code, KeyCode::Char('0'..='9')),
            Key::Text => true,
        }
    }
}

/// One line of a key table.
#[derive(Debug, Clone, Copy)]
pub struct Row {
    /// The keys, as the footer and the help name them.
    pub keys: &'static [Key],
    /// More keys for the same (vim's `j` `k`, `Ctrl-C`): in the help, not in the footer.
    pub also: &'static [Key],
    /// What the keys do, worded per language by [`crate::i18n::Strings::key_help`].
    pub help: KeyHelp,
    /// The message a key of this row sends.
    pub msg: fn(KeyEvent) -> Msg,
}

impl Row {
    const fn new(keys: &'static [Key], help: KeyHelp, msg: fn(KeyEvent) -> Msg) -> Row {
        Row {
            keys,
            also: &[],
            help,
            msg,
        }
    }

    const fn also(self, also: &'static [Key]) -> Row {
        Row { also, ..self }
    }

    /// Every key of the row, shown first.
    pub fn all_keys(&self) -> impl Iterator<Item = &Key> {
        self.keys.iter().chain(self.also)
    }

    /// Whether `key` is one of this row's.
    pub fn takes(&self, key: &KeyEvent) -> bool {
        self.all_keys().any(|k| k.matches(key))
    }
}

const fn c(c: char) -> Key {
    Key::Code(KeyCode::Char(c))
}

const UP: Key = Key::Code(KeyCode::Up);
const DOWN: Key = Key::Code(KeyCode::Down);
const HOME_KEY: Key = Key::Code(KeyCode::Home);
const END: Key = Key::Code(KeyCode::End);
const ESC: Key = Key::Code(KeyCode::Esc);
const ENTER: Key = Key::Code(KeyCode::Enter);
const TAB: Key = Key::Code(KeyCode::Tab);
const BACKTAB: Key = Key::Code(KeyCode::BackTab);
const CTRL_C: Key = Key::Ctrl('c');

/// `↑`/`k` and `↓`/`j` and the like: one message for "towards the top", one for the other way.
fn up_or_down(key: KeyEvent, up: Msg, down: Msg) -> Msg {
    match key.code {
        KeyCode::Up | KeyCode::Home | KeyCode::PageUp | KeyCode::Char('k' | 'g') => up,
        _ => down,
    }
}

/// The home screen's lists.
pub const HOME: &[Row] = &[
    Row::new(&[UP, DOWN], KeyHelp::Move, |k| {
        up_or_down(k, Msg::Home(HomeMsg::Up), Msg::Home(HomeMsg::Down))
    })
    .also(&[c('k'), c('j')]),
    Row::new(&[], KeyHelp::FirstLast, |k| {
        up_or_down(k, Msg::Home(HomeMsg::First), Msg::Home(HomeMsg::Last))
    })
    .also(&[HOME_KEY, END, c('g'), c('G')]),
    Row::new(&[TAB], KeyHelp::SwitchList, |_| {
        Msg::Home(HomeMsg::SwitchFocus)
    })
    .also(&[BACKTAB, Key::Code(KeyCode::Left), Key::Code(KeyCode::Right)]),
    Row::new(&[ENTER], KeyHelp::Open, |_| Msg::Home(HomeMsg::Open)),
    Row::new(&[c('e')], KeyHelp::Prepare, |_| Msg::Home(HomeMsg::Prepare)),
    Row::new(&[c('q')], KeyHelp::Quit, |_| Msg::System(SystemMsg::Quit)).also(&[ESC, CTRL_C]),
];

/// The question `Enter` asks about a held gathering.
pub const HELD: &[Row] = &[
    Row::new(&[c('l')], KeyHelp::ReadMinutes, |_| {
        Msg::Home(HomeMsg::ReadHeld)
    })
    .also(&[c('r')]),
    Row::new(&[c('h')], KeyHelp::HoldAgain, |_| {
        Msg::Home(HomeMsg::HoldAgain)
    }),
    Row::new(&[ESC], KeyHelp::Cancel, |_| Msg::Home(HomeMsg::Close)).also(&[c('q'), c('n')]),
    Row::new(&[], KeyHelp::Quit, |_| Msg::System(SystemMsg::Quit)).also(&[CTRL_C]),
];

/// Reading the minutes of a held gathering.
pub const READING: &[Row] = &[
    Row::new(&[UP, DOWN], KeyHelp::Scroll, |k| {
        up_or_down(k, Msg::Home(HomeMsg::Up), Msg::Home(HomeMsg::Down))
    })
    .also(&[c('k'), c('j')]),
    Row::new(
        &[Key::Code(KeyCode::PageUp), Key::Code(KeyCode::PageDown)],
        KeyHelp::Page,
        |k| up_or_down(k, Msg::Home(HomeMsg::PageUp), Msg::Home(HomeMsg::PageDown)),
    )
    .also(&[c(' ')]),
    Row::new(&[], KeyHelp::FirstLast, |k| {
        up_or_down(k, Msg::Home(HomeMsg::First), Msg::Home(HomeMsg::Last))
    })
    .also(&[HOME_KEY, END, c('g'), c('G')]),
    Row::new(&[ESC], KeyHelp::Close, |_| Msg::Home(HomeMsg::Close)).also(&[c('q')]),
    Row::new(&[], KeyHelp::Quit, |_| Msg::System(SystemMsg::Quit)).also(&[CTRL_C]),
];

/// A gathering runs.
pub const RUNNING: &[Row] = &[
    Row::new(&[c(' ')], KeyHelp::StartPause, |_| {
        Msg::Run(RunMsg::ToggleTimer)
    }),
    Row::new(&[c('n')], KeyHelp::NextItem, |_| Msg::Run(RunMsg::Next)),
    Row::new(&[c('b')], KeyHelp::PreviousItem, |_| Msg::Run(RunMsg::Back)),
    Row::new(&[c('+'), c('-')], KeyHelp::MoreLess, |k| {
        if k.code == KeyCode::Char('+') {
            Msg::Run(RunMsg::More)
        } else {
            Msg::Run(RunMsg::Less)
        }
    }),
    Row::new(&[c('i')], KeyHelp::NewNote, |_| Msg::Run(RunMsg::NewNote)).also(&[ENTER]),
    Row::new(&[c(']'), c('[')], KeyHelp::NextPrevPrompt, |k| {
        if k.code == KeyCode::Char(']') {
            Msg::Run(RunMsg::NextPrompt)
        } else {
            Msg::Run(RunMsg::PrevPrompt)
        }
    }),
    Row::new(&[c('p')], KeyHelp::Projector, |_| {
        Msg::Run(RunMsg::ToggleView)
    }),
    Row::new(&[Key::Digit], KeyHelp::Group, |k| match k.code {
        KeyCode::Char(d @ '1'..='9') => {
            Msg::Run(RunMsg::SetGroup(GroupLabel::Group(d as u8 - b'0')))
        }
        _ => Msg::Run(RunMsg::SetGroup(GroupLabel::Plenary)),
    }),
    Row::new(&[UP, DOWN], KeyHelp::SelectNote, |k| {
        Msg::Run(RunMsg::SelectNote(match k.code {
            KeyCode::Up => Select::Previous,
            KeyCode::Home => Select::First,
            KeyCode::End => Select::Last,
            _ => Select::Next,
        }))
    })
    .also(&[HOME_KEY, END]),
    Row::new(&[TAB], KeyHelp::NotesOrAgreements, |_| {
        Msg::Run(RunMsg::SwitchList)
    })
    .also(&[BACKTAB]),
    Row::new(&[c('e')], KeyHelp::EditNote, |_| Msg::Run(RunMsg::EditNote)),
    Row::new(&[c('*')], KeyHelp::Highlight, |_| {
        Msg::Run(RunMsg::ToggleHighlight)
    }),
    Row::new(&[c('o')], KeyHelp::ParkingLot, |_| {
        Msg::Run(RunMsg::ToggleParkingLot)
    }),
    Row::new(&[c('x')], KeyHelp::Private, |_| {
        Msg::Run(RunMsg::TogglePrivate)
    }),
    Row::new(&[c('d')], KeyHelp::DeleteNote, |_| {
        Msg::Run(RunMsg::DeleteNote)
    }),
    Row::new(&[c('u')], KeyHelp::Undo, |_| Msg::Run(RunMsg::UndoDelete)),
    Row::new(&[c('a')], KeyHelp::Agreement, |_| {
        Msg::Run(RunMsg::OpenForm(FormKind::Agreement))
    }),
    Row::new(&[c('v')], KeyHelp::Review, |_| Msg::Run(RunMsg::OpenReview)),
    Row::new(&[c('r')], KeyHelp::Minutes, |_| {
        Msg::Run(RunMsg::ExportMinutes)
    }),
    Row::new(&[c('m')], KeyHelp::Mirror, |_| {
        Msg::Run(RunMsg::ToggleMirror)
    }),
    Row::new(&[c('s')], KeyHelp::Info, |_| {
        Msg::Run(RunMsg::OpenForm(FormKind::Info))
    }),
    Row::new(&[c('t')], KeyHelp::Schedule, |_| {
        Msg::Run(RunMsg::OpenSchedule)
    }),
    Row::new(&[c('T')], KeyHelp::Theme, |_| Msg::Run(RunMsg::ToggleTheme)),
    Row::new(&[c('?')], KeyHelp::Help, |_| {
        Msg::Overlay(OverlayMsg::ToggleHelp)
    }),
    Row::new(&[c('q')], KeyHelp::SaveQuit, |_| {
        Msg::System(SystemMsg::Quit)
    })
    .also(&[CTRL_C]),
    // Closes nothing here, but like every key it clears a message that answered the last one.
    Row::new(&[], KeyHelp::Dismiss, |_| Msg::Overlay(OverlayMsg::Close)).also(&[ESC]),
];

/// A note-taker's keys: those of [`RUNNING`] for its own group and notes, and help and quit.
static TAKING: std::sync::LazyLock<Vec<Row>> = std::sync::LazyLock::new(|| {
    RUNNING
        .iter()
        .filter(|row| {
            matches!(
                row.help,
                KeyHelp::NewNote
                    | KeyHelp::Group
                    | KeyHelp::SelectNote
                    | KeyHelp::EditNote
                    | KeyHelp::Highlight
                    | KeyHelp::ParkingLot
                    | KeyHelp::Private
                    | KeyHelp::DeleteNote
                    | KeyHelp::Undo
                    | KeyHelp::Help
                    | KeyHelp::SaveQuit
                    | KeyHelp::Dismiss
            )
        })
        .copied()
        .collect()
});

/// "Siden sist": one key per status; the clock and the agenda keys still work.
pub const REVIEW: &[Row] = &[
    Row::new(&[c('g')], KeyHelp::Done, |_| {
        Msg::Overlay(OverlayMsg::Mark(Status::Done))
    }),
    Row::new(&[c('d')], KeyHelp::Partly, |_| {
        Msg::Overlay(OverlayMsg::Mark(Status::Partly))
    }),
    Row::new(&[c('i')], KeyHelp::NotDone, |_| {
        Msg::Overlay(OverlayMsg::Mark(Status::NotDone))
    }),
    Row::new(&[c('x')], KeyHelp::Dropped, |_| {
        Msg::Overlay(OverlayMsg::Mark(Status::Dropped))
    }),
    Row::new(&[c('k')], KeyHelp::Comment, |_| {
        Msg::Overlay(OverlayMsg::OpenComment)
    }),
    Row::new(&[ESC], KeyHelp::Close, |_| Msg::Overlay(OverlayMsg::Close)).also(&[c('v')]),
    // After Esc: where the panel's footer is short, closing matters more.
    Row::new(&[c('e')], KeyHelp::EditAgreement, |_| {
        Msg::Overlay(OverlayMsg::EditReviewed)
    }),
    Row::new(&[UP, DOWN], KeyHelp::Move, |k| {
        Msg::Overlay(OverlayMsg::ReviewMove(k.code == KeyCode::Down))
    }),
    Row::new(&[c(' ')], KeyHelp::StartPause, |_| {
        Msg::Run(RunMsg::ToggleTimer)
    }),
    Row::new(&[c('n')], KeyHelp::NextItem, |_| Msg::Run(RunMsg::Next)),
    Row::new(&[c('b')], KeyHelp::PreviousItem, |_| Msg::Run(RunMsg::Back)),
    Row::new(&[c('p')], KeyHelp::Projector, |_| {
        Msg::Run(RunMsg::ToggleView)
    }),
    Row::new(&[c('r')], KeyHelp::Minutes, |_| {
        Msg::Run(RunMsg::ExportMinutes)
    }),
    Row::new(&[c('?')], KeyHelp::Help, |_| {
        Msg::Overlay(OverlayMsg::ToggleHelp)
    }),
    Row::new(&[c('q')], KeyHelp::SaveQuit, |_| {
        Msg::System(SystemMsg::Quit)
    })
    .also(&[CTRL_C]),
];

/// The note editor: everything but `Esc` and `Ctrl-C` is typed, so Norwegian letters, digits
/// and `q` type as such.
pub const EDITOR: &[Row] = &[
    Row::new(&[ESC], KeyHelp::SaveClose, |k| {
        Msg::Overlay(OverlayMsg::EditorKey(k))
    }),
    Row::new(&[], KeyHelp::SaveQuit, |_| Msg::System(SystemMsg::Quit)).also(&[CTRL_C]),
    Row::new(&[], KeyHelp::Type, |k| {
        Msg::Overlay(OverlayMsg::EditorKey(k))
    })
    .also(&[Key::Text]),
];

/// A form: keys type into the field with the cursor.
pub const FORM: &[Row] = &[
    Row::new(&[TAB], KeyHelp::NextField, |k| {
        Msg::Overlay(OverlayMsg::FormKey(k))
    })
    .also(&[BACKTAB, UP, DOWN, ENTER]),
    Row::new(&[ESC], KeyHelp::SaveClose, |k| {
        Msg::Overlay(OverlayMsg::FormKey(k))
    }),
    Row::new(&[], KeyHelp::SaveQuit, |_| Msg::System(SystemMsg::Quit)).also(&[CTRL_C]),
    Row::new(&[], KeyHelp::Type, |k| Msg::Overlay(OverlayMsg::FormKey(k))).also(&[Key::Text]),
];

/// The help: only the keys that close it.
pub const HELP: &[Row] = &[
    Row::new(&[ESC], KeyHelp::Close, |_| Msg::Overlay(OverlayMsg::Close)).also(&[c('?'), c('q')]),
    Row::new(&[], KeyHelp::SaveQuit, |_| Msg::System(SystemMsg::Quit)).also(&[CTRL_C]),
];

/// A yes/no question: `j` (ja) or `y`, `n`; nothing else, so a stray key answers nothing.
pub const CONFIRM: &[Row] = &[
    Row::new(&[c('j')], KeyHelp::Yes, |_| {
        Msg::Overlay(OverlayMsg::Confirm(true))
    })
    .also(&[c('J'), c('y'), c('Y'), ENTER]),
    Row::new(&[c('n')], KeyHelp::No, |_| {
        Msg::Overlay(OverlayMsg::Confirm(false))
    })
    .also(&[c('N'), ESC]),
];

const fn schedule(msg: ScheduleMsg) -> Msg {
    Msg::Overlay(OverlayMsg::Schedule(msg))
}

/// The schedule panel ("Tidsplan"), on the agenda: every change is to the selected item.
pub const SCHEDULE: &[Row] = &[
    Row::new(&[c('h')], KeyHelp::Skip, |_| schedule(ScheduleMsg::Skip)),
    Row::new(&[c('+'), c('-')], KeyHelp::MoreLess, |k| {
        schedule(ScheduleMsg::Minutes(if k.code == KeyCode::Char('+') {
            1
        } else {
            -1
        }))
    }),
    // Before ↑ ↓, which would take them with Shift too.
    Row::new(&[c('K'), c('J')], KeyHelp::MoveItem, |k| {
        schedule(ScheduleMsg::Move(matches!(
            k.code,
            KeyCode::Char('K') | KeyCode::Up
        )))
    })
    .also(&[Key::Shift(KeyCode::Up), Key::Shift(KeyCode::Down)]),
    Row::new(&[UP, DOWN], KeyHelp::Move, |k| {
        schedule(ScheduleMsg::Select(matches!(
            k.code,
            KeyCode::Down | KeyCode::Char('j')
        )))
    })
    .also(&[c('k'), c('j')]),
    // Before the rest: where the footer is short, closing matters more.
    Row::new(&[ESC], KeyHelp::Close, |_| schedule(ScheduleMsg::Back)).also(&[c('t')]),
    Row::new(&[c('f')], KeyHelp::Propose, |_| {
        schedule(ScheduleMsg::Propose)
    }),
    Row::new(&[c('s')], KeyHelp::Info, |_| {
        Msg::Run(RunMsg::OpenForm(FormKind::Info))
    }),
    Row::new(&[c('m')], KeyHelp::InsertModule, |_| {
        schedule(ScheduleMsg::Modules)
    }),
    Row::new(&[c('l')], KeyHelp::NewItem, |_| {
        schedule(ScheduleMsg::NewItem)
    }),
    Row::new(&[c('x')], KeyHelp::RemoveItem, |_| {
        schedule(ScheduleMsg::Remove)
    }),
    Row::new(&[c('?')], KeyHelp::Help, |_| {
        Msg::Overlay(OverlayMsg::ToggleHelp)
    }),
    Row::new(&[], KeyHelp::SaveQuit, |_| Msg::System(SystemMsg::Quit)).also(&[c('q'), CTRL_C]),
];

/// The program's optional modules, to insert one after the selected item.
pub const MODULES: &[Row] = &[
    Row::new(&[ENTER], KeyHelp::Insert, |_| schedule(ScheduleMsg::Accept)),
    Row::new(&[UP, DOWN], KeyHelp::Move, |k| {
        schedule(ScheduleMsg::Select(matches!(
            k.code,
            KeyCode::Down | KeyCode::Char('j')
        )))
    })
    .also(&[c('k'), c('j')]),
    Row::new(&[ESC], KeyHelp::Back, |_| schedule(ScheduleMsg::Back)),
    Row::new(&[], KeyHelp::SaveQuit, |_| Msg::System(SystemMsg::Quit)).also(&[CTRL_C]),
];

/// The drift proposal: take it or leave it.
pub const PROPOSAL: &[Row] = &[
    Row::new(&[ENTER], KeyHelp::Accept, |_| schedule(ScheduleMsg::Accept)),
    Row::new(&[ESC], KeyHelp::Leave, |_| schedule(ScheduleMsg::Back)),
    Row::new(&[], KeyHelp::SaveQuit, |_| Msg::System(SystemMsg::Quit)).also(&[CTRL_C]),
];

/// The message a key press sends in the current state, if any: the first row of the mode's
/// table that takes the key.
pub fn map(state: &State, key: KeyEvent) -> Option<Msg> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let row = Mode::of(state).table().iter().find(|r| r.takes(&key))?;
    Some((row.msg)(key))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::overlay::{Confirm, Editor, Form, Overlays, Review, Schedule};
    use crate::app::{HomeMsg, OverlayMsg, RunMsg, SystemMsg};
    use crate::app::{Run, update};
    use crate::i18n::Lang;
    use crate::model::{Draft, Timestamp};

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn running_state() -> State {
        crate::app::testing::running()
    }

    fn run_mut(s: &mut State) -> &mut Run {
        match &mut s.screen {
            Screen::Run(run) => run,
            Screen::Home => panic!("running"),
        }
    }

    /// A state in each mode.
    fn in_mode(mode: Mode) -> State {
        let mut s = running_state();
        let overlay = match mode {
            Mode::Home | Mode::Held | Mode::Reading => {
                let mut home = State::new(Lang::Nb, vec![], vec![]);
                home.home_overlay = match mode {
                    Mode::Held => Some(HomeOverlay::Held {
                        program: "p".into(),
                        gathering: 1,
                        date: chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
                    }),
                    Mode::Reading => Some(HomeOverlay::Reading {
                        minutes: Box::new(crate::export::Minutes::of(
                            &s.run().expect("running").session,
                            "Traumebevisst",
                            false,
                        )),
                        scroll: 0,
                    }),
                    _ => None,
                };
                return home;
            }
            Mode::Running => None,
            Mode::Taking => {
                run_mut(&mut s).role = crate::app::run::Role::NoteTaker {
                    tag: "kari-pc".into(),
                    name: "Kari".into(),
                };
                None
            }
            Mode::Review => Some(Overlay::Review(Review::default())),
            Mode::Editor => Some(Overlay::Editor(Box::new(Editor::new(Draft {
                note: None,
                item: "i".into(),
                prompt: None,
                group: GroupLabel::Plenary,
                text: String::new(),
            })))),
            Mode::Form => Some(Overlay::Form(Form::new(FormKind::Info, &["", ""]))),
            Mode::Help => Some(Overlay::Help),
            Mode::Confirm => Some(Overlay::Confirm(Confirm::Quit)),
            Mode::Schedule | Mode::Modules | Mode::Proposal => {
                let mut panel = Schedule::new(&s.run().expect("running").session);
                panel.pane = match mode {
                    Mode::Modules => Pane::Modules { selected: 0 },
                    Mode::Proposal => Pane::Proposal(None),
                    _ => Pane::Agenda,
                };
                Some(Overlay::Schedule(panel))
            }
        };
        let run = run_mut(&mut s);
        run.overlays = Overlays::default();
        if let Some(o) = overlay {
            run.overlays.open(o);
        }
        assert_eq!(Mode::of(&s), mode);
        s
    }

    /// Key presses that stand for `k`.
    fn examples(k: Key) -> Vec<KeyEvent> {
        match k {
            Key::Code(code) => vec![key(code)],
            Key::Ctrl(c) => vec![KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)],
            Key::Shift(code) => vec![KeyEvent::new(code, KeyModifiers::SHIFT)],
            Key::Digit => ('0'..='9').map(|d| key(KeyCode::Char(d))).collect(),
            Key::Text => vec![key(KeyCode::Char('å')), key(KeyCode::Char('q'))],
        }
    }

    /// Every key a person might press: the printable ASCII, Norwegian letters, the named keys,
    /// each alone and with Ctrl.
    fn every_key() -> Vec<KeyEvent> {
        let mut codes: Vec<KeyCode> = (' '..='~')
            .chain("æøåÆØÅ".chars())
            .map(KeyCode::Char)
            .collect();
        codes.extend([
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Backspace,
            KeyCode::Delete,
            KeyCode::Insert,
            KeyCode::F(1),
        ]);
        codes
            .into_iter()
            .flat_map(|c| {
                [
                    KeyEvent::new(c, KeyModifiers::NONE),
                    KeyEvent::new(c, KeyModifiers::CONTROL),
                    KeyEvent::new(c, KeyModifiers::SHIFT),
                ]
            })
            .collect()
    }

    #[test]
    fn every_row_dispatches_the_message_it_names() {
        for mode in Mode::ALL {
            let s = in_mode(mode);
            for row in mode.table() {
                for k in row.all_keys() {
                    for press in examples(*k) {
                        assert_eq!(
                            map(&s, press),
                            Some((row.msg)(press)),
                            "{mode:?}: {press:?} is in the row for {:?}",
                            row.help
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn every_key_that_does_something_has_a_row() {
        for mode in Mode::ALL {
            let s = in_mode(mode);
            for press in every_key() {
                if map(&s, press).is_some() {
                    assert!(
                        mode.table().iter().any(|r| r.takes(&press)),
                        "{mode:?}: {press:?} does something without a row"
                    );
                }
            }
        }
    }

    #[test]
    fn home_keys() {
        let s = State::new(Lang::Nb, vec![], vec![]);
        assert_eq!(
            map(&s, key(KeyCode::Char('q'))),
            Some(Msg::System(SystemMsg::Quit))
        );
        assert_eq!(map(&s, key(KeyCode::Enter)), Some(Msg::Home(HomeMsg::Open)));
        let mut release = key(KeyCode::Char('q'));
        release.kind = KeyEventKind::Release;
        assert_eq!(map(&s, release), None);
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(map(&s, ctrl_c), Some(Msg::System(SystemMsg::Quit)));
    }

    #[test]
    fn every_running_key_of_the_issue_is_mapped() {
        let s = running_state();
        let cases = [
            (' ', Msg::Run(RunMsg::ToggleTimer)),
            ('n', Msg::Run(RunMsg::Next)),
            ('b', Msg::Run(RunMsg::Back)),
            ('+', Msg::Run(RunMsg::More)),
            ('-', Msg::Run(RunMsg::Less)),
            (']', Msg::Run(RunMsg::NextPrompt)),
            ('[', Msg::Run(RunMsg::PrevPrompt)),
            ('p', Msg::Run(RunMsg::ToggleView)),
            ('0', Msg::Run(RunMsg::SetGroup(GroupLabel::Plenary))),
            ('1', Msg::Run(RunMsg::SetGroup(GroupLabel::Group(1)))),
            ('9', Msg::Run(RunMsg::SetGroup(GroupLabel::Group(9)))),
            ('?', Msg::Overlay(OverlayMsg::ToggleHelp)),
            ('q', Msg::System(SystemMsg::Quit)),
            ('i', Msg::Run(RunMsg::NewNote)),
            ('e', Msg::Run(RunMsg::EditNote)),
            ('*', Msg::Run(RunMsg::ToggleHighlight)),
            ('o', Msg::Run(RunMsg::ToggleParkingLot)),
            ('x', Msg::Run(RunMsg::TogglePrivate)),
            ('d', Msg::Run(RunMsg::DeleteNote)),
            ('u', Msg::Run(RunMsg::UndoDelete)),
            ('s', Msg::Run(RunMsg::OpenForm(FormKind::Info))),
            ('a', Msg::Run(RunMsg::OpenForm(FormKind::Agreement))),
            ('v', Msg::Run(RunMsg::OpenReview)),
            ('r', Msg::Run(RunMsg::ExportMinutes)),
            ('m', Msg::Run(RunMsg::ToggleMirror)),
            ('t', Msg::Run(RunMsg::OpenSchedule)),
        ];
        for (c, msg) in cases {
            assert_eq!(map(&s, key(KeyCode::Char(c))), Some(msg), "{c:?}");
        }
        // Esc closes nothing, but clears "too large" as every key does.
        assert_eq!(
            map(&s, key(KeyCode::Esc)),
            Some(Msg::Overlay(OverlayMsg::Close))
        );
        assert_eq!(
            map(&s, key(KeyCode::Home)),
            Some(Msg::Run(RunMsg::SelectNote(Select::First)))
        );
    }

    #[test]
    fn with_help_open_only_closing_keys_act() {
        let mut s = running_state();
        let now = Timestamp::parse("2026-11-23T13:00:00+01:00").unwrap();
        update(&mut s, Msg::Overlay(OverlayMsg::ToggleHelp), now);
        assert_eq!(map(&s, key(KeyCode::Char('n'))), None);
        assert_eq!(
            map(&s, key(KeyCode::Esc)),
            Some(Msg::Overlay(OverlayMsg::Close))
        );
        update(&mut s, Msg::Overlay(OverlayMsg::Close), now);
        assert!(!s.run().unwrap().overlays.help());
    }

    #[test]
    fn the_editor_takes_every_key_but_esc_and_ctrl_c_as_text() {
        let s = in_mode(Mode::Editor);
        for c in ['q', 'å', '?', '1'] {
            let press = key(KeyCode::Char(c));
            assert_eq!(
                map(&s, press),
                Some(Msg::Overlay(OverlayMsg::EditorKey(press)))
            );
        }
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(map(&s, ctrl_c), Some(Msg::System(SystemMsg::Quit)));
    }
}
