//! Every word samling says to a person, in bokmål (the default) and English.
//!
//! One [`Strings`] table per language. A field missing from a table is a compile error, so a
//! language can never fall behind silently. Messages that take values are plain `fn`s; messages
//! about [`Problem`]s match on every kind, so a new kind must be worded in both languages.

mod en;
mod nb;

use crate::model::{Due, GroupLabel, ItemKind, Status, Who};
use crate::store::Problem;

pub use crate::lang::Lang;

impl Lang {
    /// This language's words.
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Nb => &nb::NB,
            Lang::En => &en::EN,
        }
    }
}

/// The words of one language.
pub struct Strings {
    // The command line.
    pub cli_about: &'static str,
    pub cli_usage_heading: &'static str,
    pub cli_commands_heading: &'static str,
    pub cli_options_heading: &'static str,
    pub cli_arguments_heading: &'static str,
    /// `[OPTIONS]` in usage lines.
    pub cli_options_placeholder: &'static str,
    pub cli_command_placeholder: &'static str,
    pub cli_file_placeholder: &'static str,
    /// A file or a program's id, where either is taken (`samling check`).
    pub cli_file_or_program: &'static str,
    pub cli_dir_placeholder: &'static str,
    pub cli_help: &'static str,
    pub cli_version: &'static str,
    pub cli_dir: &'static str,
    pub cli_lang: &'static str,
    pub cli_config: &'static str,
    pub cli_programs: &'static str,
    pub cli_show: &'static str,
    pub cli_show_program: &'static str,
    pub cli_show_gathering: &'static str,
    pub cli_show_notes: &'static str,
    pub cli_show_modules: &'static str,
    /// `samling show`: the document a program is made from.
    pub source: &'static str,
    pub cli_show_format: &'static str,
    pub cli_new: &'static str,
    pub cli_new_id: &'static str,
    pub cli_new_from: &'static str,
    pub cli_new_title: &'static str,
    /// `samling new`: the program it wrote, and how to go on.
    pub program_created: fn(path: &str, id: &str) -> String,
    /// `samling new`: the id is a program's already.
    pub program_exists: fn(&str) -> String,
    pub cli_check: &'static str,
    pub cli_check_files: &'static str,

    // Output of the commands.
    pub col_id: &'static str,
    pub col_title: &'static str,
    pub col_gatherings: &'static str,
    pub col_source: &'static str,
    pub source_builtin: &'static str,
    pub gathering_heading: fn(u32, &str) -> String,
    pub purpose: &'static str,
    pub goals: &'static str,
    pub modules: &'static str,
    pub between: &'static str,
    pub planned_end: &'static str,
    pub prompts_heading: &'static str,
    pub steps_heading: &'static str,
    pub facilitator_note: &'static str,
    pub revisits: fn(u32) -> String,
    pub minutes: fn(u32) -> String,
    pub check_ok: &'static str,
    pub check_summary: fn(files: usize, problems: usize) -> String,
    pub unknown_program: fn(&str, &[String]) -> String,
    pub unknown_gathering: fn(u32, &str, u32) -> String,
    pub no_data_dir: &'static str,
    pub config_ignored: fn(&str) -> String,
    pub error: &'static str,
    pub warning: &'static str,
    /// A command-line mistake, said in words (clap's own are English).
    pub usage_problem: fn(&crate::cli::UsageProblem) -> String,
    /// After a command-line mistake: where to read how it is used.
    pub usage_more: &'static str,

    // The home screen.
    pub home_title: &'static str,
    pub home_programs: &'static str,
    pub home_gatherings: &'static str,
    pub home_none: &'static str,
    pub held_on: fn(&str) -> String,
    /// `Enter` on a held gathering: "1. samling ble holdt 14.09.2026."
    pub held_question: fn(u32, &str) -> String,
    /// A gathering prepared before the day, on the home screen: when, and the keys.
    pub prepared_for: fn(&str, &str) -> String,
    pub begun_on: fn(&str) -> String,
    /// On the home screen, before a gathering is started: what "Siden sist" will bring.
    pub waiting_agreements: fn(open: usize, from_gathering: u32) -> String,

