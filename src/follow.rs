//! The projector window (`samling projector`): a second, read-only window that shows the room's
//! view of the gathering being run, and follows it as the facilitator's samling saves.
//!
//! It takes no lock and never writes. It reads the session again (its file and the journals
//! beside it, see [`crate::store::journal`]) whenever they change (the system's change events,
//! through `notify`; with `--poll`, by looking at their times and sizes ten times a second;
//! and, where events do not arrive, as on some network and synced folders, by looking at them
//! every tick in any case), and
//! draws the [`ProjectorView`] of what it read: built from public data only, so nothing private
//! can reach the wall. The countdown runs on its own from the timer events between saves. When
//! the facilitator's samling is gone (it quit, or crashed: its lock is free), the window keeps
//! the last state and says discreetly that it waits ("venter på veileder"), and goes on when
//! the facilitator opens the gathering again.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::{Duration, Instant};

use notify::{EventKind, RecursiveMode, Watcher};
use ratatui::Frame;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::text::Line;

use crate::app::projector::Occasion;
use crate::app::{ProjectorView, ScreenState};
use crate::i18n::Strings;
use crate::model::{Session, Timestamp};
use crate::platform::{Signal, Signals};
use crate::store::config::{Depth, Theme};
use crate::store::{self, lock};
use crate::ui::theme::Colors;

/// What wakes the window.
enum Input {
    Key(event::KeyEvent),
    Resize,
    /// Something changed in the session's folder.
    Changed,
    Stop,
}

/// Finds the session file to follow, when it was not given: the gathering being led now, else
/// the next one begun or prepared ([`crate::service::follow_target`]).
pub type Finder = Box<dyn Fn() -> Option<PathBuf>>;

/// What the room is told beside a session it reads (the program's title, the next gathering:
/// [`crate::service::occasion_of`]).
pub type Teller = Box<dyn Fn(&Session) -> Occasion>;

/// What the window knows of the gathering it follows.
struct Following {
    /// The session file; `None` while there is none to follow yet.
    path: Option<PathBuf>,
    session: Option<Session>,
    /// The times and sizes of the file and its journals when they were last read, to notice
    /// a change without an event.
    modified: Option<store::journal::Stamp>,
    /// The facilitator's samling does not hold the session now.
    waiting: bool,
    /// Kept for as long as the file is followed.
    watching: Option<Watching>,
    /// The colours of the wall ([`crate::ui::theme`]); `t` switches the theme at once.
    theme: Theme,
    depth: Depth,
    /// The program's title and next gathering of the session read, with the program and
    /// gathering they are of and whether it had ended (found again when another gathering is
    /// followed, and when this one ends: the next one may have been planned meanwhile).
    occasion: Option<((String, u32, bool), Occasion)>,
    tell: Teller,
}

impl Following {
    /// Reads the file again if it changed since it was last read (by its time and size), or,
    /// `told` by a change event, in any case: a file system with coarse times may show two
    /// saves in one second with the same one. A file that does not load (half-synced, or
    /// broken) leaves the last good state on the wall. Whether anything on the wall changed.
    fn refresh(&mut self, told: bool) -> bool {
        let Some(path) = &self.path else {
            let changed = !self.waiting;
            self.waiting = true;
            return changed;
        };
        let modified = store::journal::stamp(path);
        let mut changed = false;
        if modified.is_some() && (told || modified != self.modified) {
            // Only a file that loads counts as read: one caught half-synced is read again.
            if let Ok(session) = store::load_session(path) {
                changed = self.session.as_ref() != Some(&session);
                let of = (
                    session.program.clone(),
                    session.gathering,
                    session.is_finished(),
                );
                if self.occasion.as_ref().is_none_or(|(known, _)| *known != of) {
                    self.occasion = Some((of, (self.tell)(&session)));
                }
                self.session = Some(session);
                self.modified = modified;
            }
        }
        let waiting = !lock::held_elsewhere(path);
        changed |= waiting != self.waiting;
        self.waiting = waiting;
        changed
    }

    /// While nobody leads what it shows (or it shows nothing, or a gathering ended), looks
    /// for the gathering to follow again: the facilitator may have gone on to the next one.
    fn find_again(&mut self, find: &Finder, tx: &Sender<Input>, poll: bool) {
        let ended = self.session.as_ref().is_some_and(Session::is_finished);
        if !(self.waiting || ended || self.path.is_none()) {
            return;
        }
        let found = find();
        if found.is_none() || found == self.path {
            return;
        }
        self.watching = found.as_deref().and_then(|p| watch(p, tx.clone(), poll));
        (self.path, self.session, self.modified) = (found, None, None);
        self.refresh(true);
    }
}

