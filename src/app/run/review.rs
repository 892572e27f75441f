//! "Siden sist": going through the agreements carried from earlier gatherings, one key per
//! status, with an optional short comment. Each mark is added to the agreement's history, so
//! the minutes can show what was agreed, when, and how it went; nothing is erased. An
//! agreement left open simply stays open and is carried again: none is lost without a key press.

use super::Run;
use crate::app::msg::Effect;
use crate::app::overlay::{Form, FormKind, Overlay, Review};
use crate::model::{AgreementId, Status, StatusChange, Timestamp};

impl Run {
    /// The agreements to review, in the order carried.
    pub fn review_ids(&self) -> Vec<AgreementId> {
        self.session.carried().map(|c| c.id.clone()).collect()
    }

    /// `v` (or arriving at "Siden sist"): opens the review on the first agreement not yet
    /// given a status at this gathering, so a review taken up again after a break or a restart
    /// goes on where it stopped.
    pub fn open_review(&mut self, by_hand: bool) {
        let selected = self
            .session
            .carried()
            .position(|c| c.history.last().is_none_or(|h| h.at < self.opened_at))
            .unwrap_or(0);
        self.overlays
            .open(Overlay::Review(Review { selected, by_hand }));
    }

    /// Moves the cursor among the carried agreements.
    pub fn review_move(&mut self, down: bool) {
        let count = self.review_ids().len();
        if let Some(r) = self.overlays.review_mut() {
            r.selected = if down {
                (r.selected + 1).min(count.saturating_sub(1))
            } else {
                r.selected.saturating_sub(1)
            };
        }
    }

    fn reviewed_id(&self) -> Option<AgreementId> {
        let r = self.overlays.review()?;
        self.session.carried().nth(r.selected).map(|c| c.id.clone())
    }

    /// Gives the selected agreement a status now; a second press of the same key does nothing.
    pub fn mark(&mut self, status: Status, now: Timestamp) -> Vec<Effect> {
        let Some(id) = self.reviewed_id() else {
            return Vec::new();
        };
        let Some(c) = self.session.agreements.iter_mut().find(|c| c.id == id) else {
            return Vec::new();
        };
        if c.history
            .last()
            .is_some_and(|h| h.status == status && h.at >= self.opened_at)
        {
            return Vec::new();
        }
        let at = c.history.last().map_or(now, |h| h.at.max(now));
        c.history.push(StatusChange {
            status,
            at,
            comment: String::new(),
        });
        // The selection stays on the agreement just marked, so "mark, then `k`" comments the
        // one that was marked; `↓` goes on to the next.
        self.mark_changed()
    }

    /// `e`: the selected agreement's text, who and due date, to change. It keeps its id, so
    /// the changed words are the same agreement's, in this gathering and those after.
    pub fn edit_reviewed(&mut self) {
        if let Some(id) = self.reviewed_id() {
            self.open_form(FormKind::EditAgreement(id));
        }
    }

    /// `k`: a comment on the selected agreement's latest status.
    pub fn open_comment(&mut self) {
        let Some(id) = self.reviewed_id() else {
            return;
        };
        let comment = self
            .session
            .agreements
            .iter()
            .find(|c| c.id == id)
            .and_then(|c| c.history.last())
            .filter(|h| h.at >= self.opened_at)
            .map(|h| h.comment.clone())
            .unwrap_or_default();
        self.overlays
            .open(Overlay::Form(Form::new(FormKind::Comment(id), &[&comment])));
    }

    /// Stores a comment: on the status given at this gathering, or with the status as it
    /// stands if none was given yet.
    pub fn set_comment(
        &mut self,
        id: &AgreementId,
        comment: String,
        now: Timestamp,
    ) -> Vec<Effect> {
        let opened_at = self.opened_at;
        let Some(c) = self.session.agreements.iter_mut().find(|c| c.id == *id) else {
            return Vec::new();
        };
        match c.history.last_mut() {
            Some(h) if h.at >= opened_at => {
                if h.comment == comment {
                    return Vec::new();
                }
                h.comment = comment;
            }
            _ if comment.is_empty() => return Vec::new(),
            last => {
                let at = last.map_or(now, |h| h.at.max(now));
                let status = c.status();
                c.history.push(StatusChange {
                    status,
                    at,
                    comment,
                });
            }
        }
        self.mark_changed()
    }
}

