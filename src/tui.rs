//! The interactive runtime: sets up the terminal, turns events into [`Msg`]s, runs [`update`],
//! carries out its [`Effect`]s (saving, the bell, opening a session), draws, and puts the
//! terminal back however the program ends.
//!
//! - No busy polling: the loop sleeps until a key, a resize, a signal check once a second, or,
//!   while a gathering runs, the next whole second (one redraw a second for the countdown).
//! - SIGTERM, SIGHUP and SIGINT: save, restore the terminal, exit 0. The same when the terminal
//!   goes away (a closed window, a dropped SSH link) without a signal.
//! - Terminal events are read on their own thread. crossterm 0.29's reader never returns once
//!   the terminal has hung up (it retries the failing read forever), so the loop must not wait
//!   inside it: it waits on a channel instead, and wakes at least once a second to look at the
//!   signal flag and the terminal.
//! - A panic: ratatui's hook (installed by [`ratatui::init`]) restores the terminal, and the
//!   session in memory is written beside its file as `<file>.rescue.ron` before the panic goes on.

use std::collections::VecDeque;
use std::io::{self, Write};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use chrono::{Local, Timelike};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event};

use crate::app::{Effect, Msg, Opened, Screen, State, keys, update};
use crate::i18n::Strings;
use crate::model::{Program, Timestamp};
use crate::store::config::Config;
use crate::store::lock::SessionLock;
use crate::store::{self, Layout, sessions};
use crate::ui;
use std::path::Path;

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
            write_rescue(&mut state);
            panic::resume_unwind(panic)
        }
    }
}

/// Reads terminal events on a thread of its own and hands them over a channel.
fn spawn_input() -> Receiver<io::Result<Event>> {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        loop {
            let event = event::read();
            let failed = event.is_err();
            if tx.send(event).is_err() || failed {
                break;
            }
        }
    });
    rx
}

/// Whether the terminal has hung up (its window closed, its SSH link dropped).
fn terminal_gone() -> bool {
    use rustix::event::{PollFd, PollFlags, Timespec, poll};
    let stdin = io::stdin();
    let mut fds = [PollFd::new(&stdin, PollFlags::empty())];
    let now = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    match poll(&mut fds, Some(&now)) {
        Ok(_) => fds[0]
            .revents()
            .intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL),
        Err(_) => false,
    }
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    state: &mut State,
    ctx: &mut Context,
    stop: &AtomicBool,
) -> io::Result<()> {
    let input = spawn_input();
    let mut dirty = true;
    // Ticks come once a second on the clock, whether or not keys arrive in between: typing
    // must not hold back the countdown or the saving of a draft.
    let mut next_tick = Instant::now() + Duration::from_secs(1);
    while !state.quit {
        if stop.load(Ordering::Relaxed) || terminal_gone() {
            // Asked to stop from outside, or nobody left to see: keep what is being typed,
            // save, and if that fails leave a rescue copy; then go.
            if state.run().is_some() {
                let effects = update(state, Msg::Tick, now());
                perform(state, ctx, effects);
                if state.run().is_some_and(|r| r.unsaved) {
                    write_rescue(state);
                }
            }
            break;
        }
        if dirty {
            terminal.draw(|frame| ui::render(state, now(), frame))?;
            dirty = false;
        }
        let timeout = if state.needs_ticks() {
            next_tick.saturating_duration_since(Instant::now())
        } else {
            WAKE
        };
        let msg = match input.recv_timeout(timeout) {
            Ok(event) => match test_panic(event?) {
                Event::Key(key) => keys::map(state, key),
                Event::Paste(text) if state.run().is_some() => Some(Msg::Paste(text)),
                Event::Resize(..) => {
                    dirty = true;
                    None
                }
                _ => None,
            },
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => return Ok(()),
        };
        if let Some(msg) = msg {
            let effects = update(state, msg, now());
            perform(state, ctx, effects);
            dirty = true;
        }
        if state.needs_ticks() && Instant::now() >= next_tick {
            let effects = update(state, Msg::Tick, now());
            perform(state, ctx, effects);
            dirty = true;
            next_tick = next_whole_second();
        }
    }
    Ok(())
}

/// In debug builds with `SAMLING_TEST_PANIC` set, F12 panics, so the end-to-end tests can prove
/// that a panic restores the terminal and leaves a rescue copy. Release builds have no such key.
fn test_panic(event: Event) -> Event {
    #[cfg(debug_assertions)]
    if let Event::Key(key) = &event
        && key.code == ratatui::crossterm::event::KeyCode::F(12)
        && std::env::var_os("SAMLING_TEST_PANIC").is_some()
    {
        panic!("test panic (F12 with SAMLING_TEST_PANIC set)");
    }
    event
}

