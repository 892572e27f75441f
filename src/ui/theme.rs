//! Colours that work on any projector: a dark and a light theme, each with its background set
//! explicitly (a projector washes out a terminal's default background, and daylight needs a
//! light one), and every pair of text and background at a contrast the room can read from the
//! back: 7:1 or more (WCAG AAA) for the countdown and the question, 4.5:1 for the rest. The
//! warning (the last two minutes) and overtime colours keep it too, and are not told apart by
//! colour alone (overtime keeps its `+`).
//!
//! Terminals with 256 or 16 colours get, for each colour, the nearest one they have that still
//! keeps the contrast against the background they get (`COLORTERM` says whether the terminal
//! takes 24-bit colour).

use chrono::Duration;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;

pub use crate::store::config::{Depth, Theme};

/// A colour as red, green and blue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// What each kind of text on the room's view is drawn in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    pub background: Rgb,
    pub text: Rgb,
    /// Headings and what comes next: quieter, still readable.
    pub dim: Rgb,
    pub question: Rgb,
    pub clock: Rgb,
    /// The last two minutes.
    pub warning: Rgb,
    /// Past zero (with `+`).
    pub overtime: Rgb,
}

/// Light text on a dark background: best on most projectors in a dimmed room.
pub const DARK: Palette = Palette {
    background: Rgb(0x10, 0x14, 0x18),
    text: Rgb(0xF2, 0xF2, 0xF2),
    dim: Rgb(0xB8, 0xBE, 0xC6),
    question: Rgb(0x9F, 0xE3, 0xFF),
    clock: Rgb(0xFF, 0xFF, 0xFF),
    warning: Rgb(0xFF, 0xD2, 0x3F),
    overtime: Rgb(0xFF, 0x8A, 0x80),
};

/// Dark text on a light background: for daylight, and projectors that wash out dark ones.
pub const LIGHT: Palette = Palette {
    background: Rgb(0xFA, 0xFA, 0xF7),
    text: Rgb(0x11, 0x11, 0x11),
    dim: Rgb(0x44, 0x48, 0x50),
    question: Rgb(0x00, 0x3A, 0x70),
    clock: Rgb(0x00, 0x00, 0x00),
    warning: Rgb(0x6B, 0x40, 0x00),
    overtime: Rgb(0x9E, 0x00, 0x00),
};

impl Palette {
    pub fn of(theme: Theme) -> &'static Palette {
        match theme {
            Theme::Dark => &DARK,
            Theme::Light => &LIGHT,
        }
    }
}

/// The contrast the room needs: the countdown and the question, and everything else.
pub const LARGE_AND_CLOCK: f64 = 7.0;
pub const REST: f64 = 4.5;

/// The contrast ratio of two colours, as WCAG 2 defines it: (L1 + 0.05) / (L2 + 0.05) of their
/// relative luminances, the lighter over the darker; 1 to 21.
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

fn luminance(Rgb(r, g, b): Rgb) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

/// The 16 colours as xterm shows them by default (the terminal's own may differ a little).
const ANSI16: [(Color, Rgb); 16] = [
    (Color::Black, Rgb(0, 0, 0)),
    (Color::Red, Rgb(205, 0, 0)),
    (Color::Green, Rgb(0, 205, 0)),
    (Color::Yellow, Rgb(205, 205, 0)),
    (Color::Blue, Rgb(0, 0, 238)),
    (Color::Magenta, Rgb(205, 0, 205)),
    (Color::Cyan, Rgb(0, 205, 205)),
    (Color::Gray, Rgb(229, 229, 229)),
    (Color::DarkGray, Rgb(127, 127, 127)),
    (Color::LightRed, Rgb(255, 0, 0)),
    (Color::LightGreen, Rgb(0, 255, 0)),
    (Color::LightYellow, Rgb(255, 255, 0)),
    (Color::LightBlue, Rgb(92, 92, 255)),
    (Color::LightMagenta, Rgb(255, 0, 255)),
    (Color::LightCyan, Rgb(0, 255, 255)),
    (Color::White, Rgb(255, 255, 255)),
];

