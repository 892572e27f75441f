//! Writing and keeping notes during a gathering: the editor, the note list's selection, marks
//! (highlight, parking lot, private), and delete with a question first and undo after.
//!
//! Nothing typed is lost: `Esc` saves the note, the text in an open editor is copied to the
//! session as a draft within a second or two of typing (and so survives a crash), and a
//! deleted note can be brought back with `u`.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::Run;
use crate::app::msg::Effect;
use crate::app::overlay::{Confirm, Editor, Overlay};
use crate::app::select::Select;
use crate::model::change::{Change, Merged, Replay};
use crate::model::{Deleted, Draft, GroupLabel, Mark, Note, NoteId, NoteKind, Session, Timestamp};
use crate::store::load::MAX_FILE_BYTES;

impl Run {
    /// The notes of the item in front of the room, in the order written. A note-taker's
    /// window shows another writer's private note to nobody (it may be read over a shoulder in
    /// the staff room): only its own.
    pub fn item_notes(&self) -> impl Iterator<Item = &Note> {
        let item = self.session.current_item().map(|i| i.id.clone());
        let taking = self.role.takes_notes();
        self.session.note_list().filter(move |n| {
            let hidden = taking && !self.role.wrote(n) && self.session.shown(n).private;
            Some(&n.item) == item.as_ref() && !hidden
        })
    }

    /// The selected note, if it belongs to the current item.
    pub fn selected_note(&self) -> Option<&Note> {
        let id = self.screen.selected.as_ref()?;
        self.item_notes().find(|n| n.id == *id)
    }

    fn selected_mut(&mut self) -> Option<&mut Note> {
        let id = self.selected_note()?.id.clone();
        let at = self.session.notes.iter().position(|n| n.id == id)?;
        Some(self.session.note_mut(at))
    }

    /// Opens the editor for a new note on the current item, question and group.
    pub fn new_note(&mut self, text: &str) {
        let Some(item) = self.session.current_item() else {
            return;
        };
        let prompt = self.session.current_prompt().map(|p| p.id.clone());
        self.overlays
            .open(Overlay::Editor(Box::new(Editor::new(Draft {
                note: None,
                item: item.id.clone(),
                prompt,
                group: self.screen.group,
                text: text.to_string(),
            }))));
    }

    /// Opens the editor on the selected note, if this samling wrote it: a note's text is its
    /// writer's (whose journal may bring a newer version of it at any time).
    pub fn edit_note(&mut self) {
        if self.refuse_others(false) {
            return;
        }
        if let Some(n) = self.selected_note() {
            self.overlays
                .open(Overlay::Editor(Box::new(Editor::new(Draft {
                    note: Some(n.id.clone()),
                    item: n.item.clone(),
                    prompt: n.prompt.clone(),
                    group: n.group,
                    text: n.text.clone(),
                }))));
        }
    }

    /// Reopens the editor on a draft saved before a crash or a quit.
    pub fn restore_draft(&mut self) {
        if let Some(draft) = self.session.draft.clone() {
            self.overlays
                .open(Overlay::Editor(Box::new(Editor::new(draft))));
        }
    }

    /// A key typed into the open editor; `Esc` saves the note and closes it.
    pub fn editor_key(&mut self, key: KeyEvent, now: Timestamp) -> Vec<Effect> {
        if key.code == KeyCode::Esc {
            return self.close_editor(now);
        }
        let grows = matches!(key.code, KeyCode::Char(_) | KeyCode::Enter | KeyCode::Tab);
        if grows && !self.has_room_for(4) {
            return Vec::new();
        }
        if let Some(editor) = self.overlays.editor_mut() {
            editor.text.input(key);
        }
        Vec::new()
    }

    /// Whether `bytes` more of text keep the session file within what samling reads back
    /// ([`MAX_FILE_BYTES`]); if not, says so (`too_large`) and the text is refused, rather
    /// than saved into a file the next start could not open.
    pub fn has_room_for(&mut self, bytes: usize) -> bool {
        // What RON adds around a note, and the typing since the last save.
        const MARGIN: u64 = 64 * 1024;
        self.saving.too_large = self.saving.bytes + bytes as u64 + MARGIN > MAX_FILE_BYTES;
        !self.saving.too_large
    }

    /// Pasted text: into the editor, or a new note holding it.
    pub fn paste(&mut self, text: &str) {
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        if !self.has_room_for(text.len()) {
            return;
        }
        match self.overlays.editor_mut() {
            Some(editor) => {
                editor.text.insert_str(&text);
            }
            // On the room's view, the pasted text would be on the wall: ask first, keeping it.
            None if self.screen.view == super::View::Projector => {
                let typing = crate::app::overlay::Typing::New(text);
                self.overlays
                    .open(Overlay::Confirm(Confirm::TypeInPrivate(typing)));
            }
            None => self.new_note(&text),
        }
    }

