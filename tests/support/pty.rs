//! Runs the real `samling` binary in a pseudo-terminal, as a person at a terminal would: type
//! keys, read the screen, see how it exits.
//!
//! A background thread drains the pty into a vt100 parser (an undrained pty blocks the
//! program); tests poll the parsed screen with a timeout instead of sleeping a fixed time.

#![allow(dead_code)] // Each test file uses its own part of this.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

/// How long a test waits for the screen to show something before it fails.
pub const TIMEOUT: Duration = Duration::from_secs(10);

pub struct Pty {
    child: Box<dyn Child + Send + Sync>,
    writer: Option<Box<dyn Write + Send>>,
    parser: Arc<Mutex<vt100::Parser>>,
    master: Option<Box<dyn MasterPty + Send>>,
    /// Tells the reader thread to let go of its handle on the terminal.
    hung_up: Arc<AtomicBool>,
}

impl Pty {
    /// Starts `samling ARGS` in a `cols`×`rows` terminal with its config file in `home` (so
    /// no real user settings leak in) and the given extra environment.
    pub fn spawn(args: &[&str], home: &Path, env: &[(&str, &str)], cols: u16, rows: u16) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_samling"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env("SAMLING_CONFIG", home.join("config.ron"));
        cmd.env_remove("SAMLING_LANG");
        cmd.env_remove("SAMLING_DIR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("samling starts");
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            NonZeroU16::new(rows).expect("rows"),
            NonZeroU16::new(cols).expect("cols"),
            0,
        )));
        let mut reader = pair.master.try_clone_reader().expect("a reader");
        let sink = Arc::clone(&parser);
        let hung_up = Arc::new(AtomicBool::new(false));
        let stop_reading = Arc::clone(&hung_up);
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || stop_reading.load(Ordering::Relaxed) {
                    break;
                }
                sink.lock().expect("parser").process(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().expect("a writer");
        Pty {
            child,
            writer: Some(writer),
            parser,
            master: Some(pair.master),
            hung_up,
        }
    }

    /// The screen's text now.
    pub fn screen(&self) -> String {
        self.parser.lock().expect("parser").screen().contents()
    }

    /// Whether the program is showing the alternate screen (a full-screen program is).
    pub fn alternate_screen(&self) -> bool {
        self.parser
            .lock()
            .expect("parser")
            .screen()
            .alternate_screen()
    }

    /// Waits until the screen shows `text`; fails with the screen as it is if it never does.
    pub fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            if start.elapsed() > TIMEOUT {
                panic!("waited {TIMEOUT:?} for {text:?}; the screen shows:\n{screen}");
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Types bytes as keys (`"\t"`, `"q"`, `"\x1b[B"` for Down …).
    pub fn send(&mut self, keys: &str) {
        let writer = self.writer.as_mut().expect("the terminal is open");
        writer.write_all(keys.as_bytes()).expect("typing");
        writer.flush().expect("typing");
    }

    /// Sends a key that must be read on its own: a terminal reads Esc followed at once by
    /// another key as Alt plus that key, so the next keys wait until Esc has been taken.
    pub fn send_alone(&mut self, key: &str) {
        self.send(key);
        thread::sleep(Duration::from_millis(150));
    }

    /// Closes the terminal under the program, as a closed window or a dropped SSH link does.
    /// The reader thread holds a copy of the terminal's handle and lets go of it after the
    /// next output, so the program must be drawing (a running timer redraws every second).
    pub fn hang_up(&mut self) {
        self.hung_up.store(true, Ordering::Relaxed);
        self.writer = None;
        self.master = None;
    }

    /// The countdown of the current item on the facilitator view (`MM:SS` just inside the
    /// current item's box, right of the agenda), in seconds; negative in overtime.
    pub fn countdown(&self) -> Option<i64> {
        let screen = self.screen();
        screen.lines().find_map(|line| {
            let at = line.find("││ ")? + "││ ".len();
            let text = line[at..].split_whitespace().next()?;
            let (sign, digits) = match text.strip_prefix('+') {
                Some(rest) => (-1, rest),
                None => (1, text),
            };
            let (m, s) = digits.split_once(':')?;
            Some(sign * (m.parse::<i64>().ok()? * 60 + s.parse::<i64>().ok()?))
        })
    }

    /// Waits until `test` holds for the screen; fails with the screen as it is if it never does.
    pub fn wait_until(&self, what: &str, test: impl Fn(&Pty) -> bool) {
        let start = Instant::now();
        while !test(self) {
            if start.elapsed() > TIMEOUT {
                panic!(
                    "waited {TIMEOUT:?} for {what}; the screen shows:\n{}",
                    self.screen()
                );
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// The time of the last save on the status line (`lagret 13:42:10`), if shown.
    pub fn saved_at(&self) -> Option<chrono::NaiveTime> {
        let screen = self.screen();
        let at = screen.find("lagret ")? + "lagret ".len();
        chrono::NaiveTime::parse_from_str(screen.get(at..at + 8)?, "%H:%M:%S").ok()
    }

    /// CPU time the program has used so far, in clock ticks (Linux `/proc`); `None` once it has
    /// gone.
    pub fn cpu_ticks(&self) -> Option<u64> {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.pid())).ok()?;
        // After the command name in parentheses: utime and stime are fields 14 and 15.
        let fields: Vec<&str> = stat[stat.rfind(')')? + 2..].split(' ').collect();
        Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
    }

    /// Whether the program has exited (without waiting).
    pub fn exited(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(Some(_)))
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("a pid")
    }

    /// Sends a signal by name (`TERM`, `HUP`, `KILL`) with the system's `kill`.
    pub fn signal(&self, name: &str) {
        let ok = std::process::Command::new("kill")
            .arg(format!("-{name}"))
            .arg(self.pid().to_string())
            .status()
            .expect("kill runs")
            .success();
        assert!(ok, "kill -{name} failed");
    }

    /// Waits for the program to exit; fails if it does not within the timeout.
    pub fn wait_exit(&mut self) -> ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                // Let the reader thread take in the last bytes (the terminal restore).
                thread::sleep(Duration::from_millis(100));
                return status;
            }
            if start.elapsed() > TIMEOUT {
                let _ = self.child.kill();
                panic!("samling did not exit; the screen shows:\n{}", self.screen());
            }
            thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}
