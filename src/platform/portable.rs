//! Windows and any other system: what std offers everywhere (see the module above for what
//! that means in use).

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::Path;

use super::Signal;

/// No signals to listen for: `Ctrl-C` is a key in raw mode, and a closed window ends the
/// process (the last save before it is the one on disk).
pub struct Signals;

impl Signals {
    pub fn spawn(_send: impl Fn(Signal) -> bool + Send + 'static) -> io::Result<Signals> {
        Ok(Signals)
    }

    pub fn close(self) {}
}

pub fn suspend_self() -> io::Result<()> {
    Ok(())
}

/// Not known without reading; a hung-up terminal shows as a failed read instead.
pub fn terminal_gone() -> bool {
    false
}

pub fn owner_only_on_create(_options: &mut OpenOptions) {}

pub fn owner_only(_file: &File) -> io::Result<()> {
    Ok(())
}

pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    fs::create_dir_all(dir)
}

/// Windows names the computer in `COMPUTERNAME`, read before this; elsewhere, none.
pub fn host_name() -> String {
    String::new()
}

pub fn no_follow(_options: &mut OpenOptions) {}