/// The colours a terminal of `depth` has, each with its RGB.
fn choices(depth: Depth) -> Vec<(Color, Rgb)> {
    match depth {
        Depth::True => Vec::new(),
        Depth::Ansi16 => ANSI16.to_vec(),
        Depth::Ansi256 => {
            // xterm's 6×6×6 cube and 24 greys (the first 16 vary between terminals).
            let level = |i: u8| if i == 0 { 0 } else { 55 + 40 * i };
            let cube = (0..216u16).map(|i| {
                let i = i as u8;
                let rgb = Rgb(level(i / 36), level(i / 6 % 6), level(i % 6));
                (Color::Indexed(16 + i), rgb)
            });
            let greys = (0..24u8).map(|i| {
                let v = 8 + 10 * i;
                (Color::Indexed(232 + i), Rgb(v, v, v))
            });
            cube.chain(greys).collect()
        }
    }
}

fn distance(Rgb(a, b, c): Rgb, Rgb(x, y, z): Rgb) -> u32 {
    let d = |p: u8, q: u8| (i32::from(p) - i32::from(q)).unsigned_abs();
    d(a, x).pow(2) + d(b, y).pow(2) + d(c, z).pow(2)
}

/// The colour to draw `rgb` with on a terminal of `depth`, with its RGB there: the nearest the
/// terminal has that keeps `min` contrast against `background` (as the terminal shows it).
fn nearest(rgb: Rgb, depth: Depth, background: Option<Rgb>, min: f64) -> (Color, Rgb) {
    let Rgb(r, g, b) = rgb;
    let all = choices(depth);
    let keeps = |c: &&(Color, Rgb)| background.is_none_or(|bg| contrast(c.1, bg) >= min);
    all.iter()
        .filter(keeps)
        .chain(all.iter())
        .min_by_key(|(_, c)| {
            (
                background.is_some_and(|bg| contrast(*c, bg) < min),
                distance(rgb, *c),
            )
        })
        .copied()
        .unwrap_or((Color::Rgb(r, g, b), rgb))
}

/// A palette as a terminal of some depth shows it: each colour as [`Color`], and the RGB the
/// terminal gives it (for the contrast test).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Colors {
    pub background: (Color, Rgb),
    pub text: (Color, Rgb),
    pub dim: (Color, Rgb),
    pub question: (Color, Rgb),
    pub clock: (Color, Rgb),
    pub warning: (Color, Rgb),
    pub overtime: (Color, Rgb),
}

impl Colors {
    pub fn new(theme: Theme, depth: Depth) -> Colors {
        let p = Palette::of(theme);
        let background = nearest(p.background, depth, None, 0.0);
        let bg = Some(background.1);
        let on = |rgb, min| nearest(rgb, depth, bg, min);
        Colors {
            background,
            text: on(p.text, REST),
            dim: on(p.dim, REST),
            question: on(p.question, LARGE_AND_CLOCK),
            clock: on(p.clock, LARGE_AND_CLOCK),
            warning: on(p.warning, LARGE_AND_CLOCK),
            overtime: on(p.overtime, LARGE_AND_CLOCK),
        }
    }

    /// The whole screen: the background, and the text colour.
    pub fn base(&self) -> Style {
        Style::new().bg(self.background.0).fg(self.text.0)
    }

    pub fn dim(&self) -> Style {
        Style::new().fg(self.dim.0)
    }

    pub fn question(&self) -> Style {
        Style::new().fg(self.question.0)
    }

    /// The countdown with `left` to go: the clock's colour, the warning's in the last two
    /// minutes, overtime's past zero; bold. Where the terminal has no warning colour that
    /// keeps the contrast apart from the clock's (16 colours on a light background), the
    /// last minutes are drawn reversed instead.
    pub fn clock(&self, left: Duration) -> Style {
        let (color, same) = if left < Duration::zero() {
            (self.overtime.0, false)
        } else if left <= Duration::minutes(super::widgets::WARN_MINUTES) {
            (self.warning.0, self.warning.0 == self.clock.0)
        } else {
            (self.clock.0, false)
        };
        let style = Style::new().fg(color).add_modifier(Modifier::BOLD);
        if same {
            style.add_modifier(Modifier::REVERSED)
        } else {
            style
        }
    }
}

