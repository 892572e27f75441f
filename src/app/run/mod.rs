//! Running a gathering: the state behind the facilitator and projector views, and what each
//! key does to it.
//!
//! Every change to the session asks for a save at once (timer transitions are the moments a
//! crash must not lose). A failed save leaves the session in memory, marks it unsaved, shows the
//! reason, and is tried again every tick until it works.

mod agreements;
mod notes;
mod review;
mod saving;
mod schedule;
mod screen;

pub use super::role::Role;
pub use saving::{SaveState, Saving};
pub use screen::{RunScreen, View};

use std::path::PathBuf;

use chrono::Duration;

use super::msg::{Effect, Msg, Opened, OverlayMsg, RunMsg, SystemMsg};
use super::overlay::{Confirm, FormKind, Overlay, Overlays, Typing};
use super::projector::ScreenState;
use crate::model::timer::{self, Phase};
use crate::model::{NoteId, NoteKind, Session, Timestamp};

/// What the bell last rang for: ringing again only when this changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Alert {
    item: usize,
    step: Option<usize>,
    over: bool,
}

/// Midnight at the start of the session's day, in the offset of `now`.
fn day_start(session: &Session, now: Timestamp) -> Timestamp {
    use chrono::TimeZone;
    let midnight = session.date.and_hms_opt(0, 0, 0).unwrap_or_default();
    Timestamp(
        now.0
            .offset()
            .from_local_datetime(&midnight)
            .single()
            .unwrap_or(now.0),
    )
}

/// How long the screen flashes after a signal.
const FLASH: i64 = 2;

/// A gathering in progress: the session and its file, what the facilitator's screen shows
/// beside it, what lies over it, and where it stands against the disk.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub session: Session,
    /// The session's file, to show where it is saved.
    pub file: PathBuf,
    /// The language of the screen: a form is filled in the words it reads back.
    pub lang: crate::lang::Lang,
    /// The view, the group, what is selected: where the facilitator is looking.
    pub screen: RunScreen,
    /// The review, editor, form, help or question over the screen; the top one gets the keys.
    pub overlays: Overlays,
    pub saving: Saving,
    /// Whether this session was resumed rather than started, to say so on screen.
    pub resumed: bool,
    /// Shown on the facilitator view until the gathering is closed: files that did not load,
    /// a rescue copy found beside the session, a failed export.
    pub notices: Vec<String>,
    /// The start of the gathering's day: statuses given since then were given at this
    /// gathering (a second press changes nothing; a comment joins them).
    pub opened_at: Timestamp,
    /// Notes deleted since the session was opened, newest last, for
    /// undo (the notes themselves are in the session's tombstones).
    pub deleted: Vec<NoteId>,
    /// Set by quit once everything is saved; the runtime then stops (or, with `leave`, the
    /// home screen comes back).
    pub quit: bool,
    /// Quitting goes back to the home screen rather than out (done preparing).
    pub leave: bool,
    /// The program's other gatherings' dates, to point out a clash while preparing.
    pub other_dates: Vec<(u32, chrono::NaiveDate)>,
    /// The program's title and its next gathering, for the room's welcome and thanks.
    pub occasion: super::projector::Occasion,
    /// The program's optional modules, to insert from the schedule panel.
    pub modules: Vec<crate::model::OptionalModule>,
    /// Opened to prepare before the day (`e` on the home screen): the schedule panel is the
    /// screen, and closing it goes back home.
    pub preparing: bool,
    /// Whose samling this is: a note-taker's follows the gathering and writes only its notes.
    pub role: Role,
    /// How many note-takers' notes on items no longer in the agenda were last named.
    pub unplaced: usize,
    alert: Alert,
}

