//! Which key means what, per screen. The help overlay and the footer are drawn from
//! [`RUN_KEYS`] and [`HOME_KEYS`], so they can never disagree with what the keys do.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::form::FormKind;
use super::{HomeOverlay, Msg, Screen, Select, State};
use crate::i18n::KeyHelp;
use crate::model::GroupLabel;
use crate::model::Status;

/// The keys of the home screen, in the order the help lists them.
pub const HOME_KEYS: &[(&str, KeyHelp)] = &[
    ("↑ ↓", KeyHelp::Move),
    ("Tab", KeyHelp::SwitchList),
    ("Enter", KeyHelp::Open),
    ("q", KeyHelp::Quit),
];

/// The keys while a gathering runs, in the order the help lists them.
pub const RUN_KEYS: &[(&str, KeyHelp)] = &[
    ("Space", KeyHelp::StartPause),
    ("n", KeyHelp::NextItem),
    ("b", KeyHelp::PreviousItem),
    ("+ -", KeyHelp::MoreLess),
    ("] [", KeyHelp::NextPrevPrompt),
    ("p", KeyHelp::Projector),
    ("1…9 0", KeyHelp::Group),
    ("i", KeyHelp::NewNote),
    ("↑ ↓ Tab", KeyHelp::SelectNote),
    ("e", KeyHelp::EditNote),
    ("*", KeyHelp::Highlight),
    ("o", KeyHelp::ParkingLot),
    ("x", KeyHelp::Private),
    ("d", KeyHelp::DeleteNote),
    ("u", KeyHelp::Undo),
    ("a", KeyHelp::Agreement),
    ("v", KeyHelp::Review),
    ("r", KeyHelp::Minutes),
    ("m", KeyHelp::Mirror),
    ("s", KeyHelp::Info),
    ("?", KeyHelp::Help),
    ("q", KeyHelp::SaveQuit),
];

/// The message a key press sends in the current state, if any.
pub fn map(state: &State, key: KeyEvent) -> Option<Msg> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl_c = key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c');
    if let Screen::Run(run) = &state.screen {
        if run.confirm.is_some() {
            return match key.code {
                KeyCode::Char('j' | 'J' | 'y' | 'Y') | KeyCode::Enter => Some(Msg::Confirm(true)),
                KeyCode::Char('n' | 'N') | KeyCode::Esc => Some(Msg::Confirm(false)),
                _ => None,
            };
        }
        if run.form.is_some() {
            return Some(if ctrl_c { Msg::Quit } else { Msg::FormKey(key) });
        }
        if run.review.is_some() && run.editor.is_none() && !run.help {
            return match key.code {
                _ if ctrl_c => Some(Msg::Quit),
                KeyCode::Up => Some(Msg::ReviewMove(false)),
                KeyCode::Down => Some(Msg::ReviewMove(true)),
                KeyCode::Char('g') => Some(Msg::Mark(Status::Done)),
                KeyCode::Char('d') => Some(Msg::Mark(Status::Partly)),
                KeyCode::Char('i') => Some(Msg::Mark(Status::NotDone)),
                KeyCode::Char('x') => Some(Msg::Mark(Status::Dropped)),
                KeyCode::Char('k') => Some(Msg::OpenComment),
                KeyCode::Char('p') => Some(Msg::ToggleView),
                KeyCode::Char('?') => Some(Msg::ToggleHelp),
                KeyCode::Char(' ') => Some(Msg::ToggleTimer),
                KeyCode::Char('n') => Some(Msg::Next),
                KeyCode::Char('r') => Some(Msg::ExportMinutes),
                KeyCode::Char('b') => Some(Msg::Back),
                KeyCode::Char('q') => Some(Msg::Quit),
                KeyCode::Esc | KeyCode::Char('v') => Some(Msg::CloseOverlay),
                _ => None,
            };
        }
        if run.editor.is_some() {
            // Everything goes to the text, so Norwegian letters, digits and q type as such.
            return Some(if ctrl_c {
                Msg::Quit
            } else {
                Msg::EditorKey(key)
            });
        }
    }
    if ctrl_c {
        return Some(Msg::Quit);
    }
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return None;
    }
    match &state.screen {
        Screen::Home => match &state.home_overlay {
            Some(HomeOverlay::Held { .. }) => held_question(key.code),
            Some(HomeOverlay::Reading { .. }) => reading(key.code),
            None => home(key.code),
        },
        Screen::Run(run) if run.help => match key.code {
            KeyCode::Esc | KeyCode::Char('?') | KeyCode::Char('q') => Some(Msg::CloseOverlay),
            _ => None,
        },
        Screen::Run(_) => running(key.code),
    }
}

fn home(code: KeyCode) -> Option<Msg> {
    Some(match code {
        KeyCode::Char('q') | KeyCode::Esc => Msg::Quit,
        KeyCode::Up | KeyCode::Char('k') => Msg::Up,
        KeyCode::Down | KeyCode::Char('j') => Msg::Down,
        KeyCode::Home | KeyCode::Char('g') => Msg::First,
        KeyCode::End | KeyCode::Char('G') => Msg::Last,
        KeyCode::Tab | KeyCode::BackTab | KeyCode::Left | KeyCode::Right => Msg::SwitchFocus,
        KeyCode::Enter => Msg::Open,
        _ => return None,
    })
}

/// `Enter` on a held gathering asked what to do with it.
fn held_question(code: KeyCode) -> Option<Msg> {
    Some(match code {
        KeyCode::Char('l' | 'r') => Msg::ReadHeld,
        KeyCode::Char('h') => Msg::HoldAgain,
        KeyCode::Esc | KeyCode::Char('q' | 'n') => Msg::CloseOverlay,
        _ => return None,
    })
}

