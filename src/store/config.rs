//! The user's settings: `config.ron` in the platform config dir (or `--config FILE`,
//! or `$SAMLING_CONFIG`).
//!
//! A missing file means defaults. A broken one means defaults and a warning: settings are never
//! a reason to refuse to start in front of a waiting room.

use std::io;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::load::read_text;
use super::problem::{Position, Problem, ProblemKind};
use crate::lang::Lang;

/// Colours of the screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Theme {
    /// Light text on dark: best on most projectors.
    #[default]
    Dark,
    /// Dark text on light: for bright rooms.
    Light,
}

/// How many colours the terminal shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Depth {
    /// 24-bit colour (`COLORTERM=truecolor` or `24bit`).
    #[default]
    True,
    /// xterm's 256 colours.
    Ansi256,
    /// The 16 colours every terminal has.
    Ansi16,
}

impl Depth {
    /// From the environment the terminal sets (`var` reads it): `COLORTERM` for 24-bit colour,
    /// and the terminals known to have it without saying so (Windows Terminal, kitty,
    /// Alacritty, foot, WezTerm, Ghostty); inside tmux or screen, which may turn 24-bit colour
    /// into their own nearest without looking at contrast, 256 colours at most; else `TERM`.
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Depth {
        let colorterm = var("COLORTERM").unwrap_or_default().to_ascii_lowercase();
        let term = var("TERM").unwrap_or_default();
        let multiplexed =
            var("TMUX").is_some() || term.starts_with("screen") || term.starts_with("tmux");
        let says_24bit = colorterm.contains("truecolor") || colorterm.contains("24bit");
        let known_24bit = var("WT_SESSION").is_some()
            || ["kitty", "alacritty", "foot", "wezterm", "ghostty", "direct"]
                .iter()
                .any(|t| term.contains(t));
        if (says_24bit || known_24bit) && !multiplexed {
            Depth::True
        } else if multiplexed || term.contains("256") {
            Depth::Ansi256
        } else {
            Depth::Ansi16
        }
    }
}

impl Theme {
    /// The other theme, for the key that switches at once.
    pub fn other(self) -> Theme {
        match self {
            Theme::Dark => Theme::Light,
            Theme::Light => Theme::Dark,
        }
    }
}

/// Everything in `config.ron`; every field may be left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    pub version: u32,
    pub language: Lang,
    /// Ring the terminal bell when a timer reaches zero or a step changes.
    pub bell: bool,
    pub theme: Theme,
    /// Filled into every new session; editable there.
    pub facilitator: String,
    pub place: String,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            version: 1,
            language: Lang::Nb,
            bell: true,
            theme: Theme::Dark,
            facilitator: String::new(),
            place: String::new(),
        }
    }
}

/// Reads the config; returns defaults and the reason when the file is there but unusable.
pub fn load(path: &Path) -> (Config, Option<Problem>) {
    let text = match read_text(path) {
        Ok(text) => text,
        Err(Problem {
            kind:
                ProblemKind::Io {
                    kind: io::ErrorKind::NotFound,
                    ..
                },
            ..
        }) => return (Config::default(), None),
        Err(problem) => return (Config::default(), Some(problem)),
    };
    match ron::from_str::<Config>(&text) {
        Ok(config) => (config, None),
        Err(err) => (
            Config::default(),
            Some(Problem::at(
                path,
                Position {
                    line: err.span.start.line.max(1),
                    col: err.span.start.col.max(1),
                },
                ProblemKind::Syntax(err.code.to_string()),
            )),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_file_is_the_defaults_without_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            load(&dir.path().join("config.ron")),
            (Config::default(), None)
        );
    }

    #[test]
    fn fields_left_out_keep_their_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.ron");
        std::fs::write(&path, "(language: En, facilitator: \"Åse\")").unwrap();
        let (config, warning) = load(&path);
        assert_eq!(warning, None);
        assert_eq!(config.language, Lang::En);
        assert_eq!(config.facilitator, "Åse");
        assert!(config.bell);
    }

    #[test]
    fn a_broken_file_gives_defaults_and_a_located_warning() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.ron");
        std::fs::write(&path, "(\n  bell: maybe,\n)").unwrap();
        let (config, warning) = load(&path);
        assert_eq!(config, Config::default());
        let warning = warning.expect("a warning");
        assert_eq!(warning.at.map(|p| p.line), Some(2));
    }
}
