//! Which language samling speaks: a plain setting, read by the store (settings file) and the
//! command line, and turned into words by [`crate::i18n`]. It lives apart from both so that
//! the store and the words need not import each other.

use serde::{Deserialize, Serialize};

/// A language samling speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Lang {
    /// Norsk bokmål.
    #[default]
    Nb,
    En,
}

impl Lang {
    /// Reads `nb`, `no`, `nb_NO.UTF-8`, `en`, `en-GB` … (what `--lang`, `$SAMLING_LANG` and
    /// locale variables hold). `None` for anything else.
    pub fn parse(s: &str) -> Option<Lang> {
        let code: String = s
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect::<String>()
            .to_ascii_lowercase();
        match code.as_str() {
            "nb" | "no" | "nn" | "bokmal" | "norsk" => Some(Lang::Nb),
            "en" | "english" => Some(Lang::En),
            _ => None,
        }
    }
}