#[cfg(test)]
mod tests {
    use crate::app::{OverlayMsg, RunMsg, SystemMsg};
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use crate::app::testing::{running, t};
    use crate::app::{Effect, Msg, Screen, State, update};
    use crate::model::sample::big_session;
    use crate::model::{Status, Timestamp};

    /// Gathering 2 opened with three agreements carried from gathering 1.
    fn reviewing() -> State {
        let mut s = running();
        let mut previous = big_session(0, 3);
        previous.id = "01-2026-09-14".into();
        for c in &mut previous.agreements {
            c.origin.session = previous.id.clone();
            for h in &mut c.history {
                h.at = Timestamp::parse("2026-09-14T15:50:00+02:00").unwrap();
            }
        }
        if let Screen::Run(run) = &mut s.screen {
            run.session.carry_from(&previous);
        }
        update(&mut s, Msg::Run(RunMsg::OpenReview), t(0));
        s
    }

    fn statuses(s: &State) -> Vec<Status> {
        s.run()
            .unwrap()
            .session
            .carried()
            .map(|c| c.status())
            .collect()
    }

    #[test]
    fn minutes_that_exist_are_replaced_only_after_asking() {
        let mut s = running();
        assert_eq!(
            update(&mut s, Msg::Run(RunMsg::ExportMinutes), t(0)),
            vec![Effect::ExportMinutes { replace: false }]
        );
        update(
            &mut s,
            Msg::System(SystemMsg::ExportExists("x.ron.referat.md".into())),
            t(0),
        );
        assert_eq!(
            s.run().unwrap().overlays.confirm(),
            Some(&crate::app::Confirm::ReplaceMinutes)
        );
        assert_eq!(
            update(&mut s, Msg::Overlay(OverlayMsg::Confirm(true)), t(1)),
            vec![Effect::ExportMinutes { replace: true }]
        );
        update(
            &mut s,
            Msg::System(SystemMsg::Exported(Ok("x.ron.referat.md".into()))),
            t(1),
        );
        assert_eq!(
            s.run().unwrap().screen.message.as_deref(),
            Some("Referatet er skrevet til x.ron.referat.md")
        );
    }

    #[test]
    fn the_session_records_what_the_room_sees_and_saves_when_it_changes() {
        let mut s = reviewing();
        let ids: Vec<_> = s
            .run()
            .unwrap()
            .session
            .carried()
            .map(|c| c.id.clone())
            .collect();
        assert_eq!(s.run().unwrap().session.room.review.as_ref(), Some(&ids[0]));
        let effects = update(&mut s, Msg::Overlay(OverlayMsg::ReviewMove(true)), t(1));
        assert_eq!(effects, vec![Effect::Save], "the follower must see it");
        assert_eq!(s.run().unwrap().session.room.review.as_ref(), Some(&ids[1]));
        update(&mut s, Msg::Run(RunMsg::ToggleMirror), t(2));
        assert!(s.run().unwrap().session.room.mirror);
        update(&mut s, Msg::Overlay(OverlayMsg::Close), t(3));
        update(&mut s, Msg::Run(RunMsg::ToggleMirror), t(4));
        let session = &s.run().unwrap().session;
        assert!(session.room.is_quiet());
        // Drawn from the file, the room's view is the facilitator's.
        let from_file = crate::app::ScreenState::of_room(session);
        assert_eq!(from_file.review, None);
        assert!(!from_file.mirror);
        // A key that changes nothing the room sees saves nothing.
        assert_eq!(
            update(
                &mut s,
                Msg::Run(RunMsg::SetGroup(crate::model::GroupLabel::Group(2))),
                t(5)
            ),
            vec![]
        );
    }

    #[test]
    fn arriving_at_siden_sist_opens_the_review_and_leaving_closes_it() {
        let mut s = reviewing();
        update(&mut s, Msg::Overlay(OverlayMsg::Close), t(0));
        assert!(s.run().unwrap().overlays.review().is_none());
        // Gathering 1's agenda has no "Siden sist" item: make the second item one.
        if let Screen::Run(run) = &mut s.screen {
            run.session.agenda[1].kind = crate::model::ItemKind::SinceLast;
        }
        update(&mut s, Msg::Run(RunMsg::Next), t(60));
        assert!(s.run().unwrap().overlays.review().is_some());
        update(&mut s, Msg::Run(RunMsg::Next), t(120));
        assert!(s.run().unwrap().overlays.review().is_none());
    }

