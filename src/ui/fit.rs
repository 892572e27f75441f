//! The largest text that fits: what the room must read (the question, the agreements, a
//! heading) is drawn in block letters when it fits in them, else as wrapped, centred text.
//!
//! The choice is made by measuring, per frame size: the text is wrapped at whole words into as
//! many glyphs as a row of the area holds at a size, and the size is taken if every word fits
//! on a row and the rows fit in the area's height. Words are never cut: a word longer than a
//! row at a size rules the size out.
//!
//! The sizes are tui-big-text's with pixels made of characters every terminal font has: half
//! blocks (`▀▄█`, a glyph 8 columns by 4 rows, near square on a terminal's tall cells) and
//! quadrants (`▘▝▖▗`, 4 by 4). The sextant and octant sizes are smaller still, but their
//! characters (Unicode's "Legacy Computing" blocks) are missing from many fonts, and a letter
//! drawn with missing characters is unreadable.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};
use tui_big_text::{BigText, PixelSize};

/// The block sizes a text may take, largest first.
pub const SIZES: [PixelSize; 2] = [PixelSize::HalfHeight, PixelSize::Quadrant];

/// How a text is drawn to fit an area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fit {
    /// Block letters of `size`, a row of blocks per line.
    Blocks { size: PixelSize, lines: Vec<String> },
    /// Ordinary text, wrapped at words, centred: too long for any block size here.
    Plain,
}

/// The columns and rows one glyph takes at `size`.
pub fn glyph(size: PixelSize) -> (u16, u16) {
    let (x, y) = match size {
        PixelSize::Full => (1, 1),
        PixelSize::HalfHeight => (1, 2),
        PixelSize::HalfWidth => (2, 1),
        PixelSize::Quadrant => (2, 2),
        PixelSize::ThirdHeight => (1, 3),
        PixelSize::Sextant => (2, 3),
        PixelSize::QuarterHeight => (1, 4),
        PixelSize::Octant => (2, 4),
    };
    (8u16.div_ceil(x), 8u16.div_ceil(y))
}

/// The empty row between two rows of block letters: without it a `g` or a `y` touches the
/// capital under it.
const GAP: u16 = 1;

/// The rows `lines` rows of block letters of `size` take.
pub fn height(size: PixelSize, lines: usize) -> u16 {
    let lines = u16::try_from(lines).unwrap_or(u16::MAX);
    lines
        .saturating_mul(glyph(size).1)
        .saturating_add(lines.saturating_sub(1) * GAP)
}

/// `text` with the punctuation the block font lacks written as what it has (a dash as `-`,
/// curly quotes as straight ones); `None` if a character is still missing (the text is then
/// drawn plain rather than with a gap where the letter should be).
fn in_font(text: &str) -> Option<String> {
    use font8x8::UnicodeFonts;
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let c = match c {
            '—' | '–' | '‐' | '−' => '-',
            '‘' | '’' | '‚' => '\'',
            '“' | '”' | '„' => '"',
            '…' => {
                out.push_str("...");
                continue;
            }
            c if c.is_whitespace() => ' ',
            c => c,
        };
        let known = c == ' '
            || font8x8::BASIC_FONTS.get(c).is_some()
            || font8x8::LATIN_FONTS.get(c).is_some();
        if !known {
            return None;
        }
        out.push(c);
    }
    Some(out)
}

/// The wrapped rows of `text` in block letters of `size` if they fit in `area`.
pub fn blocks(text: &str, size: PixelSize, area: Rect) -> Option<Vec<String>> {
    let text = in_font(text.trim())?;
    let (w, _) = glyph(size);
    let per_row = usize::from(area.width / w);
    if per_row == 0 || text.is_empty() {
        return None;
    }
    let options = textwrap::Options::new(per_row).break_words(false);
    let lines: Vec<String> = textwrap::wrap(&text, options)
        .into_iter()
        .map(|l| l.into_owned())
        .collect();
    let fits = lines.iter().all(|l| l.chars().count() <= per_row)
        && height(size, lines.len()) <= area.height;
    fits.then_some(lines)
}

/// The largest of `sizes` `text` fits `area` in, else plain text.
pub fn fit(text: &str, area: Rect, sizes: &[PixelSize]) -> Fit {
    sizes
        .iter()
        .find_map(|&size| blocks(text, size, area).map(|lines| Fit::Blocks { size, lines }))
        .unwrap_or(Fit::Plain)
}

/// Draws `text` as large as it fits in `area`, centred both ways, in `style`; says how.
pub fn render(text: &str, style: Style, area: Rect, buf: &mut Buffer) -> Fit {
    let fit = fit(text, area, &SIZES);
    draw(text, &fit, style, area, buf);
    fit
}

/// The rows `text` takes drawn as `fit` says, `width` columns wide.
pub fn rows(text: &str, fit: &Fit, width: u16) -> u16 {
    match fit {
        Fit::Blocks { size, lines } => height(*size, lines.len()),
        Fit::Plain => u16::try_from(plain(text).line_count(width)).unwrap_or(u16::MAX),
    }
}