    /// Saves the editor's text as a note (a new one only if something was typed) and closes it.
    pub fn close_editor(&mut self, now: Timestamp) -> Vec<Effect> {
        let Some(editor) = self.overlays.take_editor() else {
            return Vec::new();
        };
        let text = editor.contents();
        let draft = editor.draft;
        let live = draft.note.as_ref().and_then(|id| {
            let at = self.session.notes.iter().position(|n| n.id == *id)?;
            Some((at, self.session.notes[at].text != text))
        });
        let dead = draft.note.as_ref().and_then(|id| {
            let dead = self.session.deleted.iter().rfind(|d| d.note.id == *id)?;
            Some(Note::clone(&dead.note))
        });
        match (live, dead) {
            (Some((at, changed)), _) => {
                if changed {
                    let n = self.session.note_mut(at);
                    n.text = text;
                    n.edited = newer(n, now);
                }
            }
            // Deleted while it was being edited (by the facilitator, in another window): what
            // was typed brings it back, as a newer version than the one deleted.
            (None, Some(mut note)) => {
                if note.text != text {
                    note.text = text;
                    note.edited = newer(&note, now);
                    self.screen.selected = Some(note.id.clone());
                    self.session.restore(note);
                }
            }
            _ if text.trim().is_empty() => {}
            (None, None) => {
                let id = self.session.next_note_id(self.role.tag());
                self.session.push_note(Note {
                    id: id.clone(),
                    created: now,
                    edited: now,
                    item: draft.item,
                    prompt: draft.prompt,
                    group: draft.group,
                    kind: NoteKind::Reflection,
                    text,
                    private: false,
                    by: self.role.name().map(str::to_string),
                });
                self.screen.selected = Some(id);
            }
        }
        self.session.draft = None;
        self.mark_changed()
    }

    /// Copies the editor's text to the session's draft if it changed: called every tick, so a
    /// crash loses at most the last second or two of typing.
    pub fn keep_draft(&mut self) -> Vec<Effect> {
        let Some(editor) = self.overlays.editor() else {
            return Vec::new();
        };
        let draft = Draft {
            text: editor.contents(),
            ..editor.draft.clone()
        };
        // An untouched editor on an existing note, or an empty new one, needs no draft.
        let worth_keeping = match draft.note {
            None => !draft.text.is_empty(),
            Some(_) => draft.text != editor.draft.text,
        };
        if !worth_keeping || self.session.draft.as_ref() == Some(&draft) {
            return Vec::new();
        }
        self.session.draft = Some(draft);
        self.mark_changed()
    }

    /// Moves the selection among the current item's notes (`by` = ±1), or to an end.
    pub fn select(&mut self, to: Select) {
        let ids: Vec<NoteId> = self.item_notes().map(|n| n.id.clone()).collect();
        self.screen.selected = to.among(&ids, self.screen.selected.as_ref());
    }

    /// Moves the selection among this session's agreements.
    pub fn select_agreement(&mut self, to: Select) {
        let ids: Vec<_> = self.session.made_here().map(|c| c.id.clone()).collect();
        self.screen.selected_agreement = to.among(&ids, self.screen.selected_agreement.as_ref());
    }

    /// `*`, `o`: marks the selected note as a highlight / for the parking lot, or back.
    pub fn toggle_kind(&mut self, kind: NoteKind, now: Timestamp) -> Vec<Effect> {
        self.remark(now, false, |n| {
            n.kind = if n.kind == kind {
                NoteKind::Reflection
            } else {
                kind
            }
        })
    }

    /// `x`: makes the selected note private, or public again.
    pub fn toggle_private(&mut self, now: Timestamp) -> Vec<Effect> {
        self.remark(now, true, |n| n.private = !n.private)
    }

    /// Changes the selected note's marks with `change` (`privacy`: whether it is or not). On
    /// its own note, a writer changes the note (a new version). The facilitator's marks on
    /// another writer's note are kept apart ([`Mark`]), to lie over whatever version that
    /// writer saves next. A note-taker marks only its own notes; the kind of one the
    /// facilitator has marked is the facilitator's, but its privacy is always the writer's
    /// too: a note its writer made private, the facilitator cannot make public.
    fn remark(&mut self, now: Timestamp, privacy: bool, change: impl Fn(&mut Note)) -> Vec<Effect> {
        let Some(note) = self.selected_note() else {
            return Vec::new();
        };
        let (id, mine, private) = (note.id.clone(), self.role.wrote(note), note.private);
        let mark = self.session.marks.iter().find(|m| m.note == id);
        // Private by the facilitator's own mark (else, on another's note, by its writer).
        let had = mark.is_some_and(|m| m.private);
        let writers_secret = !mine && private && !had;
        let s = self.lang.strings();
        if self.role.takes_notes() && mark.is_some() && !privacy {
            self.screen.message = Some(s.marked_by_facilitator.to_string());
            return Vec::new();
        }
        if privacy && writers_secret && !self.role.takes_notes() {
            self.screen.message = Some(s.private_by_writer.to_string());
            return Vec::new();
        }
        if self.refuse_others(true) {
            return Vec::new();
        }
        let Some(n) = self.selected_mut() else {
            return Vec::new();
        };
        change(n);
        if mine {
            n.edited = newer(n, now);
            return self.mark_changed();
        }
        // The facilitator's mark holds the kind it chose and only its own privacy. Taking its
        // privacy back leaves the note private until the writer's version is read again (the
        // writer may have made it private since): the runtime reads it at once.
        let reread = privacy && had;
        if reread {
            n.private = true;
        }
        let mark = Mark {
            note: id,
            kind: n.kind,
            private: had != privacy,
        };
        let marks = &mut self.session.marks;
        match marks.iter_mut().find(|m| m.note == mark.note) {
            Some(m) => *m = mark,
            None => marks.push(mark),
        }
        let mut effects = self.mark_changed();
        if reread {
            effects.push(Effect::Reread);
        }
        effects
    }

    /// Whether the selected note is another writer's and this is not for `facilitator_may`
    /// do to it (saying so): the facilitator may mark and delete any note, but a note's text
    /// is its writer's; a note-taker changes only its own notes.
    fn refuse_others(&mut self, facilitator_may: bool) -> bool {
        let others = self.selected_note().is_some_and(|n| !self.role.wrote(n));
        let refused = others && (self.role.takes_notes() || !facilitator_may);
        if refused {
            self.screen.message = Some(self.lang.strings().not_your_note.to_string());
        }
        refused
    }