    // Running a gathering.
    pub key_help: fn(KeyHelp) -> &'static str,
    /// A word or two for the footer.
    pub key_short: fn(KeyHelp) -> &'static str,
    /// Marks a private note in the facilitator's list.
    pub private_tag: &'static str,
    pub help_title: &'static str,
    pub info_title: &'static str,
    pub info_place: &'static str,
    pub info_facilitator: &'static str,
    pub agreement_title: &'static str,
    pub edit_agreement_title: &'static str,
    pub agreement_text: &'static str,
    pub agreement_who: &'static str,
    pub agreement_due: &'static str,
    pub bad_date: &'static str,
    pub bad_group: &'static str,
    /// The `s` form's fields beyond place and facilitator.
    pub info_date: &'static str,
    pub info_start: &'static str,
    pub info_must_end: &'static str,
    pub bad_day: &'static str,
    pub past_date: &'static str,
    pub bad_time: &'static str,
    pub bad_minutes: &'static str,
    pub bad_kind: &'static str,
    /// The new item's form (`l` in the schedule panel).
    pub new_item_title: &'static str,
    pub new_item_name: &'static str,
    pub new_item_minutes: &'static str,
    pub new_item_kind: &'static str,
    /// The schedule panel (`t`).
    /// The schedule panel's title while preparing a gathering before the day.
    pub prepare_title: fn(u32, &str) -> String,
    pub schedule_title: &'static str,
    pub schedule_locked: &'static str,
    pub schedule_all_held: &'static str,
    pub schedule_ends: fn(&str) -> String,
    pub must_end: fn(&str) -> String,
    pub over_target: fn(i64) -> String,
    pub on_target: &'static str,
    pub modules_title: &'static str,
    pub no_modules: &'static str,
    pub module_goes_after: fn(&str) -> String,
    pub proposal_title: &'static str,
    pub proposal_on_time: &'static str,
    pub proposal_shorten: fn(&str, u32, u32) -> String,
    pub proposal_skip: fn(&str, u32) -> String,
    pub proposal_lands: fn(&str, &str) -> String,
    pub proposal_still_over: fn(i64, &str) -> String,
    /// The status line's end when the day runs past its target: when it ends, by how much it
    /// is late, and the keys to a proposal.
    pub late_end: fn(&str, i64) -> String,
    pub agreements: &'static str,
    pub review_title: &'static str,
    pub review_none: &'static str,
    pub highlights: &'static str,
    pub parking_lot: &'static str,
    pub made_at: fn(gathering: u32, item: &str, group: Option<GroupLabel>) -> String,
    pub comment_title: &'static str,
    /// The minutes' heading; `false`: the gathering was not ended, and the heading says so.
    pub minutes_title: fn(u32, &str, bool) -> String,
    pub minutes_program: &'static str,
    pub minutes_date: &'static str,
    pub minutes_planned: &'static str,
    pub minutes_actual: &'static str,
    pub minutes_item: &'static str,
    pub minutes_planned_min: &'static str,
    pub minutes_actual_min: &'static str,
    pub minutes_reflections: &'static str,
    pub minutes_made: &'static str,
    pub minutes_reviewed: &'static str,
    pub minutes_between: &'static str,
    /// Opens "until the next gathering" when agreements made here are open: they are listed
    /// above, not again. The count, and whether earlier ones follow.
    pub minutes_between_made: fn(usize, bool) -> String,
    /// An agenda item ended as soon as it started.
    /// After the title of an item inserted for the day.
    pub minutes_inserted: &'static str,
    pub minutes_skipped: &'static str,
    pub minutes_chart: &'static str,
    /// The `lang` attribute of exported HTML.
    /// The handout of a gathering with no date set yet.
    pub handout_no_date: &'static str,
    pub cli_export_agenda: &'static str,
    pub handout_written: fn(&str) -> String,
    /// An agreement's due date in the calendar.
    pub calendar_due: fn(&str) -> String,
    pub cli_calendar: &'static str,
    pub cli_calendar_output: &'static str,
    pub calendar_written: fn(&str, usize) -> String,
    /// The projector window while the facilitator's samling is away.
    /// A note-taker (or the facilitator, for a note's text) tried to change another's note.
    pub not_your_note: &'static str,
    pub marked_by_facilitator: &'static str,
    /// The facilitator tried to make public a note its writer made private.
    pub private_by_writer: &'static str,
    /// Note-takers' notes on items removed from the agenda, left in their journals.
    pub notes_unplaced: fn(usize) -> String,
    /// The note-taker's window: its heading with the writer's name.
    pub taking_title: fn(&str) -> String,
    pub taking_follows: &'static str,
    pub cli_notes: &'static str,
    pub cli_theme: &'static str,
    pub cli_notes_name: &'static str,
    pub bad_writer_name: fn(&str) -> String,
    pub waiting_for_facilitator: &'static str,
    pub cli_projector: &'static str,
    pub cli_projector_target: &'static str,
    pub cli_projector_poll: &'static str,
    pub nothing_to_follow: fn(&str) -> String,
    pub html_lang: &'static str,
    pub export_exists: fn(&str) -> String,
    /// A file that is there already and is never overwritten.
    pub file_exists: fn(&str) -> String,
    /// The output asked for is the session exported, or another `.ron` file.
    pub export_onto_session: fn(&str) -> String,
    pub export_written: fn(&str) -> String,
    pub nothing_held: fn(&str, Option<u32>) -> String,
    pub cli_export: &'static str,
    pub cli_history: &'static str,
    pub history_counts: fn(usize, usize) -> String,
    pub in_progress_tag: &'static str,
    pub nothing_held_at_all: &'static str,
    pub cli_export_session: &'static str,
    pub cli_export_gathering: &'static str,
    pub cli_export_format: &'static str,
    pub cli_export_output: &'static str,
    pub cli_export_force: &'static str,
    pub cli_export_private: &'static str,
    pub no_open_agreements: &'static str,
    pub status: fn(Status) -> &'static str,
    pub cli_agreements: &'static str,
    pub cli_agreements_program: &'static str,
    pub who: fn(&Who) -> String,
    /// When an agreement is due if no date is given.
    pub due_next: &'static str,
    /// How a date is written for people (`chrono` format).
    pub date_format: &'static str,
    /// The space bar's name in the key list.
    pub key_space: &'static str,
    pub unknown_lang: fn(&str) -> String,
    pub editor_title: fn(group: &str, prompt: Option<usize>) -> String,
    pub confirm_delete: &'static str,
    /// `i` in the projector view: the room would see the note being typed.
    pub confirm_type_in_private: &'static str,
    pub confirm_quit: &'static str,
    pub confirm_replace_minutes: &'static str,
    pub highlight_tag: &'static str,
    pub parking_tag: &'static str,
    pub help_close: &'static str,
    pub agenda: &'static str,
    pub private_note: &'static str,
    pub notes: &'static str,
    pub no_notes: &'static str,
    pub next: &'static str,
    /// On the room's view during a break: "Vi starter igjen kl. 14:15".
    pub resumes_at: fn(&str) -> String,
    /// The break's time is up.
    pub resumes_now: &'static str,
    /// The room's welcome: when the gathering starts ("Vi starter kl. 12:00").
    pub starts_at: fn(&str) -> String,
    /// The room's welcome once the planned start has passed.
    pub starts_soon: &'static str,
    /// The room's last word.
    pub thanks: &'static str,
    /// After the thanks: the next gathering (its number and title) and its date, if planned.
    pub next_gathering: fn(u32, &str, Option<&str>) -> String,
    /// The heading over the earlier answers on the room's "Da — nå", in block letters.
    pub mirror_then_big: &'static str,
    /// On the frame of a box whose text goes on below what it shows.
    pub more_below: &'static str,
    /// Under it: which gathering they are from.
    pub mirror_then_from: fn(u32) -> String,
    pub last_item: &'static str,
    pub group: fn(GroupLabel) -> String,
    pub notes_go_to: fn(&str) -> String,
    pub on_time: &'static str,
    pub ahead: fn(i64) -> String,
    pub behind: fn(i64) -> String,
    pub projected_end: fn(projected: &str, planned: &str) -> String,
    /// Not begun, the plan's start still ahead: when, and how long until then.
    pub starts_in: fn(at: &str, until: &str) -> String,
    /// Not begun, the plan's start passed.
    pub not_started: fn(at: &str) -> String,
    /// Not begun: when the plan ends.
    pub plan_ends: fn(&str) -> String,
    /// A span of minutes ahead ("12 min", "2 t 5 min").
    pub minutes_span: fn(i64) -> String,
    pub saved_at: fn(&str) -> String,
    pub save_failed: fn(&str) -> String,
    pub phase_waiting: &'static str,
    pub phase_paused: &'static str,
    pub phase_ended: &'static str,
    pub gathering_ended: &'static str,
    pub resumed: &'static str,
    pub step: fn(index: usize, count: usize, label: &str) -> String,
    pub cli_run: &'static str,
    pub cli_run_program: &'static str,
    /// The interactive program was started without a terminal.
    pub no_terminal: &'static str,
    pub cli_run_again: &'static str,
    /// `run -g N` of a held gathering without `--again`: what to do instead.
    pub run_held: fn(u32, &str, &str) -> String,
    /// `samling plan`: setting a gathering's date, start and place before the day.
    pub cli_plan: &'static str,
    pub cli_plan_gathering: &'static str,
    pub cli_plan_date: &'static str,
    pub cli_plan_start: &'static str,
    pub cli_plan_place: &'static str,
    pub cli_plan_must_end: &'static str,
    pub cli_plan_yes: &'static str,
    pub not_a_date: fn(&str) -> String,
    pub not_a_time: fn(&str) -> String,
    pub plan_past: fn(&str) -> String,
    pub plan_held: fn(u32, &str, &str) -> String,
    pub plan_begun: fn(u32, &str, &str) -> String,
    pub plan_same_date: fn(u32, &str) -> String,
    pub planned: fn(u32, &str, &str, &str) -> String,
    pub cli_run_gathering: &'static str,
    pub cli_quiet: &'static str,
    pub all_held: fn(&str) -> String,
    pub rescue_found: fn(&str) -> String,
    /// On opening a session: a journal with changes that could not be used, moved aside.
    pub journal_set_aside: fn(&str) -> String,
    /// On opening a session: a hidden copy an interrupted save had left, now removed.
    pub temporary_removed: fn(&str) -> String,
    pub since_last_none: fn(u32) -> String,
    pub since_last_several: fn(u32, usize, &str) -> String,
    /// The gathering "siden sist" comes from was not closed (`true`: it is open elsewhere now).
    pub since_last_unfinished: fn(u32, bool) -> String,
    pub since_last_unreadable: fn(&str) -> String,
    /// A prepared session whose program has changed since: the prepared agenda is run.
    pub plan_changed: &'static str,
    pub mirror_none: fn(u32) -> String,
    pub mirror_then: fn(u32) -> String,
    pub mirror_now: &'static str,
    /// In the "then" column when the earlier gathering gave no answer to the question.
    pub mirror_no_answer: &'static str,
    /// No rescue copy could be written anywhere: what was not saved is lost.
    /// Text refused because the session file would grow past what samling can read back.
    pub too_large: &'static str,
    pub rescue_failed: &'static str,
    pub rescue_written: fn(&str) -> String,

