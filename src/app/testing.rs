//! Shared set-up for the app's unit tests: gathering 1 of the built-in program, just opened.

use chrono::Duration;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{Effect, Msg, Opened, State, SystemMsg, keys, update};
use crate::i18n::Lang;
use crate::model::{Session, Timestamp};
use crate::store::catalog;

/// 13:00 on the day of the test gathering, plus `seconds`.
pub fn t(seconds: i64) -> Timestamp {
    Timestamp::parse("2026-11-23T13:00:00+01:00").expect("valid") + Duration::seconds(seconds)
}

/// Gathering 1 of the built-in program, opened at 13:00 and waiting on its first item.
pub fn running() -> State {
    let program = catalog::builtin().0.remove(0);
    let plan = program.gathering(1).expect("gathering 1").clone();
    let session = Session::new(&program, &plan, "01-2026-11-23".into(), t(0).0.date_naive());
    let path = "/data/sessions/traumebevisst/01-2026-11-23.ron";
    super::running(Lang::Nb, vec![program], Opened::new(path, session), t(0))
}

/// The runtime's answer to a save of everything changed so far.
pub fn saved(s: &mut State, result: Result<u64, String>, at: i64) -> Vec<super::Effect> {
    let upto = s.run().expect("running").saving.changes;
    update(s, Msg::System(SystemMsg::Saved { upto, result }), t(at))
}

/// Presses `key` as a person would, at `at` seconds: through the key table of the mode the
/// state is in, then [`update`]. The effects, or none if the key does nothing there.
pub fn press(s: &mut State, key: KeyCode, at: i64) -> Vec<Effect> {
    let modifiers = match key {
        KeyCode::Char(c) if c.is_uppercase() => KeyModifiers::SHIFT,
        _ => KeyModifiers::NONE,
    };
    match keys::map(s, KeyEvent::new(key, modifiers)) {
        Some(msg) => update(s, msg, t(at)),
        None => Vec::new(),
    }
}

/// Presses the key of each character of `text` (a form's field, or a row of single keys).
pub fn typed(s: &mut State, text: &str, at: i64) {
    for c in text.chars() {
        press(s, KeyCode::Char(c), at);
    }
}