    /// `d`: asks before deleting the selected note.
    pub fn ask_delete(&mut self) {
        if self.refuse_others(true) {
            return;
        }
        if let Some(n) = self.selected_note() {
            let id = n.id.clone();
            self.overlays.open(Overlay::Confirm(Confirm::Delete(id)));
        }
    }

    /// Deletes a note: it leaves the notes for the session's tombstones, and can be undone.
    pub fn delete(&mut self, id: &NoteId, now: Timestamp) -> Vec<Effect> {
        let Some(index) = self.session.notes.iter().position(|n| n.id == *id) else {
            return Vec::new();
        };
        let note = self.session.notes_mut().remove(index);
        let note = std::sync::Arc::unwrap_or_clone(note);
        self.session.deleted.push(Deleted { at: now, note });
        self.deleted.push(id.clone());
        self.screen.selected = None;
        self.select(Select::Last);
        self.mark_changed()
    }

    /// `u`: brings back the note last deleted here, where it stood by when it was written
    /// (see [`crate::model::Session::restore`]), and drops its tombstone.
    pub fn undo_delete(&mut self, now: Timestamp) -> Vec<Effect> {
        let Some(id) = self.deleted.pop() else {
            return Vec::new();
        };
        let Some(dead) = self.session.deleted.iter().rfind(|d| d.note.id == id) else {
            return Vec::new();
        };
        let mut note = dead.note.clone();
        // Its own note comes back as a newer version than the one deleted, or a merge of the
        // writer's journal would keep the deletion. Another writer's keeps its version: only
        // its writer's clock sets that.
        if self.role.wrote(&note) {
            note.edited = newer(&note, now);
        }
        self.session.restore(note);
        self.screen.selected = Some(id);
        self.mark_changed()
    }

    /// A note-taker's samling read the session again ([`crate::store::taking`] laid this
    /// writer's unsaved changes over it): what is on screen stays where it was.
    pub fn followed(&mut self, session: Session) {
        self.session = session;
        if self.selected_note().is_none() {
            self.select(Select::Last);
        }
    }

    /// The facilitator's samling read the note-takers' journals: their notes merged by
    /// version ([`Replay::merge`]), and saved with the session when anything came.
    pub fn merge(&mut self, writers: Vec<(String, Vec<Change>)>) -> Vec<Effect> {
        let mut replay = Replay::new(self.session.clone());
        let (mut applied, mut unplaced) = (0, 0);
        for (writer, changes) in writers {
            for change in changes {
                match replay.merge(&writer, change) {
                    Merged::Applied => applied += 1,
                    Merged::Unplaced => unplaced += 1,
                    Merged::Older | Merged::NotTheirs => {}
                }
            }
        }
        // Said once, and again only when there are more.
        if unplaced > self.unplaced {
            self.unplaced = unplaced;
            let words = (self.lang.strings().notes_unplaced)(unplaced);
            self.notices.push(words);
        }
        if applied == 0 {
            return Vec::new();
        }
        self.session = replay.finish();
        if self.selected_note().is_none() {
            self.select(Select::Last);
        }
        self.mark_changed()
    }

    /// The group a new note gets.
    pub fn set_group(&mut self, group: GroupLabel) {
        self.screen.group = group;
    }
}

/// The `edited` of a new version of `note` written at `now`: later than the version before
/// even when the laptop's clock was set back since, as a merge tells versions apart by it.
fn newer(note: &Note, now: Timestamp) -> Timestamp {
    now.max(note.edited + chrono::Duration::seconds(1))
        .max(note.created)
}

#[cfg(test)]
mod tests {
    use crate::app::{OverlayMsg, RunMsg, SystemMsg};
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use super::Select;
    use crate::app::testing::{running, saved, t};
    use crate::app::{Confirm, Effect, Msg, Opened, Run, State, update};
    use crate::i18n::Lang;
    use crate::model::{GroupLabel, NoteKind};

    fn state() -> State {
        running()
    }

    #[test]
    fn i_on_the_projector_view_asks_and_types_only_on_the_facilitators_view() {
        let mut s = running();
        update(&mut s, Msg::Run(RunMsg::ToggleView), t(0));
        update(&mut s, Msg::Run(RunMsg::NewNote), t(0));
        let run = s.run().unwrap();
        let typing = crate::app::overlay::Typing::New(String::new());
        assert_eq!(
            run.overlays.confirm(),
            Some(&Confirm::TypeInPrivate(typing))
        );
        assert!(
            run.overlays.editor().is_none(),
            "never over the room's view"
        );
        update(&mut s, Msg::Overlay(OverlayMsg::Confirm(false)), t(1));
        let run = s.run().unwrap();
        assert!(run.overlays.editor().is_none());
        assert_eq!(run.screen.view, crate::app::View::Projector);
        update(&mut s, Msg::Run(RunMsg::NewNote), t(2));
        update(&mut s, Msg::Overlay(OverlayMsg::Confirm(true)), t(2));
        let run = s.run().unwrap();
        assert_eq!(run.screen.view, crate::app::View::Facilitator);
        assert!(run.overlays.editor().is_some());
        // Pasted on the room's view: asked first, and the text kept for the note.
        let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
        update(&mut s, Msg::Overlay(OverlayMsg::EditorKey(esc)), t(3));
        update(&mut s, Msg::Run(RunMsg::ToggleView), t(3));
        update(
            &mut s,
            Msg::System(SystemMsg::Paste("Å bli sett".into())),
            t(4),
        );
        assert!(s.run().unwrap().overlays.editor().is_none());
        update(&mut s, Msg::Overlay(OverlayMsg::Confirm(true)), t(4));
        let editor = s.run().unwrap().overlays.editor().cloned().unwrap();
        assert_eq!(editor.contents(), "Å bli sett");
    }