/// Shows the room's view of the session in `path` until `q`, `Esc`, `Ctrl-C` or a signal.
/// Without a `path`, or while nobody leads the one followed, `find` looks for the gathering
/// to follow once a second. `poll`: look at the file itself rather than wait for the system's
/// change events.
pub fn run(
    path: Option<PathBuf>,
    find: Option<Finder>,
    s: &'static Strings,
    poll: bool,
    (theme, depth): (Theme, Depth),
    tell: Teller,
) -> io::Result<bool> {
    let (tx, input) = mpsc::channel();
    let signals = Signals::spawn({
        let tx = tx.clone();
        move |signal| match signal {
            Signal::Stop => tx.send(Input::Stop).is_ok(),
            _ => true,
        }
    })?;
    let mut following = Following {
        watching: path.as_deref().and_then(|p| watch(p, tx.clone(), poll)),
        path,
        session: None,
        modified: None,
        waiting: false,
        theme,
        depth,
        occasion: None,
        tell,
    };
    following.refresh(true);
    spawn_keys(tx.clone());
    let mut terminal = ratatui::init();
    let looking = find.map(|find| (find, tx, poll));
    let outcome = event_loop(&mut terminal, &mut following, s, &input, looking.as_ref());
    ratatui::restore();
    signals.close();
    outcome.map(|()| true)
}

/// Watches the session's folder (the file itself is replaced when it is written whole, so its
/// own watch would end with the first one) and its journals, and says when they changed.
fn watch(path: &Path, tx: Sender<Input>, poll: bool) -> Option<Watching> {
    watch_file(path, poll, move || tx.send(Input::Changed).is_ok())
}

/// Watching a file, for as long as this is kept: the system's change events, or a look at the
/// file's time and size every [`POLL`].
pub enum Watching {
    Events(Box<dyn Watcher>),
    /// Set to stop the polling thread.
    Polling(Arc<AtomicBool>),
}

impl Drop for Watching {
    fn drop(&mut self) {
        if let Watching::Polling(stop) = self {
            stop.store(true, Ordering::Relaxed);
        }
    }
}

/// How often `--poll` looks at the file.
pub const POLL: Duration = Duration::from_millis(100);

/// Calls `changed` whenever the session at `path` is written (the file replaced, or a journal
/// beside it appended to), until the [`Watching`] handed back is dropped or `changed` returns
/// false. With `poll`, by looking at their times and sizes every [`POLL`]: notify's own
/// polling watcher compares times to
/// the whole second, or else reads every file of the folder at every look, too coarse for a
/// countdown and too heavy for a synced folder of large sessions. `None` when the folder
/// cannot be watched.
pub fn watch_file(
    path: &Path,
    poll: bool,
    changed: impl Fn() -> bool + Send + 'static,
) -> Option<Watching> {
    if poll {
        return Some(poll_file(path.to_path_buf(), changed));
    }
    // A bare file name is in the folder samling was started in.
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path.file_name()?.to_os_string();
    let journals = store::journal::folder(path);
    let journals = journals.file_name()?.to_os_string();
    let handler = move |event: notify::Result<notify::Event>| {
        // Only a change to the session file or its journals: reading them (as this window
        // does) is an event too on some systems, and the lock and backup files change beside.
        let ours = |p: &Path| {
            p.file_name() == Some(&name)
                || p.parent().and_then(Path::file_name) == Some(&journals)
                || p.file_name() == Some(&journals)
        };
        let ours = event.is_ok_and(|e| {
            !matches!(e.kind, EventKind::Access(_)) && e.paths.iter().any(|p| ours(p))
        });
        if ours {
            changed();
        }
    };
    let mut watcher = notify::recommended_watcher(handler).ok()?;
    // With the folders under it: the journals' folder is made at the first save.
    watcher.watch(folder, RecursiveMode::Recursive).ok()?;
    Some(Watching::Events(Box::new(watcher)))
}

/// Looks at the file every [`POLL`] on a thread of its own.
fn poll_file(path: PathBuf, changed: impl Fn() -> bool + Send + 'static) -> Watching {
    let stop = Arc::new(AtomicBool::new(false));
    let stopped = stop.clone();
    let look = move || store::journal::stamp(&path);
    thread::spawn(move || {
        let mut last = look();
        while !stopped.load(Ordering::Relaxed) {
            thread::sleep(POLL);
            let now = look();
            if now != last {
                last = now;
                if !changed() {
                    break;
                }
            }
        }
    });
    Watching::Polling(stop)
}

fn spawn_keys(tx: Sender<Input>) {
    thread::spawn(move || {
        loop {
            let input = match event::read() {
                Ok(Event::Key(key)) => Input::Key(key),
                Ok(Event::Resize(..)) => Input::Resize,
                Ok(_) => continue,
                Err(_) => Input::Stop,
            };
            let stop = matches!(input, Input::Stop);
            if tx.send(input).is_err() || stop {
                break;
            }
        }
    });
}

