//! Everything that differs between operating systems, in one place: a port to another system
//! changes only this folder.
//!
//! - `unix` (Linux, macOS): the signals samling answers (SIGTERM, SIGHUP and SIGINT end it
//!   with a save, SIGTSTP suspends it, SIGCONT brings it back), a look at whether the terminal
//!   has hung up, files and folders readable by their owner only, and opening for writing
//!   without following a symbolic link (`O_NOFOLLOW`).
//! - `portable` (Windows and the rest): the same calls, doing what the system offers without
//!   them. There are no signals to catch: `Ctrl-C` arrives as a key in the terminal's raw mode,
//!   and closing the window ends the process. A closed terminal is noticed when reading it
//!   fails. Files get the folder's permissions (on Windows, the user's profile folder is the
//!   user's own). A symbolic link at a name samling writes is refused by the check before the
//!   open, which is all there is there.

use std::fs::{File, OpenOptions};
use std::io;
use std::path::Path;

#[cfg(not(unix))]
mod portable;
#[cfg(unix)]
mod unix;

#[cfg(not(unix))]
use portable as os;
#[cfg(unix)]
use unix as os;

/// What a signal from outside asks of the running program.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    /// End, saving first (SIGTERM, SIGHUP, SIGINT).
    Stop,
    /// Give the terminal back and stop until continued (SIGTSTP).
    Suspend,
    /// Continued after a suspend (SIGCONT): take the terminal again.
    Continue,
}

/// The thread that listens for signals; [`Signals::close`] ends it.
pub struct Signals(os::Signals);

impl Signals {
    /// Starts listening: `send` gets each signal, until it returns `false`.
    pub fn spawn(send: impl Fn(Signal) -> bool + Send + 'static) -> io::Result<Signals> {
        os::Signals::spawn(send).map(Signals)
    }

    pub fn close(self) {
        self.0.close();
    }
}

/// Stops the process as a suspend from the shell would, until it is continued. Returns at once
/// where there is no such thing.
pub fn suspend_self() -> io::Result<()> {
    os::suspend_self()
}

/// Whether the terminal has hung up (its window closed, its SSH link dropped), without reading
/// from it.
pub fn terminal_gone() -> bool {
    os::terminal_gone()
}

/// Makes `options` create a file only its owner can read and write.
pub fn owner_only_on_create(options: &mut OpenOptions) {
    os::owner_only_on_create(options);
}

/// Makes an open file readable and writable by its owner only.
pub fn owner_only(file: &File) -> io::Result<()> {
    os::owner_only(file)
}

/// Creates a folder (and its parents) that only the owner can read.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    os::create_private_dir(dir)
}

/// Makes `options` refuse to open a symbolic link (rather than follow it), and not wait on a
/// pipe for a reader.
pub fn no_follow(options: &mut OpenOptions) {
    os::no_follow(options);
}

/// The name of the person logged in (`USER`, or `USERNAME` on Windows), for a note-taker who
/// gave no `--name`.
pub fn user_name() -> Option<String> {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok())
        .filter(|n| !n.trim().is_empty())
}

/// This computer's name, so that two note-takers of the same name on two laptops write two
/// journals: `COMPUTERNAME` where it is set (Windows, and tests), else the system's own
/// (`uname`'s node name on Linux and macOS); empty when there is none.
pub fn host_name() -> String {
    std::env::var("COMPUTERNAME")
        .ok()
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(os::host_name)
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    #[cfg(unix)]
    #[test]
    fn a_unix_computer_has_a_name_without_the_environment() {
        // macOS sets neither COMPUTERNAME nor an exported HOSTNAME: uname's node name it is.
        assert!(!super::os::host_name().trim().is_empty());
    }
}