    #[test]
    fn selection_moves_clamp_at_both_ends_and_empty_lists_select_nothing() {
        let ids = [4, 7, 9];
        assert_eq!(Select::Next.among(&ids, None), Some(4));
        assert_eq!(Select::Previous.among(&ids, None), Some(9));
        assert_eq!(Select::Next.among(&ids, Some(&7)), Some(9));
        assert_eq!(Select::Next.among(&ids, Some(&9)), Some(9));
        assert_eq!(Select::Previous.among(&ids, Some(&4)), Some(4));
        assert_eq!(Select::First.among(&ids, Some(&9)), Some(4));
        assert_eq!(Select::Last.among(&ids, Some(&4)), Some(9));
        // A selected note that was deleted: start over from the ends.
        assert_eq!(Select::Next.among(&ids, Some(&5)), Some(4));
        assert_eq!(Select::Next.among(&[], Some(&4)), None);
    }

    fn run(s: &State) -> &Run {
        s.run().unwrap()
    }

    fn typed(s: &mut State, text: &str, at: i64) {
        for c in text.chars() {
            let key = match c {
                '\n' => KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE),
                c => KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
            };
            update(s, Msg::Overlay(OverlayMsg::EditorKey(key)), t(at));
        }
    }

    fn esc() -> Msg {
        Msg::Overlay(OverlayMsg::EditorKey(KeyEvent::new(
            KeyCode::Esc,
            KeyModifiers::NONE,
        )))
    }

    #[test]
    fn a_note_is_written_with_norwegian_letters_and_saved_on_esc() {
        let mut s = state();
        update(
            &mut s,
            Msg::Run(RunMsg::SetGroup(GroupLabel::Group(4))),
            t(0),
        );
        update(&mut s, Msg::Run(RunMsg::NewNote), t(1));
        typed(&mut s, "Blåbær og rødøyd ærlighet\nlinje to q", 2);
        assert!(run(&s).session.notes.is_empty(), "nothing saved before Esc");
        assert_eq!(update(&mut s, esc(), t(3)), vec![Effect::Save]);
        let note = &run(&s).session.notes[0];
        assert_eq!(note.text, "Blåbær og rødøyd ærlighet\nlinje to q");
        assert_eq!(note.group, GroupLabel::Group(4));
        assert_eq!(note.item, "velkommen");
        assert_eq!(note.prompt.as_deref(), Some("p1"));
        assert_eq!(note.created, t(3));
        assert!(run(&s).overlays.editor().is_none());
        assert_eq!(run(&s).screen.selected, Some(note.id.clone()));
    }

    #[test]
    fn esc_on_an_empty_editor_makes_no_note() {
        let mut s = state();
        update(&mut s, Msg::Run(RunMsg::NewNote), t(0));
        typed(&mut s, "  ", 0);
        update(&mut s, esc(), t(1));
        assert!(run(&s).session.notes.is_empty());
    }

    #[test]
    fn the_draft_is_kept_in_the_session_on_the_next_tick_and_reopened_after_a_crash() {
        let mut s = state();
        update(&mut s, Msg::Run(RunMsg::NewNote), t(0));
        typed(&mut s, "halvferdig tanke", 0);
        assert_eq!(run(&s).session.draft, None);
        assert_eq!(
            update(&mut s, Msg::System(SystemMsg::Tick), t(1)),
            vec![Effect::Save]
        );
        let draft = run(&s).session.draft.clone().unwrap();
        assert_eq!(draft.text, "halvferdig tanke");
        // Nothing new typed: no new save for the draft.
        saved(&mut s, Ok(0), 1);
        assert_eq!(update(&mut s, Msg::System(SystemMsg::Tick), t(2)), vec![]);

        // As after kill -9: the saved session opened again.
        let opened = Opened {
            resumed: true,
            ..Opened::new("01.ron", run(&s).session.clone())
        };
        let mut again = crate::app::running(Lang::Nb, s.programs.clone(), opened, t(60));
        assert_eq!(
            run(&again).overlays.editor().unwrap().contents(),
            "halvferdig tanke"
        );
        typed(&mut again, " som ble ferdig", 61);
        update(&mut again, esc(), t(62));
        assert_eq!(
            run(&again).session.notes[0].text,
            "halvferdig tanke som ble ferdig"
        );
        assert_eq!(run(&again).session.draft, None);
    }

    #[test]
    fn a_paste_while_a_question_is_up_leaves_the_question_on_top() {
        let mut s = with_notes(&["en"]);
        update(&mut s, Msg::Run(RunMsg::DeleteNote), t(1));
        let paste = Msg::System(SystemMsg::Paste("hei".into()));
        update(&mut s, paste, t(2));
        assert_eq!(
            run(&s).overlays.confirm(),
            Some(&Confirm::Delete("f-1".into()))
        );
        assert_eq!(
            crate::app::keys::Mode::of(&s),
            crate::app::keys::Mode::Confirm
        );
        update(&mut s, Msg::Overlay(OverlayMsg::Confirm(true)), t(3));
        assert!(run(&s).session.notes.iter().all(|n| n.text != "en"));
        // The pasted text waits in the editor under the question, not lost.
        assert_eq!(run(&s).overlays.editor().unwrap().contents(), "hei");
    }

    #[test]
    fn paste_goes_into_the_editor_or_starts_a_note() {
        let mut s = state();
        update(
            &mut s,
            Msg::System(SystemMsg::Paste("limt inn\r\nfra e-post".into())),
            t(0),
        );
        assert_eq!(
            run(&s).overlays.editor().unwrap().contents(),
            "limt inn\nfra e-post"
        );
        update(
            &mut s,
            Msg::System(SystemMsg::Paste(" – og mer".into())),
            t(0),
        );
        update(&mut s, esc(), t(1));
        assert_eq!(
            run(&s).session.notes[0].text,
            "limt inn\nfra e-post – og mer"
        );
    }

    fn with_notes(texts: &[&str]) -> State {
        let mut s = state();
        for (i, text) in texts.iter().enumerate() {
            update(&mut s, Msg::Run(RunMsg::NewNote), t(i as i64));
            typed(&mut s, text, i as i64);
            update(&mut s, esc(), t(i as i64));
        }
        s
    }

    #[test]
    fn notes_are_selected_marked_and_edited() {
        let mut s = with_notes(&["en", "to", "tre"]);
        update(&mut s, Msg::Run(RunMsg::SelectNote(Select::First)), t(5));
        assert_eq!(run(&s).selected_note().unwrap().text, "en");
        update(&mut s, Msg::Run(RunMsg::SelectNote(Select::Next)), t(5));
        update(&mut s, Msg::Run(RunMsg::ToggleHighlight), t(6));
        update(&mut s, Msg::Run(RunMsg::TogglePrivate), t(6));
        let n = run(&s).selected_note().unwrap();
        assert_eq!(
            (n.text.as_str(), n.kind, n.private),
            ("to", NoteKind::Highlight, true)
        );
        update(&mut s, Msg::Run(RunMsg::ToggleParkingLot), t(7));
        assert_eq!(run(&s).selected_note().unwrap().kind, NoteKind::ParkingLot);
        update(&mut s, Msg::Run(RunMsg::EditNote), t(8));
        typed(&mut s, " og et halvt", 8);
        update(&mut s, esc(), t(9));
        let n = run(&s).selected_note().unwrap();
        assert_eq!(n.text, "to og et halvt");
        assert_eq!(n.edited, t(9));
        assert_eq!(run(&s).session.notes.len(), 3);
    }

    #[test]
    fn delete_asks_and_undo_brings_the_note_back_where_it_was() {
        let mut s = with_notes(&["en", "to", "tre"]);
        update(&mut s, Msg::Run(RunMsg::SelectNote(Select::First)), t(5));
        update(&mut s, Msg::Run(RunMsg::SelectNote(Select::Next)), t(5));
        update(&mut s, Msg::Run(RunMsg::DeleteNote), t(5));
        assert_eq!(
            run(&s).overlays.confirm(),
            Some(&Confirm::Delete("f-2".into()))
        );
        assert_eq!(
            run(&s).session.notes.len(),
            3,
            "nothing deleted before the answer"
        );
        update(&mut s, Msg::Overlay(OverlayMsg::Confirm(false)), t(5));
        assert_eq!(run(&s).session.notes.len(), 3);
        update(&mut s, Msg::Run(RunMsg::DeleteNote), t(6));
        assert_eq!(
            update(&mut s, Msg::Overlay(OverlayMsg::Confirm(true)), t(6)),
            vec![Effect::Save]
        );
        let texts = |s: &State| -> Vec<String> {
            run(s)
                .session
                .notes
                .iter()
                .map(|n| n.text.clone())
                .collect()
        };
        assert_eq!(texts(&s), ["en", "tre"]);
        // The deleted note is kept as a tombstone, with when.
        let tombstones = &run(&s).session.deleted;
        assert_eq!(tombstones.len(), 1);
        assert_eq!(
            (tombstones[0].note.text.as_str(), tombstones[0].at),
            ("to", t(6))
        );
        update(&mut s, Msg::Run(RunMsg::UndoDelete), t(7));
        assert_eq!(texts(&s), ["en", "to", "tre"]);
        assert!(run(&s).session.deleted.is_empty(), "undone: no tombstone");
        // A new note after a delete does not take the deleted one's id.
        update(&mut s, Msg::Run(RunMsg::DeleteNote), t(8));
        update(&mut s, Msg::Overlay(OverlayMsg::Confirm(true)), t(8));
        update(&mut s, Msg::Run(RunMsg::NewNote), t(9));
        typed(&mut s, "fire", 9);
        update(&mut s, esc(), t(9));
        assert_eq!(run(&s).session.deleted.len(), 1);
        assert_eq!(run(&s).session.notes.last().unwrap().id, "f-4".into());
    }

    #[test]
    fn quit_asks_only_when_the_editor_holds_text_and_then_keeps_it() {
        let mut s = state();
        update(&mut s, Msg::Run(RunMsg::NewNote), t(0));
        update(&mut s, Msg::System(SystemMsg::Quit), t(0));
        assert!(run(&s).overlays.editor().is_none());
        saved(&mut s, Ok(0), 0);
        assert!(s.quit, "an empty editor quits without asking");

        let mut s = state();
        update(&mut s, Msg::Run(RunMsg::NewNote), t(0));
        typed(&mut s, "viktig", 0);
        update(&mut s, Msg::System(SystemMsg::Quit), t(1));
        assert_eq!(run(&s).overlays.confirm(), Some(&Confirm::Quit));
        update(&mut s, Msg::Overlay(OverlayMsg::Confirm(false)), t(1));
        assert!(!s.quit);
        assert!(run(&s).overlays.editor().is_some(), "still writing");
        update(&mut s, Msg::System(SystemMsg::Quit), t(2));
        update(&mut s, Msg::Overlay(OverlayMsg::Confirm(true)), t(2));
        assert_eq!(run(&s).session.notes[0].text, "viktig");
        saved(&mut s, Ok(0), 2);
        assert!(s.quit);
    }

    #[test]
    fn text_that_would_make_the_file_too_large_to_read_back_is_refused() {
        let mut s = running();
        update(&mut s, Msg::Run(RunMsg::NewNote), t(0));
        // The session as last saved is just under the limit.
        let near = crate::store::load::MAX_FILE_BYTES - 100 * 1024;
        saved(&mut s, Ok(near), 1);
        update(
            &mut s,
            Msg::System(SystemMsg::Paste("liten tekst".into())),
            t(2),
        );
        assert_eq!(
            s.run().unwrap().overlays.editor().unwrap().contents(),
            "liten tekst"
        );
        let page = "x".repeat(100 * 1024);
        update(&mut s, Msg::System(SystemMsg::Paste(page)), t(3));
        let run = s.run().unwrap();
        assert!(run.saving.too_large, "said");
        assert_eq!(
            run.overlays.editor().unwrap().contents(),
            "liten tekst",
            "refused"
        );
        // Typing on is refused too, once at the limit, and the note is kept as it was.
        saved(&mut s, Ok(crate::store::load::MAX_FILE_BYTES), 4);
        let key = ratatui::crossterm::event::KeyEvent::new(
            KeyCode::Char('y'),
            ratatui::crossterm::event::KeyModifiers::NONE,
        );
        update(&mut s, Msg::Overlay(OverlayMsg::EditorKey(key)), t(5));
        assert_eq!(
            s.run().unwrap().overlays.editor().unwrap().contents(),
            "liten tekst"
        );
        // The next thing done takes the message away; the tick does not.
        update(&mut s, Msg::System(SystemMsg::Tick), t(6));
        assert!(s.run().unwrap().saving.too_large);
        update(
            &mut s,
            Msg::Run(RunMsg::SetGroup(crate::model::GroupLabel::Group(2))),
            t(7),
        );
        assert!(!s.run().unwrap().saving.too_large);
    }
}