impl Run {
    pub fn new(opened: Opened, lang: crate::lang::Lang, now: Timestamp) -> Self {
        let opened_at = day_start(&opened.session, now);
        let mut run = Run {
            session: opened.session,
            file: opened.path,
            lang,
            screen: RunScreen::default(),
            overlays: Overlays::default(),
            // The file was just written or read: it is on disk as it is in memory.
            saving: Saving::new(now),
            resumed: opened.resumed,
            notices: opened.notices,
            opened_at,
            deleted: Vec::new(),
            quit: false,
            leave: false,
            other_dates: opened.other_dates,
            occasion: opened.occasion,
            modules: Vec::new(),
            preparing: opened.preparing,
            role: opened.role,
            unplaced: 0,
            alert: Alert {
                item: 0,
                step: None,
                over: false,
            },
        };
        // A resumed session must not ring for what happened before it was opened.
        run.alert = run.alert_now(now);
        if run.preparing {
            run.overlays
                .open(Overlay::Schedule(crate::app::overlay::Schedule::new(
                    &run.session,
                )));
            return run;
        }
        // A note that was being written when samling stopped is open again, as it was.
        run.restore_draft();
        // Resumed at "Siden sist" (or a program that opens with it): the review is up, as if
        // the facilitator had just arrived there. A restored draft comes first.
        // Not for a note-taker: the review is the facilitator's.
        if run.overlays.editor().is_none() && !run.role.takes_notes() {
            run.arrive();
        }
        run
    }

    /// What of this run's screen state the room's view depends on.
    pub fn screen_state(&self) -> ScreenState {
        // A review that opened by itself before the gathering began is the facilitator's
        // preparation; the room is still being welcomed.
        let began = self.session.began().is_some();
        ScreenState {
            review: self
                .overlays
                .review()
                .filter(|r| r.by_hand || began)
                .map(|r| r.selected),
            mirror: self.screen.mirror,
            flash_until: self.screen.flash_until,
        }
    }

    /// The date of the next gathering, if planned: shown with "before the next gathering".
    pub fn next_gathering(&self) -> Option<chrono::NaiveDate> {
        self.occasion.next.as_ref().and_then(|n| n.date)
    }

    /// What the room sees at `now` (`None` when the agenda is empty).
    pub fn room_view(&self, now: Timestamp) -> Option<super::projector::ProjectorView> {
        let screen = self.screen_state();
        super::projector::ProjectorView::of(&self.session, &screen, &self.occasion, now)
    }

    /// The running step of the current item, if it has steps and one is running.
    pub fn step(&self, now: Timestamp) -> Option<timer::StepNow> {
        let item = self.session.current_item()?;
        timer::step(item, self.session.events_of(&item.id), now)
    }

    fn alert_now(&self, now: Timestamp) -> Alert {
        let running = self.session.phase() == Phase::Running;
        Alert {
            item: self.session.current_index(),
            step: self.step(now).map(|s| s.index),
            over: running && self.session.remaining(now) <= Duration::zero(),
        }
    }

    /// Rings when, on the same item and while it runs, the time reaches zero or a step ends.
    fn check_alerts(&mut self, now: Timestamp, bell: bool) -> Vec<Effect> {
        let was = self.alert;
        let is = self.alert_now(now);
        self.alert = is;
        let running = self.session.phase() == Phase::Running;
        let rang = running
            && was.item == is.item
            && ((is.over && !was.over) || (was.step.is_some() && is.step != was.step));
        if !rang {
            return Vec::new();
        }
        self.screen.flash_until = Some(now + Duration::seconds(FLASH));
        if bell { vec![Effect::Bell] } else { Vec::new() }
    }

    /// On arriving at an item: the "Siden sist" item opens the review of what the last
    /// gathering left, if there is anything; any other item closes it.
    ///
    /// "Da — nå" belongs to the item it was turned on for: last time's answers must not stay on
    /// the projector into the next item's silent step.
    fn arrive(&mut self) {
        self.screen.mirror = false;
        let since_last = self
            .session
            .current_item()
            .is_some_and(|i| i.kind == crate::model::ItemKind::SinceLast);
        if since_last && self.session.carried().next().is_some() {
            self.open_review(false);
        } else {
            self.overlays.close_review();
        }
    }

