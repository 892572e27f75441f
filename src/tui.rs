//! The interactive runtime: sets up the terminal, turns events into [`Msg`]s, runs [`update`],
//! carries out its [`Effect`]s (saving, the bell, opening a session), draws, and puts the
//! terminal back however the program ends.
//!
//! - No busy polling: the loop sleeps until a key, a resize, a signal, a check of the terminal
//!   once a second, or, while a gathering runs, the next whole second (one redraw a second for
//!   the countdown). Everything that has arrived is handled before the next frame.
//! - Terminal events and signals are read on threads of their own and reach the loop over one
//!   channel. SIGTERM, SIGHUP and SIGINT: save, restore the terminal, exit. The same when the
//!   terminal goes away (a closed window, a dropped SSH link) without a signal. SIGTSTP: save,
//!   restore the terminal and stop; SIGCONT: take the terminal again and redraw.
//! - If the last save on the way out fails, the session is written as a rescue copy beside its
//!   file or, failing that, in a fallback folder; its path is printed once the terminal is
//!   restored, and samling exits non-zero.
//! - A panic: ratatui's hook (installed by [`ratatui::init()`]) restores the terminal, and the
//!   session in memory is written as a rescue copy before the panic goes on.

use std::collections::VecDeque;
use std::io::{self, Write};
use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::{Duration, Instant};

use chrono::{Local, Timelike};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event};

use crate::app::{Effect, Msg, Screen, State, SystemMsg, keys, update};
use crate::i18n::Strings;
use crate::model::Timestamp;
use crate::platform::{self, Signal, Signals};
use crate::store::config::Config;
use crate::store::lock::SessionLock;
use crate::store::saver::Saver;
use crate::store::{self, Layout};
use crate::{service, ui};

/// How long the loop sleeps at most before it looks at the signal flag again.
const WAKE: Duration = Duration::from_secs(1);

/// What the runtime needs beyond the state: where files go, the settings, and the lock of the
/// session being run.
pub struct Context {
    pub layout: Layout,
    pub config: Config,
    pub lock: Option<SessionLock>,
    /// A note-taker's samling (`samling notes`): its journal, which it writes itself (a line
    /// or two per save) instead of through the saving thread.
    pub taker: Option<store::taking::NoteTaker>,
}

/// What the loop carries effects out with: the files, the thread that saves, and the watch
/// on the other writers of the session being run.
struct Runtime {
    ctx: Context,
    saver: Saver,
    others: Option<Others>,
    /// For the watch to wake the loop.
    tx: Sender<Input>,
}

/// The other writers of the session being run, watched: the note-takers' journals for the
/// facilitator's samling; the session and every other journal for a note-taker's.
struct Others {
    file: std::path::PathBuf,
    /// Their files' times and sizes when last read.
    stamp: Option<store::journal::Stamp>,
    /// Change events from the system; a look each second catches what they miss (synced
    /// and network folders).
    _watching: Option<crate::follow::Watching>,
}

/// The wall clock, as the model records time: to the whole second, which is what a countdown
/// shows and keeps the files readable.
pub fn now() -> Timestamp {
    let t = Local::now().fixed_offset();
    Timestamp(t.with_nanosecond(0).unwrap_or(t))
}

/// Runs the interactive program until the user quits or a signal asks it to stop. `Ok(false)`
/// when what was in memory could not be saved where it belongs (a rescue copy, if one could be
/// written, is named on stderr once the terminal is restored).
pub fn run(mut state: State, ctx: Context) -> io::Result<bool> {
    let (tx, input) = mpsc::channel();
    let signals = Signals::spawn({
        let tx = tx.clone();
        move |signal| tx.send(Input::Signal(signal)).is_ok()
    })?;
    let answers = tx.clone();
    let saver = Saver::spawn(Box::new(move |upto, outcome| {
        let _ = answers.send(Input::Saved(upto, outcome));
    }));
    let mut rt = Runtime {
        ctx,
        saver,
        others: None,
        tx: tx.clone(),
    };
    spawn_input(tx);
    let mut terminal = ratatui::init();
    enter_extras();
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
        event_loop(&mut terminal, &mut state, &mut rt, &input)
    }));
    leave_extras();
    ratatui::restore();
    signals.close();
    let s = state.lang.strings();
    match outcome {
        Ok(Ok(Ending::Saved)) => Ok(true),
        Ok(Ok(Ending::Rescued(written))) => Ok(say_rescued(s, written)),
        // The terminal failed under the loop (a write to a hung-up terminal): what is in
        // memory is saved all the same, or rescued.
        Ok(Err(e)) => {
            if let Ending::Rescued(written) = leave(&mut state, &mut rt) {
                say_rescued(s, written);
            }
            Err(e)
        }
        Err(panic) => {
            say_rescued(s, write_rescue(&mut state));
            panic::resume_unwind(panic)
        }
    }
}