/// Lays the theme over everything drawn in `area`: the background on every cell (block digits
/// and widgets draw their own cells, with the terminal's), and the text's colour on every cell
/// that has none of its own. Done last, so the room never sees the terminal's defaults.
pub fn paint(buf: &mut ratatui::buffer::Buffer, area: ratatui::layout::Rect, colors: &Colors) {
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            if let Some(cell) = buf.cell_mut((x, y)) {
                cell.bg = colors.background.0;
                if cell.fg == Color::Reset {
                    cell.fg = colors.text.0;
                }
            }
        }
    }
}

/// Lays the theme over a screen drawn in the terminal's colours (the facilitator's view, the
/// home screen, the panels over either view): both views follow the theme, so a facilitator
/// who chose light for a daylit room does not switch between a light wall and a dark laptop,
/// and every colour on it keeps the theme's contrast. A cell on the terminal's background gets
/// the theme's, and its colour the theme's of the same role: greys are dim, cyan, blue and
/// magenta the accent (the question's), yellow the warning, red overtime, the rest the text
/// (a status is told by its sign and its word). An alarm (white on red) becomes the
/// background's colour on overtime's. Cells with a background of their own are left alone:
/// the room's view, already in the theme, is not drawn twice.
pub fn retheme(buf: &mut ratatui::buffer::Buffer, area: ratatui::layout::Rect, colors: &Colors) {
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let Some(cell) = buf.cell_mut((x, y)) else {
                continue;
            };
            match cell.bg {
                Color::Reset => {
                    cell.bg = colors.background.0;
                    cell.fg = role(cell.fg, colors);
                }
                Color::Red | Color::LightRed => {
                    cell.bg = colors.overtime.0;
                    cell.fg = colors.background.0;
                }
                _ => {}
            }
        }
    }
}

/// The theme's colour for a terminal colour, by the role it plays on the facilitator's
/// screens; a colour of its own (indexed, RGB) is kept.
fn role(color: Color, colors: &Colors) -> Color {
    match color {
        Color::DarkGray | Color::Gray => colors.dim.0,
        Color::Cyan
        | Color::LightCyan
        | Color::Blue
        | Color::LightBlue
        | Color::Magenta
        | Color::LightMagenta => colors.question.0,
        Color::Yellow | Color::LightYellow => colors.warning.0,
        Color::Red | Color::LightRed => colors.overtime.0,
        Color::Indexed(_) | Color::Rgb(..) => color,
        _ => colors.text.0,
    }
}

/// The parts of the room's view drawn by code the facilitator's screen shares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Dim,
    Question,
}

/// The style of `tone`: in the theme's colours on the room's view (`Some`), in the terminal's
/// own on the facilitator's (`None`).
pub fn tone(colors: Option<&Colors>, tone: Tone) -> Style {
    match (colors, tone) {
        (Some(c), Tone::Dim) => c.dim(),
        (Some(c), Tone::Question) => c.question(),
        (None, Tone::Dim) => Style::new().fg(Color::DarkGray),
        (None, Tone::Question) => Style::new().fg(Color::LightCyan),
    }
}

