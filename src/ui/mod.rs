//! Drawing: one function per screen over `&State` and the time now. Nothing here changes state,
//! reads the clock or touches the disk.

pub mod editor;
pub mod facilitator;
pub mod fit;
pub mod help;
pub mod home;
pub mod minutes;
pub mod projector;
pub mod review;
pub mod schedule;
pub mod taking;
pub mod theme;
pub mod widgets;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::text::Span;

use crate::app::{Overlay, Run, State, View, keys};
use crate::i18n::Strings;
use crate::model::Timestamp;
use crate::text;

/// Draws the whole screen for `state` at `now`.
pub fn render(state: &State, now: Timestamp, frame: &mut Frame) {
    screens(state, now, frame);
    let area = frame.area();
    theme::retheme(
        frame.buffer_mut(),
        area,
        &theme::Colors::of(state.theme, state.depth),
    );
    scrub(frame.buffer_mut());
}

/// Takes the [hidden](text::is_hidden) characters out of every cell, once for all screens.
/// Ratatui leaves out control characters but keeps a zero-width joiner or a bidi mark on the
/// character before it; a terminal (tmux) may then join or reorder what follows, and the
/// borders after it shift. A cell keeps the width ratatui gave it, so the layout holds.
fn scrub(buf: &mut Buffer) {
    for cell in &mut buf.content {
        if cell.symbol().chars().any(text::is_hidden) {
            let width = Span::raw(cell.symbol()).width();
            let kept = fitted(&text::clean(cell.symbol()), width);
            cell.set_symbol(&kept);
        }
    }
}

/// The characters of `symbol` that fit in `width` columns, padded with spaces to fill them: a
/// joined emoji (👩‍🔬, two columns) shows its first part rather than both side by side.
fn fitted(symbol: &str, width: usize) -> String {
    let mut kept = String::new();
    for c in symbol.chars() {
        let mut longer = kept.clone();
        longer.push(c);
        if Span::raw(longer.as_str()).width() > width {
            break;
        }
        kept = longer;
    }
    let pad = width.saturating_sub(Span::raw(kept.as_str()).width());
    kept.push_str(&" ".repeat(pad));
    kept
}

/// Draws the screen of the moment, and the overlays on it.
fn screens(state: &State, now: Timestamp, frame: &mut Frame) {
    let s = state.lang.strings();
    match state.run() {
        None => {
            home::render(state, frame);
            if let Some(overlay) = &state.home_overlay {
                minutes::render(overlay, s, frame);
            }
        }
        // Preparing, the schedule panel is the screen.
        Some(run) if run.preparing => overlays(run, s, now, frame),
        Some(run) => {
            match run.screen.view {
                _ if run.role.takes_notes() => taking::render(run, s, now, frame),
                View::Facilitator => facilitator::render(run, s, now, frame),
                View::Projector => {
                    if let Some(view) = run.room_view(now) {
                        let colors = theme::Colors::of(state.theme, state.depth);
                        projector::render(&view, s, &colors, frame, frame.area());
                    }
                }
            }
            overlays(run, s, now, frame);
        }
    }
}

/// The overlays over a running gathering, bottom first: the order they were opened in is the
/// order they are drawn in, and the top one is the one [`keys::map`] gives the keys to.
fn overlays(run: &Run, s: &Strings, now: Timestamp, frame: &mut Frame) {
    let mut under = None;
    for overlay in run.overlays.iter() {
        match overlay {
            // The room's view has no panel for the review: it shows the agreements itself.
            Overlay::Review(review) if run.screen.view == View::Facilitator => {
                review::render_panel(run, *review, s, now, frame)
            }
            Overlay::Review(_) => {}
            Overlay::Editor(editor) => editor::render(run, editor, s, frame),
            Overlay::Form(form) => editor::render_form(run, form, s, frame),
            // The keys of what the help lies over.
            Overlay::Help => help::render(
                keys::Mode::of_run(run.role.takes_notes(), under).table(),
                s,
                frame,
            ),
            Overlay::Confirm(confirm) => editor::render_confirm(confirm, s, frame),
            // The room never sees the schedule panel (`t` switches to the facilitator's view).
            Overlay::Schedule(panel) if run.screen.view == View::Facilitator => {
                schedule::render(run, panel, s, now, frame)
            }
            Overlay::Schedule(_) => {}
        }
        under = Some(overlay);
    }
}
