//! Linux and macOS: signals through `signal-hook`, the rest through `rustix` and std's unix
//! extensions.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::Path;
use std::thread;

use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGTSTP};

use super::Signal;

pub struct Signals(signal_hook::iterator::Handle);

impl Signals {
    pub fn spawn(send: impl Fn(Signal) -> bool + Send + 'static) -> io::Result<Signals> {
        let mut signals =
            signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGTSTP, SIGCONT])?;
        let handle = signals.handle();
        thread::spawn(move || {
            for signal in signals.forever() {
                let meaning = match signal {
                    SIGTSTP => Signal::Suspend,
                    SIGCONT => Signal::Continue,
                    _ => Signal::Stop,
                };
                if !send(meaning) {
                    break;
                }
            }
        });
        Ok(Signals(handle))
    }

    pub fn close(self) {
        self.0.close();
    }
}

pub fn suspend_self() -> io::Result<()> {
    signal_hook::low_level::emulate_default_handler(SIGTSTP)
}

pub fn terminal_gone() -> bool {
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

pub fn owner_only_on_create(options: &mut OpenOptions) {
    options.mode(0o600);
}

pub fn owner_only(file: &File) -> io::Result<()> {
    file.set_permissions(fs::Permissions::from_mode(0o600))
}

pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
}

/// `O_NOFOLLOW`: the open fails on a symbolic link instead of following it. `O_NONBLOCK` keeps
/// the open of a pipe from waiting for a reader forever (it is then refused as not a regular
/// file); on a regular file it changes nothing.
/// The node name `uname` gives: the computer's name on Linux and macOS.
pub fn host_name() -> String {
    rustix::system::uname()
        .nodename()
        .to_string_lossy()
        .into_owned()
}

pub fn no_follow(options: &mut OpenOptions) {
    use rustix::fs::OFlags;
    // The flags are small positive constants: the cast to the `c_int` open(2) takes is exact.
    options.custom_flags((OFlags::NOFOLLOW | OFlags::NONBLOCK).bits() as std::ffi::c_int);
}
