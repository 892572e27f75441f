//! Shared set-up for the app's unit tests: gathering 1 of the built-in program, just opened.

use chrono::Duration;

use super::{Msg, Opened, State, SystemMsg, update};
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