/// Just after the next whole second of the wall clock, when the countdown changes.
fn next_whole_second() -> Instant {
    let into_second = Duration::from_nanos(u64::from(Local::now().nanosecond() % 1_000_000_000));
    Instant::now() + Duration::from_secs(1).saturating_sub(into_second) + Duration::from_millis(5)
}

/// Writes the running session, with any note still in the editor, beside its file as
/// `<file>.rescue.ron`, for when it cannot be saved where it belongs (a panic, or a failed last
/// save on the way out).
fn write_rescue(state: &mut State) {
    if let Screen::Run(run) = &mut state.screen {
        run.keep_draft();
        let rescue = store::save::rescue_path(&run.file);
        let written = store::save::to_ron(&run.session)
            .map_err(io::Error::other)
            .and_then(|text| store::save::write_atomic(&rescue, text.as_bytes()));
        if written.is_ok() {
            let s = state.lang.strings();
            let _ = writeln!(
                crate::text::Clean::new(io::stderr()),
                "samling: {}",
                (s.rescue_written)(&rescue.display().to_string())
            );
        }
    }
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
            Effect::ExportMinutes { replace } => export_minutes(state, replace),
        };
        queue.extend(update(state, msg, now()));
    }
}

/// What the facilitator must know on opening a session: where "siden sist" came from (or why
/// it is empty), held files of the program that did not load (left untouched), and a rescue
/// copy from an earlier crash beside this one.
fn open_notices(
    s: &Strings,
    path: &Path,
    problems: &[store::Problem],
    opened: &[sessions::OpenNotice],
) -> Vec<String> {
    let mut notices = Vec::new();
    let mut named = Vec::new();
    for notice in opened {
        notices.push(match notice {
            sessions::OpenNotice::NoPrevious { gathering } => (s.since_last_none)(*gathering),
            sessions::OpenNotice::SeveralHeld {
                gathering,
                count,
                took,
            } => (s.since_last_several)(*gathering, *count, took),
            sessions::OpenNotice::NoMirror { gathering } => (s.mirror_none)(*gathering),
            sessions::OpenNotice::Unreadable(problem) => {
                named.push(problem);
                (s.since_last_unreadable)(&s.located(problem))
            }
        });
    }
    notices.extend(
        problems
            .iter()
            .filter(|p| !named.contains(p))
            .map(|p| s.located(p)),
    );
    let rescue = store::save::rescue_path(path);
    if rescue.exists() {
        notices.push((s.rescue_found)(&rescue.display().to_string()));
    }
    notices
}

/// Writes the minutes as Markdown beside the session file (`<file>.referat.md`).
fn export_minutes(state: &State, replace: bool) -> Msg {
    let Some(run) = state.run() else {
        return Msg::Exported(Err(String::new()));
    };
    let s = state.lang.strings();
    let path = crate::export::beside(&run.file, "md");
    if path.exists() && !replace {
        return Msg::ExportExists(path);
    }
    let program = state
        .programs
        .iter()
        .find(|p| p.id == run.session.program)
        .map_or(run.session.program.clone(), |p| p.title.clone());
    let minutes = crate::export::Minutes::of(&run.session, &program, false);
    let text = crate::export::markdown(&minutes, s);
    match store::save::write_atomic_no_backup(&path, text.as_bytes()) {
        Ok(()) => Msg::Exported(Ok(path)),
        Err(e) => Msg::Exported(Err(s.located(&store::Problem::io(&path, &e)))),
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
    Msg::Opened(open_gathering(s, ctx, program, gathering, today).map(Box::new))
}

/// Resumes or starts a gathering and locks it, with what the facilitator must be told; or the
/// reason it cannot be opened, in words.
pub fn open_gathering(
    s: &Strings,
    ctx: &mut Context,
    program: &Program,
    gathering: u32,
    today: chrono::NaiveDate,
) -> Result<Opened, String> {
    let (held, problems) = sessions::held(&ctx.layout, &program.id);
    let opened = sessions::open(
        &ctx.layout,
        program,
        gathering,
        today,
        &ctx.config,
        &held,
        &problems,
    )
    .map_err(|problem| s.located(&problem))?;
    ctx.lock = Some(opened.lock);
    Ok(Opened {
        notices: open_notices(s, &opened.path, &problems, &opened.notices),
        path: opened.path,
        session: opened.session,
        resumed: opened.resumed,
    })
}
