//! Which key means what. One table, so the help screen and the footer can never disagree with
//! what the keys do.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::Msg;

/// The message a key press sends on the home screen, if any.
pub fn home(key: KeyEvent) -> Option<Msg> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    Some(match key.code {
        KeyCode::Char('c') if ctrl => Msg::Quit,
        KeyCode::Char('q') | KeyCode::Esc => Msg::Quit,
        KeyCode::Up | KeyCode::Char('k') => Msg::Up,
        KeyCode::Down | KeyCode::Char('j') => Msg::Down,
        KeyCode::Home | KeyCode::Char('g') => Msg::Home,
        KeyCode::End | KeyCode::Char('G') => Msg::End,
        KeyCode::Tab | KeyCode::BackTab | KeyCode::Left | KeyCode::Right => Msg::SwitchFocus,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn q_and_ctrl_c_quit_and_releases_are_ignored() {
        let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(home(q), Some(Msg::Quit));
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(home(ctrl_c), Some(Msg::Quit));
        let mut release = q;
        release.kind = KeyEventKind::Release;
        assert_eq!(home(release), None);
        let c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::NONE);
        assert_eq!(home(c), None);
    }
}