/// Whether a key closes the window: `q`, `Esc`, `Ctrl-C`. Nothing else does anything: the
/// window only shows.
fn closes(key: &event::KeyEvent) -> bool {
    key.kind != KeyEventKind::Release
        && (matches!(key.code, KeyCode::Char('q') | KeyCode::Esc)
            || (key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL)))
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    following: &mut Following,
    s: &Strings,
    input: &Receiver<Input>,
    looking: Option<&(Finder, Sender<Input>, bool)>,
) -> io::Result<()> {
    // A tick each whole second moves the countdown and looks at the file and the lock.
    let mut next_tick = next_second();
    loop {
        terminal.draw(|frame| render(following, s, crate::tui::now(), frame))?;
        let timeout = next_tick.saturating_duration_since(Instant::now());
        let first = match input.recv_timeout(timeout) {
            Ok(first) => first,
            Err(RecvTimeoutError::Disconnected) => return Ok(()),
            Err(RecvTimeoutError::Timeout) => {
                following.refresh(false);
                if let Some((find, tx, poll)) = looking {
                    following.find_again(find, tx, *poll);
                }
                next_tick = next_second();
                continue;
            }
        };
        // Everything that has arrived: a save is a burst of events, read once for all.
        let mut changed = false;
        for input in std::iter::once(first).chain(input.try_iter()) {
            match input {
                Input::Key(key) if closes(&key) => return Ok(()),
                Input::Key(key)
                    if key.kind != KeyEventKind::Release && key.code == KeyCode::Char('t') =>
                {
                    following.theme = following.theme.other();
                }
                Input::Stop => return Ok(()),
                Input::Changed => changed = true,
                Input::Key(_) | Input::Resize => {}
            }
        }
        if changed {
            following.refresh(true);
        }
    }
}

/// The next whole second of the wall clock, when the countdown changes.
fn next_second() -> Instant {
    let nanos = chrono::Local::now().timestamp_subsec_nanos();
    Instant::now() + Duration::from_nanos(u64::from(1_000_000_000 - nanos.min(999_999_999)))
}

/// The room's view of what was last read, and, while the facilitator's samling is away, a
/// discreet line saying so.
fn render(following: &Following, s: &Strings, now: Timestamp, frame: &mut Frame) {
    let view = following.session.as_ref().and_then(|session| {
        let occasion = following.occasion.as_ref().map(|(_, o)| o);
        let screen = ScreenState::of_room(session);
        ProjectorView::of(
            session,
            &screen,
            occasion.unwrap_or(&Occasion::default()),
            now,
        )
    });
    let colors = Colors::of(following.theme, following.depth);
    let area = frame.area();
    let waiting = following.waiting || view.is_none();
    // The line saying it waits has a row of its own, below the room's view (not over "Neste:").
    let [wall, row] = ratatui::layout::Layout::vertical([
        ratatui::layout::Constraint::Min(0),
        ratatui::layout::Constraint::Length(u16::from(waiting)),
    ])
    .areas(area);
    if let Some(view) = &view {
        crate::ui::projector::render(view, s, &colors, frame, wall);
    }
    if waiting {
        let line = Line::styled(s.waiting_for_facilitator, colors.dim());
        frame.render_widget(line.right_aligned(), row);
        // Before any gathering was read there is no view to paint the background.
        crate::ui::theme::paint(frame.buffer_mut(), area, &colors);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::sample::big_session;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    fn screen(following: &Following, now: Timestamp) -> String {
        let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
        let s = crate::i18n::Lang::Nb.strings();
        terminal.draw(|f| render(following, s, now, f)).unwrap();
        let buffer = terminal.backend().buffer();
        buffer
            .content
            .chunks(100)
            .map(|row| row.iter().map(|c| c.symbol()).collect::<String>())
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn it_reads_the_file_when_it_changes_keeps_the_last_good_state_and_says_when_it_waits() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("01-2026-11-23.ron");
        let mut session = big_session(20, 0);
        session.go_to(3);
        store::save_session(&path, &session).unwrap();
        let mut following = Following {
            path: Some(path.clone()),
            session: None,
            modified: None,
            waiting: false,
            watching: None,
            theme: Theme::Dark,
            depth: Depth::True,
            occasion: None,
            tell: Box::new(|_| Occasion::default()),
        };
        assert!(following.refresh(true));
        let now = session.timing[3].events[0].at();
        let wall = screen(&following, now);
        assert!(wall.contains("Agendapunkt 3"), "{wall}");
        assert!(
            wall.contains("venter på veileder"),
            "nobody holds it: {wall}"
        );
        // On a row of its own: what comes next is still there in full.
        let next = format!("Neste: {}", session.agenda[4].title);
        assert!(wall.contains(&next), "{wall}");
        let rows: Vec<&str> = wall.lines().collect();
        let row_of = |text: &str| rows.iter().position(|r| r.contains(text));
        assert_ne!(row_of(&next), row_of("venter på veileder"), "{wall}");
        // Private things never reach the wall.
        assert!(!wall.contains("Husk å gi tid"), "{wall}");
        // The facilitator moves on; the file is read again.
        let held = lock::SessionLock::acquire(&path).unwrap();
        session.go_to(4);
        store::save_session(&path, &session).unwrap();
        assert!(following.refresh(true));
        let wall = screen(&following, now);
        assert!(wall.contains("Agendapunkt 4"), "{wall}");
        assert!(!wall.contains("venter på veileder"), "{wall}");
        // A broken file leaves the last good state.
        std::fs::write(&path, "Session(version: 3,").unwrap();
        following.refresh(true);
        assert!(screen(&following, now).contains("Agendapunkt 4"));
        drop(held);
        assert!(following.refresh(false), "the facilitator is gone");
        assert!(screen(&following, now).contains("venter på veileder"));
    }
}