    // Words for the model.
    pub item_kind: fn(ItemKind) -> &'static str,
    /// What is wrong with a file, without the `path:line:col:` prefix.
    pub problem: fn(&Problem) -> String,
}

/// What a key does, for the help overlay; worded per language by [`Strings::key_help`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyHelp {
    Move,
    SwitchList,
    Open,
    Quit,
    StartPause,
    NextItem,
    PreviousItem,
    MoreLess,
    NextPrevPrompt,
    Projector,
    /// The room's colours: dark or light.
    Theme,
    Group,
    Help,
    SaveQuit,
    NewNote,
    SelectNote,
    EditNote,
    Highlight,
    ParkingLot,
    Private,
    DeleteNote,
    Undo,
    Agreement,
    Review,
    Minutes,
    Mirror,
    Info,
    FirstLast,
    Scroll,
    Page,
    Close,
    Cancel,
    ReadMinutes,
    HoldAgain,
    NotesOrAgreements,
    Done,
    Partly,
    NotDone,
    Dropped,
    Comment,
    EditAgreement,
    SaveClose,
    Type,
    NextField,
    Yes,
    No,
    Dismiss,
    Schedule,
    Skip,
    MoveItem,
    InsertModule,
    NewItem,
    RemoveItem,
    Propose,
    Insert,
    Back,
    Accept,
    Leave,
    Prepare,
}