    /// Marks the session changed and asks for it to be saved.
    pub(super) fn mark_changed(&mut self) -> Vec<Effect> {
        self.saving.changed()
    }

    /// Quits (or, preparing, goes back home) once everything is on disk.
    pub(super) fn quit_now(&mut self) -> Vec<Effect> {
        let (now, effects) = self.saving.quit();
        self.quit = now;
        effects
    }
}

/// Applies a message to the running gathering: each kind of message has its own function.
pub(super) fn update(run: &mut Run, msg: Msg, now: Timestamp, bell: bool) -> Vec<Effect> {
    // "Not inserted, too large" answers the last thing the user did, until the next.
    if !matches!(msg, Msg::System(SystemMsg::Tick | SystemMsg::Saved { .. })) {
        run.saving.too_large = false;
    }
    let mut effects = match msg {
        // A note-taker follows the gathering: the clock, the agenda and the room are the
        // facilitator's.
        Msg::Run(msg) if run.role.takes_notes() && !msg.for_note_takers() => Vec::new(),
        Msg::Run(msg) => run_key(run, msg, now),
        Msg::Overlay(msg) => overlay_key(run, msg, now),
        Msg::System(msg) => system(run, msg, now),
        Msg::Home(_) => Vec::new(),
    };
    if run.role.takes_notes() {
        return effects;
    }
    // What the room sees is in the file too, for a projector window that follows it.
    let room = run.screen_state().room(&run.session);
    if room != run.session.room && !run.quit {
        run.session.room = room;
        effects.extend(run.mark_changed());
    }
    effects.extend(run.check_alerts(now, bell));
    effects
}

/// The keys of the running gathering: the agenda, the clock, the view, the notes.
fn run_key(run: &mut Run, msg: RunMsg, now: Timestamp) -> Vec<Effect> {
    match msg {
        RunMsg::ToggleTimer => run.session.toggle_timer(now),
        RunMsg::Next | RunMsg::Back => {
            if msg == RunMsg::Next {
                run.session.next(now);
            } else {
                run.session.back(now);
            }
            run.arrive();
        }
        RunMsg::More => run.session.extend(now, 1),
        RunMsg::Less => run.session.extend(now, -1),
        RunMsg::NextPrompt | RunMsg::PrevPrompt => {
            run.session.step_prompt(msg == RunMsg::NextPrompt)
        }
        RunMsg::ToggleHighlight => return run.toggle_kind(NoteKind::Highlight, now),
        RunMsg::ToggleParkingLot => return run.toggle_kind(NoteKind::ParkingLot, now),
        RunMsg::TogglePrivate => return run.toggle_private(now),
        RunMsg::UndoDelete => return run.undo_delete(now),
        RunMsg::ExportMinutes => return vec![Effect::ExportMinutes { replace: false }],
        // The rest change only what is on screen.
        msg => {
            run.show(msg);
            return Vec::new();
        }
    }
    run.mark_changed()
}