/// Tells on stderr (the terminal is itself again) where the rescue copy is, or that none could
/// be written; false either way, so samling exits non-zero.
fn say_rescued(s: &Strings, written: Option<std::path::PathBuf>) -> bool {
    // Through the cleaner, as every line samling prints: the path may hold anything.
    let mut err = crate::text::Clean::new(io::stderr());
    let _ = match written {
        Some(path) => writeln!(
            err,
            "samling: {}",
            (s.rescue_written)(&path.display().to_string())
        ),
        None => writeln!(err, "samling: {}: {}", s.error, s.rescue_failed),
    };
    false
}

/// Terminal modes beyond ratatui's: pasted text arrives as one piece, not as keys that would
/// run commands.
fn enter_extras() {
    let _ = ratatui::crossterm::execute!(io::stdout(), event::EnableBracketedPaste);
}

fn leave_extras() {
    let _ = ratatui::crossterm::execute!(io::stdout(), event::DisableBracketedPaste);
}

/// What wakes the loop.
enum Input {
    Event(Event),
    Signal(Signal),
    /// The terminal cannot be read any more (it hung up).
    Failed,
    /// The saving thread finished a save of the session as it was after change `upto`.
    Saved(u64, store::saver::Outcome),
    /// Something changed in the folder of the session being run.
    Folder,
}

/// How the loop ended.
enum Ending {
    /// Everything is on disk where it belongs.
    Saved,
    /// The last save failed: the rescue copy, if it could be written.
    Rescued(Option<std::path::PathBuf>),
}

/// Reads terminal events on a thread of its own and hands them over the channel.
///
/// crossterm 0.29's reader may never return once the terminal has hung up, so the loop must not
/// wait inside it: it waits on the channel instead, and wakes at least once a second to look at
/// the terminal.
fn spawn_input(tx: Sender<Input>) {
    thread::spawn(move || {
        loop {
            let input = event::read().map_or(Input::Failed, Input::Event);
            let failed = matches!(input, Input::Failed);
            if tx.send(input).is_err() || failed {
                break;
            }
        }
    });
}

/// What the loop does with one input: a message for `update`, or a change to the run itself.
enum Step {
    Msg(Msg),
    Draw,
    /// Everything anew: the screen may hold anything (after a stop, another program drew).
    Redraw,
    Suspend,
    Stop,
    /// Look at what the other writers changed.
    KeepUp,
    Nothing,
}