impl Strings {
    /// `path:line:col: message`, the form every problem is printed in.
    pub fn located(&self, problem: &Problem) -> String {
        format!("{}: {}", problem.location(), (self.problem)(problem))
    }

    /// A date as the user reads it (`14.09.2026`): the one place dates are written for people.
    pub fn date(&self, date: chrono::NaiveDate) -> String {
        date.format(self.date_format).to_string()
    }

    /// When an agreement is due, in words.
    pub fn due(&self, due: &Due) -> String {
        self.due_by(due, None)
    }

    /// When an agreement is due, in words, with the date of the next gathering where "before
    /// the next gathering" has one: `før neste samling (14.01.2027)`.
    pub fn due_by(&self, due: &Due, next: Option<chrono::NaiveDate>) -> String {
        match (due, next) {
            (Due::NextGathering, Some(d)) => format!("{} ({})", self.due_next, self.date(d)),
            (Due::NextGathering, None) => self.due_next.to_string(),
            (Due::Date(d), _) => self.date(*d),
        }
    }
}

/// Turns a byte count into "50.0 MB" / "50,0 MB".
fn megabytes(bytes: u64, decimal_comma: bool) -> String {
    let text = format!("{:.1} MB", bytes as f64 / 1_000_000.0);
    if decimal_comma {
        text.replace('.', ",")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes_from_flags_and_locales() {
        assert_eq!(Lang::parse("nb"), Some(Lang::Nb));
        assert_eq!(Lang::parse("nb_NO.UTF-8"), Some(Lang::Nb));
        assert_eq!(Lang::parse("EN"), Some(Lang::En));
        assert_eq!(Lang::parse("en-GB"), Some(Lang::En));
        assert_eq!(Lang::parse("de"), None);
        assert_eq!(Lang::parse(""), None);
    }

    #[test]
    fn every_item_kind_has_a_label_in_both_languages() {
        for kind in ItemKind::ALL {
            for lang in [Lang::Nb, Lang::En] {
                assert!(!(lang.strings().item_kind)(kind).is_empty());
            }
        }
        assert_eq!(
            (Lang::Nb.strings().item_kind)(ItemKind::SinceLast),
            "Siden sist"
        );
    }
}