    #[test]
    fn resuming_at_siden_sist_opens_the_review_unless_a_draft_is_open() {
        let at_since_last = |draft: bool| {
            let s = reviewing();
            let mut session = s.run().unwrap().session.clone();
            session.agenda[0].kind = crate::model::ItemKind::SinceLast;
            if draft {
                session.draft = Some(crate::model::Draft {
                    note: None,
                    item: session.agenda[0].id.clone(),
                    prompt: None,
                    group: crate::model::GroupLabel::Plenary,
                    text: "Halvveis".into(),
                });
            }
            let opened = crate::app::Opened {
                resumed: true,
                ..crate::app::Opened::new("x.ron", session)
            };
            let resumed =
                crate::app::running(crate::i18n::Lang::Nb, s.programs.clone(), opened, t(10));
            let run = resumed.run().unwrap();
            (
                run.overlays.review().is_some(),
                run.overlays.editor().is_some(),
            )
        };
        assert_eq!(at_since_last(false), (true, false));
        assert_eq!(at_since_last(true), (false, true));
    }

    #[test]
    fn one_key_per_status_and_down_to_the_next() {
        let mut s = reviewing();
        assert_eq!(
            update(&mut s, Msg::Overlay(OverlayMsg::Mark(Status::Done)), t(10)),
            vec![Effect::Save]
        );
        update(&mut s, Msg::Overlay(OverlayMsg::ReviewMove(true)), t(11));
        update(
            &mut s,
            Msg::Overlay(OverlayMsg::Mark(Status::Partly)),
            t(20),
        );
        update(&mut s, Msg::Overlay(OverlayMsg::ReviewMove(true)), t(21));
        update(
            &mut s,
            Msg::Overlay(OverlayMsg::Mark(Status::Dropped)),
            t(30),
        );
        assert_eq!(
            statuses(&s),
            [Status::Done, Status::Partly, Status::Dropped]
        );
        // The history keeps what it was.
        let first = s.run().unwrap().session.carried().next().unwrap().clone();
        assert_eq!(first.history.len(), 2);
        assert_eq!(first.history[0].status, Status::Open);
    }

    #[test]
    fn the_review_opened_again_goes_on_at_the_first_agreement_not_yet_marked() {
        let mut s = reviewing();
        update(&mut s, Msg::Overlay(OverlayMsg::Mark(Status::Done)), t(10));
        update(&mut s, Msg::Overlay(OverlayMsg::Close), t(20));
        update(&mut s, Msg::Run(RunMsg::OpenReview), t(30));
        assert_eq!(s.run().unwrap().overlays.review().unwrap().selected, 1);
        update(&mut s, Msg::Overlay(OverlayMsg::Mark(Status::Done)), t(40));
        update(&mut s, Msg::Overlay(OverlayMsg::ReviewMove(true)), t(41));
        update(&mut s, Msg::Overlay(OverlayMsg::Mark(Status::Done)), t(50));
        update(&mut s, Msg::Overlay(OverlayMsg::Close), t(60));
        // All marked: from the top.
        update(&mut s, Msg::Run(RunMsg::OpenReview), t(70));
        assert_eq!(s.run().unwrap().overlays.review().unwrap().selected, 0);
    }

    #[test]
    fn mark_then_k_comments_the_agreement_just_marked() {
        let mut s = reviewing();
        let key = |c| Msg::Overlay(OverlayMsg::FormKey(KeyEvent::new(c, KeyModifiers::NONE)));
        update(
            &mut s,
            Msg::Overlay(OverlayMsg::Mark(Status::NotDone)),
            t(10),
        );
        update(&mut s, Msg::Overlay(OverlayMsg::OpenComment), t(11));
        for c in "ikke tid".chars() {
            update(&mut s, key(KeyCode::Char(c)), t(11));
        }
        update(&mut s, key(KeyCode::Enter), t(12));
        let carried: Vec<_> = s.run().unwrap().session.carried().cloned().collect();
        assert_eq!(carried[0].status(), Status::NotDone);
        assert_eq!(carried[0].history.last().unwrap().comment, "ikke tid");
        assert_eq!(carried[1].status(), Status::Open);
        assert!(carried[1].history.iter().all(|h| h.comment.is_empty()));
    }