impl Run {
    /// The keys of the running gathering that change what is on screen, not the session.
    fn show(&mut self, msg: RunMsg) {
        match msg {
            RunMsg::ToggleView => self.screen.toggle_view(),
            RunMsg::SetGroup(group) => self.screen.group = group,
            RunMsg::OpenReview => self.open_review(true),
            RunMsg::ToggleMirror => self.screen.mirror = !self.screen.mirror,
            RunMsg::OpenForm(kind) => self.open_form(kind),
            // Typing on the room's view would put the text on the wall: ask first.
            RunMsg::NewNote | RunMsg::EditNote if self.screen.view == View::Projector => {
                let typing = match msg {
                    RunMsg::NewNote => Typing::New(String::new()),
                    _ => Typing::Edit,
                };
                self.overlays
                    .open(Overlay::Confirm(Confirm::TypeInPrivate(typing)));
            }
            RunMsg::NewNote => self.new_note(""),
            RunMsg::EditNote => match (
                self.screen.agreements_focused,
                &self.screen.selected_agreement,
            ) {
                (true, Some(id)) => self.open_form(FormKind::EditAgreement(id.clone())),
                _ => self.edit_note(),
            },
            RunMsg::SwitchList => {
                let screen = &mut self.screen;
                screen.agreements_focused =
                    !screen.agreements_focused && self.session.made_here().next().is_some();
                if screen.agreements_focused && screen.selected_agreement.is_none() {
                    screen.selected_agreement =
                        self.session.made_here().last().map(|c| c.id.clone());
                }
            }
            RunMsg::SelectNote(to) if self.screen.agreements_focused => self.select_agreement(to),
            RunMsg::SelectNote(to) => self.select(to),
            RunMsg::DeleteNote => self.ask_delete(),
            RunMsg::OpenSchedule => self.open_schedule(),
            _ => {}
        }
    }
}

/// The keys of what lies over the gathering.
fn overlay_key(run: &mut Run, msg: OverlayMsg, now: Timestamp) -> Vec<Effect> {
    match msg {
        OverlayMsg::ToggleHelp if run.overlays.top() == Some(&Overlay::Help) => {
            run.overlays.close_top();
        }
        OverlayMsg::ToggleHelp => run.overlays.open(Overlay::Help),
        OverlayMsg::Close => {
            run.overlays.close_top();
        }
        OverlayMsg::ReviewMove(down) => run.review_move(down),
        OverlayMsg::Mark(status) => return run.mark(status, now),
        OverlayMsg::OpenComment => run.open_comment(),
        OverlayMsg::EditReviewed => run.edit_reviewed(),
        OverlayMsg::FormKey(key) => return run.form_key(key, now),
        OverlayMsg::EditorKey(key) => return run.editor_key(key, now),
        OverlayMsg::Confirm(yes) => return run.answer(yes, now),
        OverlayMsg::Schedule(msg) => return run.schedule_key(msg, now),
    }
    Vec::new()
}

/// What the runtime reports, and quitting.
fn system(run: &mut Run, msg: SystemMsg, now: Timestamp) -> Vec<Effect> {
    match msg {
        SystemMsg::ExportExists(_) => {
            run.overlays.open(Overlay::Confirm(Confirm::ReplaceMinutes));
        }
        SystemMsg::Exported(Ok(path)) => {
            let written = (run.lang.strings().export_written)(&path.display().to_string());
            run.screen.message = Some(written);
        }
        SystemMsg::Exported(Err(why)) => run.notices.push(why),
        SystemMsg::Paste(text) => match run.overlays.form_mut() {
            Some(form) => form.paste(&text),
            None => run.paste(&text),
        },
        SystemMsg::Tick => {
            let mut effects = run.keep_draft();
            // A save that failed is tried again each second.
            if run.saving.retry() && effects.is_empty() {
                effects.push(Effect::Save);
            }
            return effects;
        }
        SystemMsg::Saved { upto, result } => run.quit |= run.saving.saved(upto, result, now),
        SystemMsg::Quit => return run.ask_quit(now),
        SystemMsg::Followed(session) => run.followed(*session),
        SystemMsg::Merged(writers) => return run.merge(writers),
        SystemMsg::Opened(_) | SystemMsg::MinutesRead(_) | SystemMsg::HeldLoaded(..) => {}
    }
    Vec::new()
}

