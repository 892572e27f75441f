//! Drawing: one function per screen over `&State`. Nothing here changes state or touches disk.

pub mod home;

use ratatui::Frame;

use crate::app::State;

/// Draws the whole screen for `state`.
pub fn render(state: &State, frame: &mut Frame) {
    home::render(state, frame);
}
