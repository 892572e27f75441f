//! Text from files and people, made safe to show. A program file, a hand-edited session or a
//! pasted note can hold terminal escape sequences (change the title, write the clipboard with
//! `ESC]52`, clear the screen, leave the alternate screen) and invisible characters that
//! reorder text (U+202E) or join what is drawn (U+200D shifts borders in tmux). Everything
//! samling writes to a terminal or into the minutes goes through [`clean`], so the rule is the
//! same everywhere. [`clipped`] shortens text at a word, for a screen or the minutes' chart.

use std::borrow::Cow;
use std::io::{self, Write};

/// Whether `c` is dropped from text that is shown: control characters other than the line
/// break and the tab, and the zero-width and bidirectional formatting characters that change
/// how the text around them is drawn without being seen themselves.
pub fn is_hidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(
            c,
            '\u{061C}'                    // Arabic letter mark
            | '\u{180E}'                  // Mongolian vowel separator
            | '\u{200B}'..='\u{200F}'     // zero-width space, (non-)joiner, LRM, RLM
            | '\u{2028}'..='\u{2029}'     // line and paragraph separators
            | '\u{202A}'..='\u{202E}'     // bidi embeddings and overrides
            | '\u{2060}'..='\u{2064}'     // word joiner, invisible operators
            | '\u{2066}'..='\u{2069}'     // bidi isolates
            | '\u{FEFF}' // zero-width no-break space, byte-order mark
        )
}