impl Run {
    /// The answer to the question on screen.
    fn answer(&mut self, yes: bool, now: Timestamp) -> Vec<Effect> {
        match (self.overlays.take_confirm(), yes) {
            (Some(Confirm::Delete(id)), true) => self.delete(&id, now),
            (Some(Confirm::ReplaceMinutes), true) => {
                vec![Effect::ExportMinutes { replace: true }]
            }
            (Some(Confirm::TypeInPrivate(typing)), true) => {
                self.screen.toggle_view();
                match typing {
                    Typing::New(text) => self.paste(&text),
                    Typing::Edit => self.show(RunMsg::EditNote),
                }
                Vec::new()
            }
            (Some(Confirm::Quit), true) => {
                let mut effects = self.close_editor(now);
                effects.extend(self.quit_now());
                effects
            }
            _ => Vec::new(),
        }
    }

    /// `q`: an open form is saved first; text in the editor is asked about (it is saved as a
    /// note either way); then the session is saved and samling stops.
    fn ask_quit(&mut self, now: Timestamp) -> Vec<Effect> {
        if self.overlays.form().is_some() {
            let mut effects = self.submit_form(now);
            effects.extend(self.quit_now());
            return effects;
        }
        match self.overlays.editor() {
            Some(editor) if editor.has_text() => {
                self.overlays.open(Overlay::Confirm(Confirm::Quit));
                Vec::new()
            }
            Some(_) => {
                let mut effects = self.close_editor(now);
                effects.extend(self.quit_now());
                effects
            }
            None => self.quit_now(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testing::{running, saved, t};
    use crate::app::{RunMsg, SystemMsg};
    use crate::app::{Screen, State, update as app_update};
    use crate::i18n::Lang;
    use crate::model::GroupLabel;

    fn state() -> State {
        running()
    }

    fn run(s: &State) -> &Run {
        s.run().expect("running")
    }

    fn send(s: &mut State, msg: Msg, at: i64) -> Vec<Effect> {
        app_update(s, msg, t(at))
    }

    #[test]
    fn opening_shows_the_first_item_waiting_and_saved() {
        let s = state();
        let r = run(&s);
        assert_eq!(r.session.current_index(), 0);
        assert_eq!(r.session.phase(), Phase::Waiting);
        assert_eq!(r.saving.state, SaveState::Saved(t(0)));
        assert!(s.needs_ticks());
    }

    #[test]
    fn space_starts_and_pauses_and_every_transition_saves() {
        let mut s = state();
        assert_eq!(
            send(&mut s, Msg::Run(RunMsg::ToggleTimer), 0),
            vec![Effect::Save]
        );
        assert_eq!(run(&s).session.phase(), Phase::Running);
        assert!(run(&s).saving.unsaved);
        saved(&mut s, Ok(0), 0);
        assert!(!run(&s).saving.unsaved);
        assert_eq!(
            send(&mut s, Msg::Run(RunMsg::ToggleTimer), 30),
            vec![Effect::Save]
        );
        assert_eq!(run(&s).session.phase(), Phase::Paused);
        assert_eq!(
            run(&s).session.remaining(t(500)),
            Duration::seconds(15 * 60 - 30)
        );
    }

    #[test]
    fn plus_and_minus_change_the_time_by_a_minute() {
        let mut s = state();
        send(&mut s, Msg::Run(RunMsg::More), 0);
        send(&mut s, Msg::Run(RunMsg::More), 0);
        send(&mut s, Msg::Run(RunMsg::Less), 0);
        assert_eq!(run(&s).session.remaining(t(0)), Duration::minutes(16));
    }

    #[test]
    fn n_and_b_move_through_the_agenda_keeping_the_record() {
        let mut s = state();
        send(&mut s, Msg::Run(RunMsg::ToggleTimer), 0);
        send(&mut s, Msg::Run(RunMsg::Next), 60);
        assert_eq!(run(&s).session.current_index(), 1);
        assert_eq!(run(&s).session.phase(), Phase::Running);
        send(&mut s, Msg::Run(RunMsg::Back), 90);
        assert_eq!(run(&s).session.current_index(), 0);
        // One minute spent on the first item before; it goes on from there.
        assert_eq!(run(&s).session.remaining(t(90)), Duration::minutes(14));
        assert_eq!(run(&s).session.timing.len(), 2);
    }

    #[test]
    fn brackets_step_through_the_prompts() {
        let mut s = state();
        // Go to the first item with several prompts.
        while run(&s).session.current_item().unwrap().prompts.len() < 2 {
            send(&mut s, Msg::Run(RunMsg::Next), 0);
        }
        send(&mut s, Msg::Run(RunMsg::NextPrompt), 0);
        assert_eq!(run(&s).session.prompt_index(), 1);
        send(&mut s, Msg::Run(RunMsg::PrevPrompt), 0);
        send(&mut s, Msg::Run(RunMsg::PrevPrompt), 0);
        assert_eq!(run(&s).session.prompt_index(), 0);
    }

    #[test]
    fn p_toggles_the_projector_and_digits_set_the_group() {
        let mut s = state();
        send(&mut s, Msg::Run(RunMsg::ToggleView), 0);
        assert_eq!(run(&s).screen.view, View::Projector);
        send(&mut s, Msg::Run(RunMsg::SetGroup(GroupLabel::Group(3))), 0);
        assert_eq!(run(&s).screen.group, GroupLabel::Group(3));
        send(&mut s, Msg::Run(RunMsg::SetGroup(GroupLabel::Plenary)), 0);
        assert_eq!(run(&s).screen.group, GroupLabel::Plenary);
        send(&mut s, Msg::Run(RunMsg::ToggleView), 0);
        assert_eq!(run(&s).screen.view, View::Facilitator);
    }

    #[test]
    fn da_na_turns_off_when_the_item_changes() {
        let mut s = state();
        send(&mut s, Msg::Run(RunMsg::ToggleMirror), 0);
        assert!(run(&s).screen.mirror);
        send(&mut s, Msg::Run(RunMsg::Next), 10);
        assert!(!run(&s).screen.mirror);
        send(&mut s, Msg::Run(RunMsg::ToggleMirror), 20);
        send(&mut s, Msg::Run(RunMsg::Back), 30);
        assert!(!run(&s).screen.mirror);
    }

    #[test]
    fn the_bell_rings_once_at_zero_and_the_screen_flashes() {
        let mut s = state();
        send(&mut s, Msg::Run(RunMsg::Less), 0);
        // One minute item now.
        let minutes = run(&s).session.current_item().unwrap().minutes as i64 - 1;
        send(&mut s, Msg::Run(RunMsg::ToggleTimer), 0);
        // The save Space asked for is still being written: the tick does not ask again.
        assert_eq!(
            send(&mut s, Msg::System(SystemMsg::Tick), minutes * 60 - 1),
            vec![]
        );
        saved(&mut s, Ok(0), minutes * 60 - 1);
        assert_eq!(
            send(&mut s, Msg::System(SystemMsg::Tick), minutes * 60),
            vec![Effect::Bell]
        );
        assert!(run(&s).screen.flashing(t(minutes * 60 + 1)));
        assert!(!run(&s).screen.flashing(t(minutes * 60 + 2)));
        // Overtime goes on without ringing again.
        assert_eq!(
            send(&mut s, Msg::System(SystemMsg::Tick), minutes * 60 + 30),
            vec![]
        );
    }

    #[test]
    fn quiet_flashes_without_the_bell() {
        let mut s = state();
        s.bell = false;
        send(&mut s, Msg::Run(RunMsg::ToggleTimer), 0);
        saved(&mut s, Ok(0), 0);
        let minutes = run(&s).session.current_item().unwrap().minutes as i64;
        assert_eq!(
            send(&mut s, Msg::System(SystemMsg::Tick), minutes * 60),
            vec![]
        );
        assert!(run(&s).screen.flashing(t(minutes * 60)));
    }

    #[test]
    fn timed_steps_ring_as_they_change() {
        let mut s = state();
        while run(&s).session.current_item().unwrap().steps.is_empty() {
            send(&mut s, Msg::Run(RunMsg::Next), 0);
        }
        // `n` starts the item it moves to; only the very first needs Space.
        if run(&s).session.phase() != Phase::Running {
            send(&mut s, Msg::Run(RunMsg::ToggleTimer), 0);
        }
        saved(&mut s, Ok(0), 0);
        let first = run(&s).session.current_item().unwrap().steps[0].minutes as i64 * 60;
        assert_eq!(
            send(&mut s, Msg::System(SystemMsg::Tick), first - 1),
            vec![]
        );
        assert_eq!(
            send(&mut s, Msg::System(SystemMsg::Tick), first),
            vec![Effect::Bell]
        );
        assert_eq!(run(&s).step(t(first)).unwrap().index, 1);
    }

    #[test]
    fn a_failed_save_is_shown_kept_in_memory_and_retried_each_tick() {
        let mut s = state();
        send(&mut s, Msg::Run(RunMsg::ToggleTimer), 0);
        saved(&mut s, Err("disken er full".into()), 0);
        assert_eq!(
            run(&s).saving.state,
            SaveState::Failed("disken er full".into())
        );
        assert!(run(&s).saving.unsaved);
        assert_eq!(
            send(&mut s, Msg::System(SystemMsg::Tick), 1),
            vec![Effect::Save]
        );
        // Quit will not leave with unsaved changes: it saves first, and stays if that fails.
        assert_eq!(
            send(&mut s, Msg::System(SystemMsg::Quit), 1),
            vec![Effect::Save]
        );
        saved(&mut s, Err("disken er full".into()), 1);
        assert!(!s.quit);
        send(&mut s, Msg::System(SystemMsg::Quit), 2);
        saved(&mut s, Ok(0), 2);
        assert!(s.quit);
    }

    #[test]
    fn a_save_of_an_older_change_leaves_the_newer_ones_unsaved_and_quit_waits_for_them() {
        let mut s = state();
        send(&mut s, Msg::Run(RunMsg::ToggleTimer), 0);
        let first = run(&s).saving.changes;
        send(&mut s, Msg::Run(RunMsg::More), 1);
        // The save of the first change comes back after the second was made.
        let answer = |upto, result| Msg::System(SystemMsg::Saved { upto, result });
        send(&mut s, answer(first, Ok(10)), 1);
        assert!(
            run(&s).saving.unsaved,
            "the second change is not on disk yet"
        );
        assert_eq!(
            send(&mut s, Msg::System(SystemMsg::Quit), 2),
            vec![Effect::Save]
        );
        assert!(!s.quit);
        // A late failure of the older save says nothing about the newer one.
        let newest = run(&s).saving.changes;
        send(&mut s, answer(newest, Ok(12)), 2);
        send(&mut s, answer(first, Err("gammel".into())), 2);
        assert!(s.quit);
        assert_eq!(run(&s).saving.state, SaveState::Saved(t(2)));
    }

    #[test]
    fn a_resumed_session_does_not_ring_for_the_past() {
        let mut s = state();
        send(&mut s, Msg::Run(RunMsg::ToggleTimer), 0);
        let Screen::Run(r) = s.screen.clone() else {
            panic!()
        };
        let mut again = State::new(Lang::Nb, s.programs.clone(), vec![]);
        // Reopened an hour later, long past zero.
        app_update(
            &mut again,
            Msg::System(SystemMsg::Opened(Ok(Box::new(Opened {
                path: r.file.clone(),
                session: r.session.clone(),
                resumed: true,
                notices: vec![],
                preparing: false,
                role: crate::app::run::Role::Facilitator,
                other_dates: vec![],
                occasion: Default::default(),
            })))),
            t(3600),
        );
        assert_eq!(
            app_update(&mut again, Msg::System(SystemMsg::Tick), t(3601)),
            vec![]
        );
        assert!(run(&again).session.remaining(t(3601)) < Duration::zero());
    }
}