#[cfg(test)]
mod writers {
    use ratatui::crossterm::event::KeyCode;

    use crate::app::run::Role;
    use crate::app::testing::{press, running, t, typed};
    use crate::app::{Msg, State, SystemMsg, update};
    use crate::model::change::Change;
    use crate::model::{FACILITATOR, ItemKind, Note, NoteId, NoteKind};

    fn kari() -> Role {
        Role::NoteTaker {
            tag: "kari-pc".into(),
            name: "Kari".into(),
        }
    }

    fn taking() -> State {
        let mut s = running();
        if let crate::app::Screen::Run(run) = &mut s.screen {
            run.role = kari();
        }
        s
    }

    fn run(s: &State) -> &super::Run {
        s.run().expect("running")
    }

    fn write(s: &mut State, text: &str, at: i64) {
        press(s, KeyCode::Char('i'), at);
        typed(s, text, at);
        press(s, KeyCode::Esc, at);
    }

    /// A note of another writer, as a merge brings it.
    fn foreign(s: &State, tag: &str, text: &str) -> Note {
        let session = &run(s).session;
        Note {
            id: session.next_note_id(tag),
            created: t(5),
            edited: t(5),
            item: session.current.clone(),
            prompt: None,
            group: crate::model::GroupLabel::Group(2),
            kind: NoteKind::Reflection,
            text: text.into(),
            private: false,
            by: (tag != FACILITATOR).then(|| "Per".into()),
        }
    }

