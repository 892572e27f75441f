//! The interactive runtime: sets up the terminal, turns terminal events into [`Msg`]s, runs
//! [`update`], draws, and puts the terminal back however the program ends.
//!
//! The terminal is restored on a normal quit, on a panic (ratatui's hook, installed by
//! [`ratatui::init`]) and on SIGTERM, SIGHUP and SIGINT (a flag checked by the loop, which wakes
//! at least once a second: no busy polling, and no drawing while nothing changes).

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event};

use crate::app::{State, keys, update};
use crate::ui;

/// How long the loop sleeps at most before it looks at the signal flag again.
const WAKE: Duration = Duration::from_secs(1);

/// Runs the interactive program until the user quits or a signal asks it to stop.
pub fn run(state: State) -> io::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    let mut terminal = ratatui::init();
    let result = event_loop(&mut terminal, state, &stop);
    ratatui::restore();
    result
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    mut state: State,
    stop: &AtomicBool,
) -> io::Result<()> {
    let mut dirty = true;
    while !state.quit && !stop.load(Ordering::Relaxed) {
        if dirty {
            terminal.draw(|frame| ui::render(&state, frame))?;
            dirty = false;
        }
        if !event::poll(WAKE)? {
            continue;
        }
        match event::read()? {
            Event::Key(key) => {
                if let Some(msg) = keys::home(key) {
                    update(&mut state, msg);
                    dirty = true;
                }
            }
            Event::Resize(..) => dirty = true,
            _ => {}
        }
    }
    Ok(())
}