/// Lines made for the facilitator's screen, in the theme's colours for the room: what was dim
/// stays dim, every other colour becomes the text's (a status is told by its sign and its
/// word, never by colour alone); bold stays bold.
pub fn toned(lines: Vec<Line<'static>>, colors: &Colors) -> Vec<Line<'static>> {
    lines
        .into_iter()
        .map(|mut line| {
            for span in &mut line.spans {
                let dim = matches!(span.style.fg, Some(Color::DarkGray | Color::Gray));
                let fg = if dim { colors.dim.0 } else { colors.text.0 };
                span.style = span.style.fg(fg).bg(colors.background.0);
            }
            line
        })
        .collect()
}

impl Colors {
    /// A timed step's countdown: the clock's colour, overtime's past zero (a step of a minute
    /// or two is all "last minutes": no warning colour).
    pub fn step(&self, left: Duration) -> Style {
        let color = if left < Duration::zero() {
            self.overtime.0
        } else {
            self.clock.0
        };
        Style::new().fg(color).add_modifier(Modifier::BOLD)
    }

    /// [`Colors::new`], worked out once per theme and depth (each frame asks).
    pub fn of(theme: Theme, depth: Depth) -> Colors {
        thread_local! {
            static LAST: std::cell::Cell<Option<((Theme, Depth), Colors)>> =
                const { std::cell::Cell::new(None) };
        }
        LAST.with(|last| match last.get() {
            Some((key, colors)) if key == (theme, depth) => colors,
            _ => {
                let colors = Colors::new(theme, depth);
                last.set(Some(((theme, depth), colors)));
                colors
            }
        })
    }
}

impl Default for Colors {
    fn default() -> Self {
        Colors::new(Theme::Dark, Depth::True)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pair_of_each_theme_reads_from_the_back_at_every_colour_depth() {
        for theme in [Theme::Dark, Theme::Light] {
            for depth in [Depth::True, Depth::Ansi256, Depth::Ansi16] {
                let c = Colors::new(theme, depth);
                let bg = c.background.1;
                for (what, (_, rgb), min) in [
                    ("clock", c.clock, LARGE_AND_CLOCK),
                    ("warning", c.warning, LARGE_AND_CLOCK),
                    ("overtime", c.overtime, LARGE_AND_CLOCK),
                    ("question", c.question, LARGE_AND_CLOCK),
                    ("text", c.text, REST),
                    ("dim", c.dim, REST),
                ] {
                    let ratio = contrast(rgb, bg);
                    assert!(
                        ratio >= min,
                        "{theme:?} {depth:?} {what}: {ratio:.2} < {min} ({rgb:?} on {bg:?})"
                    );
                }
                // The last minutes look other than the rest (and overtime has its `+`).
                let (calm, hurry) = (c.clock(Duration::minutes(5)), c.clock(Duration::minutes(1)));
                assert_ne!(calm, hurry, "{theme:?} {depth:?}");
            }
        }
    }

    #[test]
    fn the_contrast_ratio_is_wcags() {
        assert!((contrast(Rgb(0, 0, 0), Rgb(255, 255, 255)) - 21.0).abs() < 1e-9);
        assert!((contrast(Rgb(119, 119, 119), Rgb(255, 255, 255)) - 4.48).abs() < 0.01);
        assert_eq!(contrast(Rgb(9, 9, 9), Rgb(9, 9, 9)), 1.0);
    }

    #[test]
    fn the_depth_comes_from_the_terminals_environment() {
        let with = |pairs: &[(&str, &str)]| {
            let pairs: Vec<(String, String)> = pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            Depth::from_env(move |name| {
                pairs
                    .iter()
                    .find(|(k, _)| k == name)
                    .map(|(_, v)| v.clone())
            })
        };
        assert_eq!(
            with(&[("COLORTERM", "truecolor"), ("TERM", "xterm-256color")]),
            Depth::True
        );
        assert_eq!(with(&[("COLORTERM", "24bit")]), Depth::True);
        assert_eq!(with(&[("TERM", "xterm-kitty")]), Depth::True);
        assert_eq!(with(&[("WT_SESSION", "1")]), Depth::True);
        assert_eq!(with(&[("TERM", "xterm-256color")]), Depth::Ansi256);
        // tmux may turn 24-bit colour into its own nearest: 256, whose contrast is tested.
        let tmux = [
            ("COLORTERM", "truecolor"),
            ("TERM", "tmux-256color"),
            ("TMUX", "/tmp/t"),
        ];
        assert_eq!(with(&tmux), Depth::Ansi256);
        assert_eq!(with(&[("TERM", "screen")]), Depth::Ansi256);
        assert_eq!(with(&[("TERM", "xterm")]), Depth::Ansi16);
        assert_eq!(with(&[]), Depth::Ansi16);
        // Fewer colours: each is one the terminal has.
        let c = Colors::new(Theme::Light, Depth::Ansi16);
        assert!(!matches!(c.clock.0, Color::Rgb(..) | Color::Indexed(_)));
        let c = Colors::new(Theme::Dark, Depth::Ansi256);
        assert!(matches!(c.question.0, Color::Indexed(_)));
    }
}