/// `text` without its [hidden](is_hidden) characters; borrowed when there are none, which is
/// nearly always.
pub fn clean(text: &str) -> Cow<'_, str> {
    if text.chars().any(is_hidden) {
        Cow::Owned(text.chars().filter(|c| !is_hidden(*c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// `text` on one row of `width` columns: whole if it fits, else cut after the last word that
/// fits and ended with "…" so the reader knows there is more; a first word longer than the row
/// is cut inside it (still with "…"). Never wider than `width`.
pub fn clipped(text: &str, width: usize) -> String {
    use textwrap::core::display_width;
    let one_row = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if display_width(&one_row) <= width {
        return one_row;
    }
    let Some(room) = width.checked_sub(1) else {
        return String::new();
    };
    let options = textwrap::Options::new(room.max(1)).break_words(false);
    let first = textwrap::wrap(&one_row, options)
        .into_iter()
        .next()
        .unwrap_or_default();
    let mut kept = String::new();
    for c in first.chars() {
        if display_width(&kept) + display_width(c.encode_utf8(&mut [0; 4])) > room {
            break;
        }
        kept.push(c);
    }
    format!("{}…", kept.trim_end())
}

/// `text` wrapped at whole words into at most `rows` rows of `width` columns; when it needs more,
/// the last row is [`clipped`] (ends with "…"), so a long title on the wall is never cut mid-row
/// without a sign that there is more.
pub fn wrapped(text: &str, width: usize, rows: usize) -> Vec<String> {
    if width == 0 || rows == 0 {
        return Vec::new();
    }
    let options = textwrap::Options::new(width).break_words(false);
    let lines: Vec<String> = textwrap::wrap(text.trim(), options)
        .into_iter()
        .map(|l| l.into_owned())
        .collect();
    // The rows kept as they are: up to the first one too wide (a word longer than the row),
    // and never the last row there is room for when more follow.
    let too_wide = lines
        .iter()
        .position(|l| textwrap::core::display_width(l) > width)
        .unwrap_or(lines.len());
    if too_wide == lines.len() && lines.len() <= rows {
        return lines;
    }
    let keep = too_wide.min(rows - 1);
    let mut kept = lines[..keep].to_vec();
    kept.push(clipped(&lines[keep..].join(" "), width));
    kept
}

/// An id made from a title, for an agenda item added by hand: lower case a–z and digits joined
/// by `-` (`Lek i gymsalen` → `lek-i-gymsalen`, `Øvelse på tvers` → `ovelse-pa-tvers`), at most
/// 40 characters; `punkt` when nothing is left.
pub fn slug(title: &str) -> String {
    let mut id = String::new();
    for c in title.to_lowercase().chars() {
        let ascii = match c {
            'æ' => "ae",
            'ø' | 'ö' => "o",
            'å' | 'ä' | 'á' | 'à' => "a",
            'é' | 'è' => "e",
            'ü' => "u",
            c if c.is_ascii_alphanumeric() => {
                id.push(c);
                continue;
            }
            _ => "-",
        };
        id.push_str(ascii);
    }
    let id: Vec<&str> = id.split('-').filter(|p| !p.is_empty()).collect();
    let mut id = id.join("-");
    id.truncate(40);
    let id = id.trim_end_matches('-');
    if id.is_empty() {
        "punkt".to_string()
    } else {
        id.to_string()
    }
}

/// A writer that [cleans](clean) all text written through it: the commands print titles,
/// notes, places and file names from files anyone may have edited, and wrapping the output
/// once covers every line they print. Bytes that are not UTF-8 come out as U+FFFD.
pub struct Clean<W: Write> {
    inner: W,
    /// The start of a character cut off at the end of the last write.
    pending: Vec<u8>,
}

impl<W: Write> Clean<W> {
    pub fn new(inner: W) -> Self {
        Clean {
            inner,
            pending: Vec::new(),
        }
    }

    /// Writes the cleaned whole characters of `pending`, keeping a cut-off one for later.
    fn drain(&mut self) -> io::Result<()> {
        let mut rest = self.pending.as_slice();
        loop {
            match std::str::from_utf8(rest) {
                Ok(text) => {
                    self.inner.write_all(clean(text).as_bytes())?;
                    rest = &[];
                    break;
                }
                Err(e) => {
                    let (valid, after) = rest.split_at(e.valid_up_to());
                    let text = std::str::from_utf8(valid).unwrap_or_default();
                    self.inner.write_all(clean(text).as_bytes())?;
                    match e.error_len() {
                        // Cut off: wait for the rest of the character.
                        None => {
                            rest = after;
                            break;
                        }
                        Some(bad) => {
                            self.inner.write_all("\u{FFFD}".as_bytes())?;
                            rest = &after[bad..];
                        }
                    }
                }
            }
        }
        self.pending = rest.to_vec();
        Ok(())
    }
}

impl<W: Write> Write for Clean<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        self.drain()?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slug_is_plain_lower_case_ascii() {
        assert_eq!(slug("Lek i gymsalen"), "lek-i-gymsalen");
        assert_eq!(
            slug("  Øvelse på tvers – ærlig talt! "),
            "ovelse-pa-tvers-aerlig-talt"
        );
        assert_eq!(slug("🙂"), "punkt");
        assert!(slug(&"a ".repeat(100)).len() <= 40);
    }

    const HOSTILE: &str = "a\u{1b}]52;c;cm0gLXJm\u{7}b\u{1b}[2J\u{1b}[?1049l\r\u{9b}31m\
                           c\u{200D}d\u{202E}e\u{200B}\u{2066}f\u{FEFF}g\u{7f}";

    #[test]
    fn clipped_text_ends_in_an_ellipsis_at_a_word() {
        assert_eq!(clipped("Kort  tekst\nher", 20), "Kort tekst her");
        assert_eq!(
            clipped("Alle gjennomfører en LINK-økt", 20),
            "Alle gjennomfører…"
        );
        assert!(textwrap::core::display_width(&clipped("Alle gjennomfører en LINK-økt", 20)) <= 20);
        assert_eq!(clipped("Uendeligordsomikkefår", 6), "Uende…");
        // At a word whenever the first word fits; never wider than the row.
        assert_eq!(
            clipped("Oppsummering og avslutning", 16),
            "Oppsummering og…"
        );
        assert_eq!(clipped("Oppsummering og avslutning", 14), "Oppsummering…");
        assert_eq!(clipped("Oppsummering og avslutning", 10), "Oppsummer…");
        assert_eq!(clipped("Velkommen", 1), "…");
        assert_eq!(clipped("Velkommen", 0), "");
    }

    #[test]
    fn wrapped_keeps_whole_words_and_marks_what_it_leaves_out() {
        let title = "Fremme trygge og gode barnehage- og skolemiljø, og forebygge mistrivsel";
        assert_eq!(
            wrapped(title, 40, 2),
            [
                "Fremme trygge og gode barnehage- og",
                "skolemiljø, og forebygge mistrivsel"
            ]
        );
        assert_eq!(
            wrapped(title, 30, 2),
            ["Fremme trygge og gode", "barnehage- og skolemiljø, og…"]
        );
        assert_eq!(wrapped("Pause", 30, 2), ["Pause"]);
        // A word longer than the row is cut, with the sign.
        assert_eq!(wrapped("Gruppedynamittgjennomgang", 10, 1), ["Gruppedyn…"]);
        assert_eq!(
            wrapped("Pause Gruppedynamittgjennomgang", 10, 3),
            ["Pause", "Gruppedyn…"]
        );
        assert_eq!(wrapped("Hei du", 1, 2), ["…"]);
        assert!(wrapped(title, 0, 2).is_empty() && wrapped(title, 10, 0).is_empty());
    }

    #[test]
    fn escapes_controls_and_invisible_formatting_go_line_breaks_and_tabs_stay() {
        assert_eq!(
            clean(HOSTILE),
            "a]52;c;cm0gLXJmb[2J[?1049l31mcdefg",
            "no ESC, BEL, CR, CSI, DEL, ZWJ, RLO, ZWSP, LRI or BOM"
        );
        assert_eq!(clean("to\nlinjer\tmed tab"), "to\nlinjer\tmed tab");
        assert!(matches!(clean("æøå – «sitat» 😊"), Cow::Borrowed(_)));
    }

    #[test]
    fn the_writer_cleans_text_cut_anywhere_and_marks_bytes_that_are_not_utf8() {
        let bytes = [HOSTILE.as_bytes(), b"\xff", "ø".as_bytes()].concat();
        for cut in 0..bytes.len() {
            let mut out = Clean::new(Vec::new());
            out.write_all(&bytes[..cut]).unwrap();
            out.write_all(&bytes[cut..]).unwrap();
            assert_eq!(
                String::from_utf8(out.inner).unwrap(),
                format!("{}\u{FFFD}ø", clean(HOSTILE)),
                "cut at {cut}"
            );
        }
    }
}