    #[test]
    fn a_note_taker_writes_its_own_notes_and_leaves_the_clock_and_the_agenda_alone() {
        let mut s = taking();
        let before = run(&s).session.clone();
        for key in [' ', 'n', '+', ']', 'p', 'a', 't', 'v', 'm', 'r'] {
            press(&mut s, KeyCode::Char(key), 1);
        }
        assert_eq!(
            run(&s).session,
            before,
            "nothing of the facilitator's changed"
        );
        assert!(run(&s).overlays.top().is_none());
        press(&mut s, KeyCode::Char('3'), 2);
        write(&mut s, "Trygghet", 3);
        let note = run(&s).session.notes.last().unwrap().clone();
        assert_eq!(note.id, NoteId::new("kari-pc", 1));
        assert_eq!(note.by.as_deref(), Some("Kari"));
        assert_eq!(note.group, crate::model::GroupLabel::Group(3));
    }

    #[test]
    fn a_note_taker_changes_only_its_own_notes_and_not_the_facilitators_marks() {
        let mut s = taking();
        let theirs = foreign(&s, FACILITATOR, "Veileders notat");
        update(&mut s, Msg::System(SystemMsg::Merged(vec![])), t(6));
        if let crate::app::Screen::Run(r) = &mut s.screen {
            r.session.push_note(theirs.clone());
            r.screen.selected = Some(theirs.id.clone());
        }
        let before = run(&s).session.clone();
        for key in ['e', '*', 'x', 'd'] {
            press(&mut s, KeyCode::Char(key), 7);
            assert_eq!(run(&s).session, before, "{key}");
            assert!(run(&s).overlays.top().is_none(), "{key}");
        }
        assert_eq!(
            run(&s).screen.message.as_deref(),
            Some(s.lang.strings().not_your_note)
        );
        // Its own note, marked by the facilitator: the mark stays the facilitator's.
        write(&mut s, "Min", 8);
        let mine = run(&s).session.notes.last().unwrap().id.clone();
        if let crate::app::Screen::Run(r) = &mut s.screen {
            r.session.marks.push(crate::model::Mark {
                note: mine.clone(),
                kind: NoteKind::Highlight,
                private: false,
            });
            r.session.apply_marks();
        }
        press(&mut s, KeyCode::Char('*'), 9);
        let note = run(&s).session.note_list().find(|n| n.id == mine).unwrap();
        assert_eq!(note.kind, NoteKind::Highlight);
        assert_eq!(
            run(&s).screen.message.as_deref(),
            Some(s.lang.strings().marked_by_facilitator)
        );
    }