/// Reading the minutes of a held gathering.
fn reading(code: KeyCode) -> Option<Msg> {
    Some(match code {
        KeyCode::Up | KeyCode::Char('k') => Msg::Up,
        KeyCode::Down | KeyCode::Char('j') => Msg::Down,
        KeyCode::PageUp => Msg::PageUp,
        KeyCode::PageDown | KeyCode::Char(' ') => Msg::PageDown,
        KeyCode::Home | KeyCode::Char('g') => Msg::First,
        KeyCode::End | KeyCode::Char('G') => Msg::Last,
        KeyCode::Esc | KeyCode::Char('q') => Msg::CloseOverlay,
        _ => return None,
    })
}

fn running(code: KeyCode) -> Option<Msg> {
    Some(match code {
        KeyCode::Char(' ') => Msg::ToggleTimer,
        KeyCode::Char('n') => Msg::Next,
        KeyCode::Char('b') => Msg::Back,
        KeyCode::Char('+') => Msg::More,
        KeyCode::Char('-') => Msg::Less,
        KeyCode::Char(']') => Msg::NextPrompt,
        KeyCode::Char('[') => Msg::PrevPrompt,
        KeyCode::Char('p') => Msg::ToggleView,
        KeyCode::Char('0') => Msg::SetGroup(GroupLabel::Plenary),
        KeyCode::Char(c @ '1'..='9') => Msg::SetGroup(GroupLabel::Group(c as u8 - b'0')),
        KeyCode::Char('?') => Msg::ToggleHelp,
        KeyCode::Esc => Msg::CloseOverlay,
        KeyCode::Char('i') | KeyCode::Enter => Msg::NewNote,
        KeyCode::Char('e') => Msg::EditNote,
        KeyCode::Char('*') => Msg::ToggleHighlight,
        KeyCode::Char('o') => Msg::ToggleParkingLot,
        KeyCode::Char('x') => Msg::TogglePrivate,
        KeyCode::Char('d') => Msg::DeleteNote,
        KeyCode::Char('u') => Msg::UndoDelete,
        KeyCode::Char('s') => Msg::OpenForm(FormKind::Info),
        KeyCode::Char('a') => Msg::OpenForm(FormKind::Agreement),
        KeyCode::Char('v') => Msg::OpenReview,
        KeyCode::Char('r') => Msg::ExportMinutes,
        KeyCode::Char('m') => Msg::ToggleMirror,
        KeyCode::Tab | KeyCode::BackTab => Msg::SwitchList,
        KeyCode::Up => Msg::SelectNote(Select::Previous),
        KeyCode::Down => Msg::SelectNote(Select::Next),
        KeyCode::Home => Msg::SelectNote(Select::First),
        KeyCode::End => Msg::SelectNote(Select::Last),
        KeyCode::Char('q') => Msg::Quit,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::update;
    use crate::i18n::Lang;
    use crate::model::Timestamp;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn running_state() -> State {
        crate::app::testing::running()
    }

    #[test]
    fn home_keys() {
        let s = State::new(Lang::Nb, vec![], vec![]);
        assert_eq!(map(&s, key(KeyCode::Char('q'))), Some(Msg::Quit));
        assert_eq!(map(&s, key(KeyCode::Enter)), Some(Msg::Open));
        let mut release = key(KeyCode::Char('q'));
        release.kind = KeyEventKind::Release;
        assert_eq!(map(&s, release), None);
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(map(&s, ctrl_c), Some(Msg::Quit));
    }

    #[test]
    fn every_running_key_of_the_issue_is_mapped() {
        let s = running_state();
        let cases = [
            (' ', Msg::ToggleTimer),
            ('n', Msg::Next),
            ('b', Msg::Back),
            ('+', Msg::More),
            ('-', Msg::Less),
            (']', Msg::NextPrompt),
            ('[', Msg::PrevPrompt),
            ('p', Msg::ToggleView),
            ('0', Msg::SetGroup(GroupLabel::Plenary)),
            ('1', Msg::SetGroup(GroupLabel::Group(1))),
            ('9', Msg::SetGroup(GroupLabel::Group(9))),
            ('?', Msg::ToggleHelp),
            ('q', Msg::Quit),
            ('i', Msg::NewNote),
            ('e', Msg::EditNote),
            ('*', Msg::ToggleHighlight),
            ('o', Msg::ToggleParkingLot),
            ('x', Msg::TogglePrivate),
            ('d', Msg::DeleteNote),
            ('u', Msg::UndoDelete),
            ('s', Msg::OpenForm(FormKind::Info)),
            ('a', Msg::OpenForm(FormKind::Agreement)),
            ('v', Msg::OpenReview),
            ('r', Msg::ExportMinutes),
            ('m', Msg::ToggleMirror),
        ];
        for (c, msg) in cases {
            assert_eq!(map(&s, key(KeyCode::Char(c))), Some(msg), "{c:?}");
        }
    }

    #[test]
    fn with_help_open_only_closing_keys_act() {
        let mut s = running_state();
        let now = Timestamp::parse("2026-11-23T13:00:00+01:00").unwrap();
        update(&mut s, Msg::ToggleHelp, now);
        assert_eq!(map(&s, key(KeyCode::Char('n'))), None);
        assert_eq!(map(&s, key(KeyCode::Esc)), Some(Msg::CloseOverlay));
        update(&mut s, Msg::CloseOverlay, now);
        assert!(!s.run().unwrap().help);
    }
}
