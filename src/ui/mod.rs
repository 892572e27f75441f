//! Drawing: one function per screen over `&State` and the time now. Nothing here changes state,
//! reads the clock or touches the disk.

pub mod editor;
pub mod facilitator;
pub mod help;
pub mod home;
pub mod minutes;
pub mod projector;
pub mod review;
pub mod widgets;

use ratatui::Frame;

use crate::app::{State, View, keys};
use crate::model::Timestamp;

/// Draws the whole screen for `state` at `now`.
pub fn render(state: &State, now: Timestamp, frame: &mut Frame) {
    let s = state.lang.strings();
    match state.run() {
        None => {
            home::render(state, frame);
            if let Some(overlay) = &state.home_overlay {
                minutes::render(overlay, s, frame);
            }
        }
        Some(run) => {
            match run.view {
                View::Facilitator => facilitator::render(run, s, now, frame),
                View::Projector => projector::render(run, s, now, frame),
            }
            if run.view == View::Facilitator {
                review::render_panel(run, s, now, frame);
            }
            editor::render(run, s, frame);
            editor::render_form(run, s, frame);
            if run.help {
                help::render(keys::RUN_KEYS, s, frame);
            }
            editor::render_confirm(run, s, frame);
        }
    }
}