    #[test]
    fn a_note_taker_opened_at_siden_sist_gets_no_review_of_its_own() {
        let program = crate::store::catalog::builtin().0.remove(0);
        let plan = program.gathering(2).expect("gathering 2").clone();
        let mut session =
            crate::model::Session::new(&program, &plan, "02".into(), t(0).0.date_naive());
        let since_last = session
            .agenda
            .iter()
            .find(|i| i.kind == ItemKind::SinceLast);
        session.current = since_last.expect("a 'siden sist' item").id.clone();
        let mut previous = crate::model::sample::big_session(0, 2);
        previous.id = "01".into();
        for c in &mut previous.agreements {
            c.origin.session = previous.id.clone();
        }
        session.carry_from(&previous);
        let mut opened = crate::app::Opened::new("/x/02.ron", session);
        let lang = crate::i18n::Lang::Nb;
        let facilitator = crate::app::running(lang, vec![program.clone()], opened.clone(), t(0));
        assert!(
            run(&facilitator).overlays.review().is_some(),
            "the facilitator's review"
        );
        opened.role = kari();
        let s = crate::app::running(lang, vec![program], opened, t(0));
        assert!(run(&s).overlays.top().is_none());
    }

    #[test]
    fn a_note_takers_undo_is_a_newer_version_than_its_delete() {
        let mut s = taking();
        write(&mut s, "Angret", 3);
        press(&mut s, KeyCode::Char('d'), 4);
        press(&mut s, KeyCode::Char('j'), 4);
        assert!(run(&s).session.notes.iter().all(|n| n.text != "Angret"));
        press(&mut s, KeyCode::Char('u'), 5);
        let back = run(&s)
            .session
            .note_list()
            .find(|n| n.text == "Angret")
            .unwrap();
        let dead = t(3);
        assert!(back.edited > dead, "{:?}", back.edited);
    }

    #[test]
    fn the_facilitator_marks_a_note_takers_note_apart_and_leaves_its_text_alone() {
        let mut s = running();
        let pers = foreign(&s, "per-mac", "Pers notat");
        let merged = vec![("per-mac".to_string(), vec![Change::Note(pers.clone())])];
        assert!(!update(&mut s, Msg::System(SystemMsg::Merged(merged)), t(6)).is_empty());
        assert!(run(&s).session.note_list().any(|n| *n == pers));
        if let crate::app::Screen::Run(r) = &mut s.screen {
            r.screen.selected = Some(pers.id.clone());
        }
        press(&mut s, KeyCode::Char('*'), 7);
        let note = run(&s)
            .session
            .note_list()
            .find(|n| n.id == pers.id)
            .unwrap();
        assert_eq!((note.kind, note.edited), (NoteKind::Highlight, pers.edited));
        assert_eq!(run(&s).session.marks.len(), 1);
        press(&mut s, KeyCode::Char('e'), 8);
        assert!(run(&s).overlays.editor().is_none(), "the text is Per's");
        // The same merge again changes nothing and asks for no save.
        let merged = vec![("per-mac".to_string(), vec![Change::Note(pers)])];
        assert!(update(&mut s, Msg::System(SystemMsg::Merged(merged)), t(9)).is_empty());
    }

    // Found by a review of the merge: each failed before its fix.

    #[test]
    fn an_edit_being_typed_when_the_facilitator_deletes_the_note_brings_it_back() {
        let mut s = taking();
        write(&mut s, "Min", 3);
        let id = run(&s).session.notes.last().unwrap().id.clone();
        press(&mut s, KeyCode::Char('e'), 4);
        assert!(run(&s).overlays.editor().is_some());
        typed(&mut s, " og mer", 4);
        // The facilitator deletes it; Kari's samling reads the folder again.
        let mut disk = run(&s).session.clone();
        let at = disk.notes.iter().position(|n| n.id == id).unwrap();
        let gone = disk.notes_mut().remove(at);
        disk.deleted.push(crate::model::Deleted {
            at: t(5),
            note: Note::clone(&gone),
        });
        update(
            &mut s,
            Msg::System(SystemMsg::Followed(Box::new(disk))),
            t(5),
        );
        press(&mut s, KeyCode::Esc, 6);
        let sess = &run(&s).session;
        let kept = sess.note_list().any(|n| n.text.contains("og mer"))
            || sess.deleted.iter().any(|d| d.note.text.contains("og mer"))
            || sess
                .draft
                .as_ref()
                .is_some_and(|d| d.text.contains("og mer"));
        assert!(kept, "the typed edit is gone");
    }

    #[test]
    fn a_note_on_an_item_no_longer_in_the_agenda_is_not_merged() {
        let mut s = running();
        let mut pers = foreign(&s, "per-mac", "Pers notat");
        pers.item = "fjernet".into();
        let merged = vec![("per-mac".to_string(), vec![Change::Note(pers)])];
        update(&mut s, Msg::System(SystemMsg::Merged(merged)), t(6));
        let session = run(&s).session.clone();
        let found = crate::model::validate::session(&session);
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("01-2026-11-23.ron");
        crate::store::save_session(&file, &session).unwrap();
        let loaded = crate::store::load_session(&file);
        assert!(
            found.is_empty() && loaded.is_ok(),
            "invalid after merge: {found:?}; the whole write does not load: {:?}",
            loaded.err()
        );
    }