fn step(state: &State, input: Input) -> Step {
    match input {
        Input::Event(event) => match test_panic(event) {
            Event::Key(key) => keys::map(state, key).map_or(Step::Nothing, Step::Msg),
            Event::Paste(text) if state.run().is_some() => {
                Step::Msg(Msg::System(SystemMsg::Paste(text)))
            }
            // The next draw takes the new size itself.
            Event::Resize(..) => Step::Draw,
            _ => Step::Nothing,
        },
        Input::Saved(upto, outcome) => {
            let s = state.lang.strings();
            let result = outcome.map_err(|p| (s.problem)(&p));
            Step::Msg(Msg::System(SystemMsg::Saved { upto, result }))
        }
        Input::Folder => Step::KeepUp,
        Input::Signal(Signal::Suspend) => Step::Suspend,
        Input::Signal(Signal::Continue) => Step::Redraw,
        Input::Signal(Signal::Stop) | Input::Failed => Step::Stop,
    }
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    state: &mut State,
    rt: &mut Runtime,
    input: &Receiver<Input>,
) -> io::Result<Ending> {
    let mut dirty = true;
    let mut stop = false;
    // Ticks come once a second on the clock, whether or not keys arrive in between: typing
    // must not hold back the countdown or the saving of a draft.
    let tick = test_tick();
    let mut next_tick = tick.map_or_else(next_whole_second, |t| Instant::now() + t);
    while !state.quit {
        if stop || platform::terminal_gone() {
            // Asked to stop from outside, or nobody left to see: keep what is being typed and
            // save; if that fails, leave a rescue copy.
            return Ok(leave(state, rt));
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
        let first = match input.recv_timeout(timeout) {
            Ok(first) => Some(first),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => Some(Input::Failed),
        };
        // Everything that has arrived is taken before the next frame: a burst of typed keys
        // (a paste without bracketed paste) is not left waiting, nor drawn a key at a time.
        for input in first.into_iter().chain(input.try_iter()) {
            match step(state, input) {
                Step::Msg(msg) => {
                    let effects = update(state, msg, now());
                    perform(state, rt, effects, Wait::No);
                    dirty = true;
                }
                Step::Draw => dirty = true,
                Step::Redraw => {
                    redraw_all(terminal)?;
                    dirty = true;
                }
                Step::Suspend => {
                    suspend(terminal, state, rt)?;
                    dirty = true;
                }
                Step::Stop => stop = true,
                Step::KeepUp => dirty |= keep_up(state, rt),
                Step::Nothing => {}
            }
            if stop || state.quit {
                break;
            }
        }
        if state.needs_ticks() && Instant::now() >= next_tick {
            keep_up(state, rt);
            let effects = update(state, Msg::System(SystemMsg::Tick), now());
            perform(state, rt, effects, Wait::No);
            dirty = true;
            next_tick = tick.map_or_else(next_whole_second, |t| Instant::now() + t);
        }
    }
    Ok(Ending::Saved)
}

/// Brings in what the other writers of the running session changed, when their files did: a
/// note-taker's samling reads the session again (its own unsaved changes laid over it); the
/// facilitator's merges the note-takers' journals. Starts (or stops) watching the session's
/// folder as a gathering opens (or closes). Whether anything was read.
fn keep_up(state: &mut State, rt: &mut Runtime) -> bool {
    let Some(run) = state.run() else {
        rt.others = None;
        return false;
    };
    let tag = run.role.tag();
    if rt.others.as_ref().is_none_or(|o| o.file != run.file) {
        let tx = rt.tx.clone();
        let watching =
            crate::follow::watch_file(&run.file, false, move || tx.send(Input::Folder).is_ok());
        rt.others = Some(Others {
            file: run.file.clone(),
            // Read at once: they may have written since the session was opened.
            stamp: None,
            _watching: watching,
        });
    }
    let Some(others) = rt.others.as_mut() else {
        return false;
    };
    let stamp = store::taking::others_stamp(&run.file, tag);
    if stamp == others.stamp {
        return false;
    }
    let msg = match &mut rt.ctx.taker {
        Some(taker) => match taker.load() {
            Ok(disk) => SystemMsg::Followed(Box::new(taker.reloaded(disk, &run.session))),
            // Caught half-written or half-synced: read again at the next change or tick.
            Err(_) => return false,
        },
        None => SystemMsg::Merged(store::taking::note_takers(&run.file, &run.session.id)),
    };
    others.stamp = stamp;
    let effects = update(state, Msg::System(msg), now());
    perform(state, rt, effects, Wait::No);
    true
}

/// The way out when asked to stop: what is typed is kept and saved; if the save fails, a
/// rescue copy is written.
fn leave(state: &mut State, rt: &mut Runtime) -> Ending {
    if state.run().is_none() {
        return Ending::Saved;
    }
    save_everything_now(state, rt);
    if state.run().is_some_and(|r| r.saving.unsaved) {
        Ending::Rescued(write_rescue(state))
    } else {
        Ending::Saved
    }
}

/// Keeps what is in the editor as a draft and saves the session, waiting until it is on disk
/// (or the save failed): for the way out and a suspend, which cannot wait for the loop.
fn save_everything_now(state: &mut State, rt: &mut Runtime) {
    if state.run().is_none() {
        return;
    }
    let effects = update(state, Msg::System(SystemMsg::Tick), now());
    perform(state, rt, effects, Wait::Yes);
    // A background save may still be on its way: this one waits behind it and covers it.
    if state.run().is_some_and(|r| r.saving.unsaved) {
        perform(state, rt, vec![Effect::Save], Wait::Yes);
    }
}

/// SIGTSTP (a `kill -TSTP`, or a shell's job control): save, give the terminal back as it was,
/// stop; on SIGCONT take it again and draw everything anew.
fn suspend(terminal: &mut DefaultTerminal, state: &mut State, rt: &mut Runtime) -> io::Result<()> {
    save_everything_now(state, rt);
    leave_extras();
    ratatui::restore();
    // Stops here, as the default action would, until SIGCONT.
    platform::suspend_self()?;
    ratatui::crossterm::terminal::enable_raw_mode()?;
    ratatui::crossterm::execute!(
        io::stdout(),
        ratatui::crossterm::terminal::EnterAlternateScreen,
        ratatui::crossterm::cursor::Hide
    )?;
    enter_extras();
    redraw_all(terminal)
}

/// Clears the screen and makes the next frame draw every cell. Not `Terminal::clear`: it asks
/// the terminal where the cursor is, and the answer would go to the input thread, which owns
/// the reading of the terminal, so the question times out.
fn redraw_all(terminal: &mut DefaultTerminal) -> io::Result<()> {
    let size = terminal.size()?;
    terminal.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))
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

