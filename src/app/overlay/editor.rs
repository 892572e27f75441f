//! The note editor: the text being typed and the note it becomes. Every key goes to the text
//! (Norwegian letters, digits and `q` type as such) but `Esc`, which saves and closes it.

use ratatui_textarea::{TextArea, WrapMode};

use crate::model::Draft;

/// The open note editor: the text being typed and the note it becomes.
#[derive(Debug, Clone)]
pub struct Editor {
    pub text: TextArea<'static>,
    /// Where the text goes when saved.
    pub draft: Draft,
}

impl PartialEq for Editor {
    fn eq(&self, other: &Self) -> bool {
        self.text.lines() == other.text.lines() && self.draft == other.draft
    }
}

impl Editor {
    /// An editor holding `draft`'s text, cursor at the end.
    pub fn new(draft: Draft) -> Self {
        let lines: Vec<String> = draft.text.split('\n').map(str::to_string).collect();
        let mut text = TextArea::new(lines);
        text.set_wrap_mode(WrapMode::WordOrGlyph);
        // No band across the cursor's line: the note reads as plain text.
        text.set_cursor_line_style(ratatui::style::Style::new());
        text.move_cursor(ratatui_textarea::CursorMove::Bottom);
        text.move_cursor(ratatui_textarea::CursorMove::End);
        Editor { text, draft }
    }

    /// The text as typed, lines joined with `\n`.
    pub fn contents(&self) -> String {
        self.text.lines().join("\n")
    }

    /// Whether the editor holds anything but white space.
    pub fn has_text(&self) -> bool {
        !self.contents().trim().is_empty()
    }
}
