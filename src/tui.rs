//! The interactive runtime: sets up the terminal, turns events into [`Msg`]s, runs [`update`],
//! carries out its [`Effect`]s (saving, the bell, opening a session), draws, and puts the
//! terminal back however the program ends.
//!
//! - No busy polling: the loop sleeps until a key, a resize, a signal check once a second, or,
//!   while a gathering runs, the next whole second (one redraw a second for the countdown).
//! - SIGTERM, SIGHUP and SIGINT: save, restore the terminal, exit 0.
//! - A panic: ratatui's hook (installed by [`ratatui::init`]) restores the terminal, and the
//!   session in memory is written beside its file as `<file>.rescue.ron` before the panic goes on.

use std::collections::VecDeque;
use std::io::{self, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use chrono::{Local, Timelike};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event};

use crate::app::{Effect, Msg, Opened, State, keys, update};
use crate::model::Timestamp;
use crate::store::config::Config;
use crate::store::lock::SessionLock;
use crate::store::{self, Layout, sessions};
use crate::ui;

/// How long the loop sleeps at most before it looks at the signal flag again.
const WAKE: Duration = Duration::from_secs(1);

/// What the runtime needs beyond the state: where files go, the settings, and the lock of the
/// session being run.
pub struct Context {
    pub layout: Layout,
    pub config: Config,
    pub lock: Option<SessionLock>,
}

/// The wall clock, as the model records time: to the whole second, which is what a countdown
/// shows and keeps the files readable.
pub fn now() -> Timestamp {
    let t = Local::now().fixed_offset();
    Timestamp(t.with_nanosecond(0).unwrap_or(t))
}

/// Where the in-memory session goes when samling panics.
pub fn rescue_path(file: &Path) -> PathBuf {
    let mut name = file.file_stem().unwrap_or_default().to_os_string();
    name.push(".rescue.ron");
    file.with_file_name(name)
}

/// Runs the interactive program until the user quits or a signal asks it to stop.
pub fn run(mut state: State, mut ctx: Context) -> io::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    let mut terminal = ratatui::init();
    // Pasted text arrives as one piece, not as keys that would run commands.
    let _ = ratatui::crossterm::execute!(
        io::stdout(),
        ratatui::crossterm::event::EnableBracketedPaste
    );
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
        event_loop(&mut terminal, &mut state, &mut ctx, &stop)
    }));
    let _ = ratatui::crossterm::execute!(
        io::stdout(),
        ratatui::crossterm::event::DisableBracketedPaste
    );
    ratatui::restore();
    match outcome {
        Ok(result) => result,
        Err(panic) => {
            if let Some(run) = state.run() {
                let rescue = rescue_path(&run.file);
                let written = store::save::to_ron(&run.session)
                    .map_err(io::Error::other)
                    .and_then(|text| store::save::write_atomic(&rescue, text.as_bytes()));
                if written.is_ok() {
                    eprintln!("samling: {}", rescue.display());
                }
            }
            panic::resume_unwind(panic)
        }
    }
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    state: &mut State,
    ctx: &mut Context,
    stop: &AtomicBool,
) -> io::Result<()> {
    let mut dirty = true;
    while !state.quit {
        if stop.load(Ordering::Relaxed) {
            // Asked to stop from outside: save what there is, then go.
            if state.run().is_some_and(|r| r.unsaved) {
                let msg = save(state);
                update(state, msg, now());
            }
            break;
        }
        if dirty {
            terminal.draw(|frame| ui::render(state, now(), frame))?;
            dirty = false;
        }
        let timeout = if state.needs_ticks() {
            // Wake just after the next whole second, when the countdown changes.
            let into_second =
                Duration::from_nanos(u64::from(Local::now().nanosecond() % 1_000_000_000));
            Duration::from_secs(1).saturating_sub(into_second) + Duration::from_millis(5)
        } else {
            WAKE
        };
        let msg = if event::poll(timeout)? {
            match event::read()? {
                Event::Key(key) => keys::map(state, key),
                Event::Paste(text) if state.run().is_some() => Some(Msg::Paste(text)),
                Event::Resize(..) => {
                    dirty = true;
                    None
                }
                _ => None,
            }
        } else if state.needs_ticks() {
            Some(Msg::Tick)
        } else {
            None
        };
        if let Some(msg) = msg {
            let effects = update(state, msg, now());
            perform(state, ctx, effects);
            dirty = true;
        }
    }
    Ok(())
}

/// Carries out effects, feeding their outcomes back as messages until none are left.
fn perform(state: &mut State, ctx: &mut Context, effects: Vec<Effect>) {
    let mut queue: VecDeque<Effect> = effects.into();
    while let Some(effect) = queue.pop_front() {
        let msg = match effect {
            Effect::Save => save(state),
            Effect::Bell => {
                let mut out = io::stdout();
                let _ = out.write_all(b"\x07").and_then(|()| out.flush());
                continue;
            }
            Effect::Open {
                program,
                gathering,
                today,
            } => open(state, ctx, &program, gathering, today),
        };
        queue.extend(update(state, msg, now()));
    }
}

fn save(state: &State) -> Msg {
    let Some(run) = state.run() else {
        return Msg::Saved(Ok(()));
    };
    let s = state.lang.strings();
    Msg::Saved(store::save_session(&run.file, &run.session).map_err(|p| (s.problem)(&p)))
}

fn open(
    state: &State,
    ctx: &mut Context,
    program: &str,
    gathering: u32,
    today: chrono::NaiveDate,
) -> Msg {
    let s = state.lang.strings();
    let Some(program) = state.programs.iter().find(|p| p.id == program) else {
        return Msg::Opened(Err((s.unknown_program)(program, &[])));
    };
    let (held, _) = sessions::held(&ctx.layout, &program.id);
    match sessions::open(&ctx.layout, program, gathering, today, &ctx.config, &held) {
        Ok(opened) => {
            ctx.lock = Some(opened.lock);
            Msg::Opened(Ok(Box::new(Opened {
                path: opened.path,
                session: opened.session,
                resumed: opened.resumed,
            })))
        }
        Err(problem) => Msg::Opened(Err(s.located(&problem))),
    }
}