    #[test]
    fn changing_ones_mind_adds_to_the_history_and_pressing_twice_does_not() {
        let mut s = reviewing();
        update(
            &mut s,
            Msg::Overlay(OverlayMsg::Mark(Status::NotDone)),
            t(10),
        );
        update(&mut s, Msg::Overlay(OverlayMsg::ReviewMove(false)), t(11));
        assert_eq!(
            update(
                &mut s,
                Msg::Overlay(OverlayMsg::Mark(Status::NotDone)),
                t(12)
            ),
            vec![]
        );
        update(&mut s, Msg::Overlay(OverlayMsg::ReviewMove(false)), t(13));
        update(&mut s, Msg::Overlay(OverlayMsg::Mark(Status::Done)), t(14));
        let first = s.run().unwrap().session.carried().next().unwrap().clone();
        let h: Vec<_> = first.history.iter().map(|h| h.status).collect();
        assert_eq!(h, [Status::Open, Status::NotDone, Status::Done]);
    }

    #[test]
    fn a_comment_goes_with_the_status_given_now_or_with_the_status_as_it_is() {
        let mut s = reviewing();
        let key = |c| Msg::Overlay(OverlayMsg::FormKey(KeyEvent::new(c, KeyModifiers::NONE)));
        update(
            &mut s,
            Msg::Overlay(OverlayMsg::Mark(Status::Partly)),
            t(10),
        );
        update(&mut s, Msg::Overlay(OverlayMsg::ReviewMove(false)), t(11));
        update(&mut s, Msg::Overlay(OverlayMsg::OpenComment), t(12));
        for c in "to av tre klasser".chars() {
            update(&mut s, key(KeyCode::Char(c)), t(12));
        }
        assert_eq!(
            update(&mut s, key(KeyCode::Enter), t(13)),
            vec![Effect::Save]
        );
        let carried: Vec<_> = s.run().unwrap().session.carried().cloned().collect();
        assert_eq!(
            carried[0].history.len(),
            2,
            "the comment joined the status of today"
        );
        assert_eq!(carried[0].history[1].comment, "to av tre klasser");
        // A comment on one not yet reviewed keeps its status.
        update(&mut s, Msg::Overlay(OverlayMsg::ReviewMove(true)), t(14));
        update(&mut s, Msg::Overlay(OverlayMsg::OpenComment), t(15));
        for c in "ikke startet".chars() {
            update(&mut s, key(KeyCode::Char(c)), t(15));
        }
        update(&mut s, key(KeyCode::Enter), t(16));
        let second = s.run().unwrap().session.carried().nth(1).unwrap().clone();
        assert_eq!(second.status(), Status::Open);
        assert_eq!(second.history.last().unwrap().comment, "ikke startet");
    }

    #[test]
    fn a_carried_agreement_can_be_reworded_and_stays_the_same_agreement() {
        let key = |c| Msg::Overlay(OverlayMsg::FormKey(KeyEvent::new(c, KeyModifiers::NONE)));
        let mut s = reviewing();
        update(&mut s, Msg::Overlay(OverlayMsg::ReviewMove(true)), t(10));
        let before = s.run().unwrap().session.carried().nth(1).unwrap().clone();
        update(&mut s, Msg::Overlay(OverlayMsg::EditReviewed), t(11));
        // The form holds the agreement's words; replace the text.
        for _ in before.text.chars() {
            update(&mut s, key(KeyCode::Backspace), t(11));
        }
        for c in "LINK-økt i to klasser".chars() {
            update(&mut s, key(KeyCode::Char(c)), t(11));
        }
        update(&mut s, key(KeyCode::Esc), t(12));
        let run = s.run().unwrap();
        assert!(run.overlays.form().is_none());
        assert!(run.overlays.review().is_some(), "back in the review");
        let after = run.session.carried().nth(1).unwrap().clone();
        assert_eq!(after.text, "LINK-økt i to klasser");
        assert_eq!((&after.id, &after.origin), (&before.id, &before.origin));
        // The next gathering carries it by its id, with the new words.
        let mut next = big_session(0, 0);
        next.id = "03-2026-12-14".into();
        next.agreements.clear();
        next.carry_from(&run.session);
        let carried = next.carried().find(|c| c.id == before.id).unwrap();
        assert_eq!(carried.text, "LINK-økt i to klasser");
        let word = crate::model::session::latest_word([&run.session, &next]);
        assert_eq!(word.iter().filter(|c| c.id == before.id).count(), 1);
    }
}