    /// Kari edits her note at 13:03:20; her laptop joins the school network and its clock is
    /// set back a minute; she edits it again. The second edit is an older version by `edited`.
    #[test]
    fn an_edit_after_the_clock_was_set_back_is_still_a_newer_version() {
        use crate::model::change::{Merged, Replay};
        let mut s = taking();
        write(&mut s, "Først", 100);
        let id = run(&s).session.notes.last().unwrap().id.clone();
        let version = |s: &State| {
            run(s)
                .session
                .note_list()
                .find(|n| n.id == id)
                .unwrap()
                .clone()
        };
        press(&mut s, KeyCode::Char('e'), 200);
        typed(&mut s, " rettet", 200);
        press(&mut s, KeyCode::Esc, 200);
        let (v2, at_v2) = (version(&s), run(&s).session.clone());
        press(&mut s, KeyCode::Char('e'), 140);
        typed(&mut s, " igjen", 140);
        press(&mut s, KeyCode::Esc, 140);
        let v3 = version(&s);
        assert!(v3.text.ends_with("igjen") && v3.edited > v2.edited);
        // Merged where the version before is, the new one wins.
        let mut replay = Replay::new(at_v2);
        assert_eq!(replay.merge("kari-pc", Change::Note(v3)), Merged::Applied);
    }

    /// Per's note, from his journal (private or not).
    fn per(s: &State, private: bool) -> Note {
        Note {
            private,
            ..foreign(s, "per-mac", "Pers notat")
        }
    }

    fn merge(s: &mut State, n: &Note, at: i64) -> Vec<crate::app::Effect> {
        let merged = vec![("per-mac".to_string(), vec![Change::Note(n.clone())])];
        update(s, Msg::System(SystemMsg::Merged(merged)), t(at))
    }

    fn shown(s: &State, id: &NoteId) -> Note {
        run(s)
            .session
            .note_list()
            .find(|n| n.id == *id)
            .unwrap()
            .clone()
    }

    fn select(s: &mut State, id: &NoteId) {
        if let crate::app::Screen::Run(r) = &mut s.screen {
            r.screen.selected = Some(id.clone());
        }
    }

    // Marks and privacy between the facilitator and a note-taker, found by a second review.

    #[test]
    fn a_highlight_on_a_private_note_leaves_its_privacy_to_its_writer() {
        let mut s = running();
        let v1 = per(&s, true);
        merge(&mut s, &v1, 6);
        select(&mut s, &v1.id);
        press(&mut s, KeyCode::Char('*'), 7);
        assert_eq!(shown(&s, &v1.id).kind, NoteKind::Highlight);
        // `x` now is still refused: the privacy is Per's.
        press(&mut s, KeyCode::Char('x'), 8);
        assert!(shown(&s, &v1.id).private);
        // Per makes it public himself.
        let mut v2 = v1.clone();
        (v2.private, v2.edited) = (false, t(9));
        merge(&mut s, &v2, 10);
        let note = shown(&s, &v1.id);
        assert_eq!((note.kind, note.private), (NoteKind::Highlight, false));
    }

    #[test]
    fn the_facilitators_privacy_taken_back_waits_for_the_writers_version() {
        let mut s = running();
        let v1 = per(&s, false);
        merge(&mut s, &v1, 6);
        select(&mut s, &v1.id);
        press(&mut s, KeyCode::Char('x'), 7);
        assert!(shown(&s, &v1.id).private, "private by the facilitator");
        // Taken back: still private until Per's own version is read again, at once.
        let effects = press(&mut s, KeyCode::Char('x'), 8);
        assert!(effects.contains(&crate::app::Effect::Reread), "{effects:?}");
        assert!(shown(&s, &v1.id).private);
        merge(&mut s, &v1, 8);
        assert!(!shown(&s, &v1.id).private, "Per's version is public");
        // Had Per made it private meanwhile, it would have stayed so.
        press(&mut s, KeyCode::Char('x'), 9);
        press(&mut s, KeyCode::Char('x'), 10);
        let mut secret = v1.clone();
        (secret.private, secret.edited) = (true, t(10));
        merge(&mut s, &secret, 10);
        assert!(shown(&s, &v1.id).private);
    }

    #[test]
    fn a_note_takers_own_versions_are_saved_without_the_facilitators_marks() {
        let mut k = running();
        if let crate::app::Screen::Run(r) = &mut k.screen {
            r.role = kari();
        }
        press(&mut k, KeyCode::Char('i'), 3);
        typed(&mut k, "Min", 3);
        press(&mut k, KeyCode::Esc, 3);
        let v1 = run(&k).session.notes.last().unwrap().clone();
        // The facilitator's `x` reaches Kari's samling as a mark (not laid over her notes).
        if let crate::app::Screen::Run(r) = &mut k.screen {
            r.session.marks.push(crate::model::Mark {
                note: v1.id.clone(),
                kind: NoteKind::Reflection,
                private: true,
            });
        }
        press(&mut k, KeyCode::Char('e'), 10);
        typed(&mut k, " og mer", 10);
        press(&mut k, KeyCode::Esc, 10);
        let v2 = shown(&k, &v1.id);
        assert!(
            v2.text.ends_with("og mer") && !v2.private,
            "her own version"
        );
        assert!(
            run(&k).session.shown(&v2).private,
            "shown private, as marked"
        );
    }
}