/// In debug builds, `SAMLING_TEST_TICK_MS` sets how often the loop ticks, so an end-to-end test
/// of what happens on a tick (a draft reaching the file) need not wait whole seconds. Release
/// builds always tick on the wall clock's second.
fn test_tick() -> Option<Duration> {
    #[cfg(debug_assertions)]
    if let Some(ms) = std::env::var("SAMLING_TEST_TICK_MS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
        .filter(|&ms| ms > 0)
    {
        return Some(Duration::from_millis(ms));
    }
    None
}

/// Just after the next whole second of the wall clock, when the countdown changes.
fn next_whole_second() -> Instant {
    let into_second = Duration::from_nanos(u64::from(Local::now().nanosecond() % 1_000_000_000));
    Instant::now() + Duration::from_secs(1).saturating_sub(into_second) + Duration::from_millis(5)
}

/// Writes the running session, with any note still in the editor, as a rescue copy: beside
/// its file as `<file>.rescue.ron`, or where that cannot be written (the disk is full, the
/// folder is gone or read-only), in the first fallback place that takes it (see
/// [`store::save::rescue_places`]). For when it cannot be saved where it belongs: a panic, or
/// a failed last save on the way out. The path written, if any.
fn write_rescue(state: &mut State) -> Option<std::path::PathBuf> {
    let Screen::Run(run) = &mut state.screen else {
        return None;
    };
    run.keep_draft();
    let text = store::save::to_ron(&run.session).ok()?;
    // A note-taker's never beside the session, which is the facilitator's to write: in the
    // fallback places, under its journal's name.
    let (base, skip) = match &run.role {
        crate::app::role::Role::NoteTaker { tag, .. } => (store::journal::path(&run.file, tag), 1),
        crate::app::role::Role::Facilitator => (run.file.clone(), 0),
    };
    store::save::rescue_places(&base)
        .into_iter()
        .skip(skip)
        .find(|place| {
            place
                .parent()
                .is_none_or(|dir| store::save::create_private_dir(dir).is_ok())
                && store::save::write_atomic(place, text.as_bytes()).is_ok()
        })
}

/// Carries out effects, feeding their outcomes back as messages until none are left.
fn perform(state: &mut State, rt: &mut Runtime, effects: Vec<Effect>, wait: Wait) {
    let mut queue: VecDeque<Effect> = effects.into();
    while let Some(effect) = queue.pop_front() {
        let ctx = &mut rt.ctx;
        let msg = match effect {
            Effect::Save if ctx.taker.is_some() => match save_notes(state, ctx) {
                Some(msg) => msg,
                None => continue,
            },
            Effect::Save => match save(state, &rt.saver, wait) {
                Some(msg) => msg,
                None => continue,
            },
            Effect::Bell => {
                let mut out = io::stdout();
                let _ = out.write_all(b"\x07").and_then(|()| out.flush());
                continue;
            }
            Effect::Open {
                program,
                gathering,
                today,
            } => open(
                state,
                ctx,
                service::open_gathering,
                &program,
                gathering,
                today,
            ),
            Effect::Prepare {
                program,
                gathering,
                today,
            } => open(
                state,
                ctx,
                service::prepare_gathering,
                &program,
                gathering,
                today,
            ),
            Effect::Closed => {
                // The file complete by itself before the lock is let go.
                let _ = rt.saver.settle();
                ctx.lock = None;
                let s = state.lang.strings();
                let (held, warnings) = service::held_summaries(s, &ctx.layout, &state.programs);
                Msg::System(SystemMsg::HeldLoaded(held, warnings))
            }
            Effect::Reread => {
                if let Some(others) = rt.others.as_mut() {
                    others.stamp = None;
                }
                keep_up(state, rt);
                continue;
            }
            Effect::ExportMinutes { replace } => export_minutes(state, ctx, replace),
            Effect::ReadMinutes { program, gathering } => {
                read_minutes(state, ctx, &program, gathering)
            }
        };
        queue.extend(update(state, msg, now()));
    }
}

/// Writes the minutes as Markdown beside the session file (`<file>.referat.md`).
fn export_minutes(state: &State, ctx: &Context, replace: bool) -> Msg {
    let Some(run) = state.run() else {
        return Msg::System(SystemMsg::Exported(Err(String::new())));
    };
    let s = state.lang.strings();
    let (layout, programs) = (&ctx.layout, &state.programs);
    let written = service::minutes_beside(s, layout, &run.file, &run.session, programs, replace);
    Msg::System(match written {
        Ok(path) => SystemMsg::Exported(Ok(path)),
        Err(service::NotWritten::Exists(path)) => SystemMsg::ExportExists(path),
        Err(service::NotWritten::Failed(why)) => SystemMsg::Exported(Err(why)),
    })
}

/// The minutes of the latest held session of a gathering, to read on the home screen.
fn read_minutes(state: &State, ctx: &Context, program: &str, gathering: u32) -> Msg {
    let s = state.lang.strings();
    let minutes = service::read_minutes(s, &ctx.layout, &state.programs, program, gathering);
    Msg::System(SystemMsg::MinutesRead(minutes.map(Box::new)))
}

/// Hands the running session to the saving thread; with [`Wait::Yes`], waits for it and
/// returns the answer (the way out, and a suspend, must know everything is on disk).
fn save(state: &State, saver: &Saver, wait: Wait) -> Option<Msg> {
    let run = state.run()?;
    let (file, session, upto) = (run.file.clone(), run.session.clone(), run.saving.changes);
    if wait == Wait::No {
        saver.save(file, session, upto);
        return None;
    }
    let s = state.lang.strings();
    let result = saver
        .save_now(file, session, upto)
        .map_err(|p| (s.problem)(&p));
    Some(Msg::System(SystemMsg::Saved { upto, result }))
}

/// A note-taker's save: its changes appended to its own journal, at once (a line or two).
fn save_notes(state: &State, ctx: &mut Context) -> Option<Msg> {
    let (run, taker) = (state.run()?, ctx.taker.as_mut()?);
    let upto = run.saving.changes;
    let s = state.lang.strings();
    let result = taker.save(&run.session).map_err(|p| (s.problem)(&p));
    Some(Msg::System(SystemMsg::Saved { upto, result }))
}

/// Whether [`perform`] waits for a save to be on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wait {
    /// The loop goes on; the answer comes as [`Input::Saved`].
    No,
    Yes,
}

/// How a gathering is opened: to run ([`service::open_gathering`]) or to prepare
/// ([`service::prepare_gathering`]); both lock it.
type Opener = fn(
    &crate::i18n::Strings,
    &crate::store::Layout,
    &crate::store::config::Config,
    &crate::model::Program,
    u32,
    chrono::NaiveDate,
) -> Result<(crate::app::Opened, crate::store::lock::SessionLock), String>;

/// Opens a gathering with `opener`, keeping its lock for as long as it is open.
fn open(
    state: &State,
    ctx: &mut Context,
    opener: Opener,
    program: &str,
    gathering: u32,
    today: chrono::NaiveDate,
) -> Msg {
    let s = state.lang.strings();
    let Some(program) = state.programs.iter().find(|p| p.id == program) else {
        return Msg::System(SystemMsg::Opened(Err((s.unknown_program)(program, &[]))));
    };
    let opened = opener(s, &ctx.layout, &ctx.config, program, gathering, today);
    Msg::System(SystemMsg::Opened(opened.map(|(opened, lock)| {
        ctx.lock = Some(lock);
        Box::new(opened)
    })))
}