/// `text` as ordinary wrapped, centred text.
fn plain(text: &str) -> Paragraph<'static> {
    Paragraph::new(Line::from(text.to_string()).centered()).wrap(Wrap { trim: true })
}

/// Draws `text` as `fit` says, centred in `area`.
pub fn draw(text: &str, fit: &Fit, style: Style, area: Rect, buf: &mut Buffer) {
    match fit {
        Fit::Blocks { size, lines } => {
            // A fit measured for another area may not go in this one: the rows that do not fit
            // whole are left out rather than drawn over what lies below.
            let rows = height(*size, lines.len());
            let (_, h) = glyph(*size);
            let mut y = area.y + area.height.saturating_sub(rows) / 2;
            for line in lines {
                if y + h > area.bottom() {
                    break;
                }
                let row = Rect::new(area.x, y, area.width, h);
                BigText::builder()
                    .pixel_size(*size)
                    .style(style)
                    .centered()
                    .lines(vec![Line::from(line.clone())])
                    .build()
                    .render(row, buf);
                y += h + GAP;
            }
        }
        Fit::Plain => {
            let rows = rows(text, fit, area.width).min(area.height);
            let paragraph = plain(text).style(style);
            let middle = Rect::new(area.x, area.y + (area.height - rows) / 2, area.width, rows);
            paragraph.render(middle, buf);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const QUESTION: &str = "Når merker en elev at den er velkommen her hos oss?";

    fn area(w: u16, h: u16) -> Rect {
        Rect::new(0, 0, w, h)
    }

    #[test]
    fn a_question_takes_the_largest_block_size_that_fits_the_area() {
        // 51 letters: half blocks (8 columns a letter) need 20 letters a row and 3 rows of 4.
        let large = fit(QUESTION, area(160, 30), &SIZES);
        assert!(
            matches!(&large, Fit::Blocks { size: PixelSize::HalfHeight, lines } if lines.len() == 3),
            "{large:?}"
        );
        // Narrower: quadrants (4 columns a letter).
        let middle = fit(QUESTION, area(96, 14), &SIZES);
        assert!(
            matches!(
                &middle,
                Fit::Blocks {
                    size: PixelSize::Quadrant,
                    ..
                }
            ),
            "{middle:?}"
        );
        // At 80×24 there is no room for blocks: plain text.
        assert_eq!(fit(QUESTION, area(64, 9), &SIZES), Fit::Plain);
    }

    #[test]
    fn words_are_never_cut_and_the_rows_fit_the_width() {
        let Fit::Blocks { size, lines } = fit(QUESTION, area(96, 30), &SIZES) else {
            panic!("blocks expected");
        };
        let per_row = usize::from(96 / glyph(size).0);
        assert!(lines.iter().all(|l| l.chars().count() <= per_row));
        assert_eq!(lines.join(" "), QUESTION);
        // A word longer than a row rules the size out, however tall the area.
        let long = "Kompetanseutviklingsprogrammet";
        assert_eq!(blocks(long, PixelSize::HalfHeight, area(200, 60)), None);
        assert!(blocks(long, PixelSize::Quadrant, area(200, 60)).is_some());
    }

    #[test]
    fn punctuation_the_font_lacks_is_written_as_what_it_has_else_plain() {
        assert_eq!(
            in_font("Da — nå «ja» …").as_deref(),
            Some("Da - nå «ja» ...")
        );
        assert_eq!(in_font("Hvorfor ✓"), None);
        assert_eq!(fit("Hvorfor ✓", area(200, 60), &SIZES), Fit::Plain);
    }

    #[test]
    fn block_letters_are_drawn_centred_and_norwegian_letters_have_glyphs() {
        let mut buf = Buffer::empty(area(80, 20));
        let fit = render("Hei på deg", Style::new(), buf.area, &mut buf);
        assert!(matches!(fit, Fit::Blocks { .. }), "{fit:?}");
        let inked = |x0: u16, x1: u16| {
            (0..20)
                .flat_map(|y| (x0..x1).map(move |x| (x, y)))
                .filter(|&(x, y)| buf[(x, y)].symbol() != " ")
                .count()
        };
        // "Hei på deg" at 8 columns a letter is 80 columns: the whole width, both halves inked.
        assert!(inked(0, 40) > 20 && inked(40, 80) > 20);
        // The å (the sixth letter, columns 40..48) is drawn, not left blank.
        assert!(inked(40, 48) > 4);
    }

    #[test]
    fn plain_text_is_centred_in_the_rows_it_needs() {
        let mut buf = Buffer::empty(area(20, 9));
        draw("Hva nå?", &Fit::Plain, Style::new(), buf.area, &mut buf);
        let row = |y: u16| -> String { (0..20).map(|x| buf[(x, y)].symbol()).collect() };
        assert_eq!(row(4).trim(), "Hva nå?");
        assert_eq!(row(0).trim(), "");
    }
}
