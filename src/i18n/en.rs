//! English, on request (`--lang en`, `SAMLING_LANG=en` or `language: En` in the config).

use std::io::ErrorKind;

use super::{KeyHelp, Strings, megabytes};
use crate::model::validate::InvalidKind;
use crate::model::{GroupLabel, ItemKind, Status, Who};
use crate::store::{FileKind, Problem, ProblemKind};

pub const EN: Strings = Strings {
    cli_about: "Lead a gathering of a school competence program: agenda, countdown, reflection \
                questions, notes and agreements, saved as RON files.",
    cli_usage_heading: "Usage:",
    cli_commands_heading: "Commands",
    cli_options_heading: "Options",
    cli_arguments_heading: "Arguments",
    cli_options_placeholder: "OPTIONS",
    cli_command_placeholder: "COMMAND",
    cli_file_placeholder: "FILE",
    cli_file_or_program: "FILE | PROGRAM",
    cli_dir_placeholder: "DIR",
    cli_help: "Print help",
    cli_version: "Print version",
    cli_dir: "Data directory (else $SAMLING_DIR, else the platform's data directory)",
    cli_lang: "Language: nb (Norwegian bokmål) or en (English); else $SAMLING_LANG",
    cli_config: "Settings file (else $SAMLING_CONFIG, else config.ron in the platform's config \
                 directory)",
    cli_programs: "List built-in and your own programs",
    cli_show: "Print a program, or one gathering's agenda with clock times",
    cli_show_program: "The program's id (see `samling programs`)",
    cli_show_gathering: "The gathering's number",
    cli_show_notes: "Include the facilitator's private notes",
    source: "Source",
    cli_show_modules: "Print the optional modules with their questions (and notes, with --notes)",
    cli_show_format: "text (to read) or ron (the program file, to copy and change)",
    cli_new: "Make a program of your own as a copy of another, ready to change",
    cli_new_id: "The new program's id (a–z, digits, - and _; it becomes the file name)",
    cli_new_from: "The program it copies (see `samling programs`)",
    cli_new_title: "The new program's title (else the same)",
    program_created: |path, id| {
        format!(
            "Made {path}.\nChange it in a text editor, check it with `samling check {id}`, and run it with `samling run {id}`."
        )
    },
    program_exists: |id| format!("there is a program with the id «{id}» already; choose another"),
    cli_check: "Check program and session files; prints each problem as file:line:column",
    cli_check_files: "The files to check, or a program's id (your own first, else the built-in one)",

    col_id: "ID",
    col_title: "Title",
    col_gatherings: "Gatherings",
    col_source: "Source",
    source_builtin: "built-in",
    gathering_heading: |n, title| format!("Gathering {n}: {title}"),
    purpose: "Purpose",
    goals: "Learning goals",
    modules: "Optional modules",
    between: "Between gatherings",
    planned_end: "Planned end",
    prompts_heading: "Reflection questions",
    steps_heading: "Steps",
    facilitator_note: "Facilitator's note",
    revisits: |n| format!("also asked at gathering {n}"),
    minutes: |m| format!("{m} min"),
    check_ok: "ok",
    check_summary: |files, problems| {
        let f = if files == 1 { "file" } else { "files" };
        match problems {
            0 => format!("{files} {f} checked, no problems"),
            1 => format!("{files} {f} checked, 1 problem"),
            n => format!("{files} {f} checked, {n} problems"),
        }
    },
    unknown_program: |id, known| {
        format!("No program \"{id}\". Known programs: {}", known.join(", "))
    },
    unknown_gathering: |n, title, count| {
        format!("\"{title}\" has no gathering {n} (it has gatherings 1–{count})")
    },
    no_data_dir: "No data directory: give --dir DIR or set SAMLING_DIR",
    config_ignored: |why| format!("Settings not read ({why}); using defaults"),
    error: "error",
    warning: "warning",
    usage_problem: |p| {
        use crate::cli::UsageProblem as U;
        let also = |s: &Option<String>| match s {
            Some(s) => format!("\n\n  tip: did you mean '{s}'?"),
            None => String::new(),
        };
        let quoted = |all: &[String]| {
            let all: Vec<String> = all.iter().map(|a| format!("'{a}'")).collect();
            all.join(", ")
        };
        let valid = |valid: &[String]| match valid {
            [] => String::new(),
            v => format!(" (possible values: {})", v.join(", ")),
        };
        match p {
            U::Conflict { arg, with } if with == std::slice::from_ref(arg) => {
                format!("the argument '{arg}' cannot be used more than once")
            }
            U::Conflict { arg, with } if with.is_empty() => {
                format!("the argument '{arg}' cannot be used with the other arguments given")
            }
            U::Conflict { arg, with } => {
                format!("the argument '{arg}' cannot be used with {}", quoted(with))
            }
            U::Unknown { arg, suggested } if arg.starts_with('-') => {
                format!("unknown option '{arg}'{}", also(suggested))
            }
            U::Unknown { arg, suggested } => {
                format!("unexpected argument '{arg}'{}", also(suggested))
            }
            U::UnknownCommand { name, suggested } => {
                format!("unrecognised command '{name}'{}", also(suggested))
            }
            U::Value {
                arg,
                value,
                valid: v,
            } if value.is_empty() => {
                format!("'{arg}' needs a value{}", valid(v))
            }
            U::Value {
                arg,
                value,
                valid: v,
            } => {
                format!("invalid value '{value}' for '{arg}'{}", valid(v))
            }
            U::Missing { args } => format!("these must be given too: {}", quoted(args)),
            U::TooMany { value } => format!("one value too many: '{value}'"),
        }
    },
    usage_more: "For more, try '--help'.",

    home_title: "samling",
    home_programs: "Programs",
    home_gatherings: "Gatherings",
    home_none: "(none)",
    held_on: |d| format!("Held {d}"),
    held_question: |g, d| format!("Gathering {g} was held on {d}."),
    prepared_for: |d, t| format!("Prepared for {d} at {t} – e prepares further, Enter starts"),
    begun_on: |d| format!("Begun {d} – Enter resumes"),
    waiting_agreements: |n, g| match n {
        0 => format!("No open agreements from gathering {g}"),
        1 => format!("1 open agreement from gathering {g} comes up in \"Since last time\""),
        n => format!("{n} open agreements from gathering {g} come up in \"Since last time\""),
    },

    key_help: |k| match k {
        KeyHelp::Move => "move in the list",
        KeyHelp::SwitchList => "switch list",
        KeyHelp::Open => "start or resume the gathering",
        KeyHelp::Quit => "quit",
        KeyHelp::StartPause => "start / pause the timer",
        KeyHelp::NextItem => "next agenda item",
        KeyHelp::PreviousItem => "back to the previous item",
        KeyHelp::MoreLess => "one minute more / less",
        KeyHelp::NextPrevPrompt => "next / previous question",
        KeyHelp::Projector => "projector view on / off",
        KeyHelp::Theme => "this window's colours: dark / light background",
        KeyHelp::Group => "group for new notes (0 = plenary)",
        KeyHelp::Help => "show the keys",
        KeyHelp::SaveQuit => "save and quit",
        KeyHelp::NewNote => "write a new note",
        KeyHelp::SelectNote => "select a note or an agreement",
        KeyHelp::EditNote => "edit the selected note",
        KeyHelp::Highlight => "mark as highlight",
        KeyHelp::ParkingLot => "to the parking lot",
        KeyHelp::Private => "private (never on the projector or in minutes)",
        KeyHelp::DeleteNote => "delete the selected note (asks first)",
        KeyHelp::Undo => "undo the last delete",
        KeyHelp::Info => "the gathering: place, facilitator, date and times",
        KeyHelp::Agreement => "new agreement (what, who, due)",
        KeyHelp::Review => "since last time: review the agreements",
        KeyHelp::Minutes => "write the minutes (Markdown) beside the session file",
        KeyHelp::Mirror => "then – now: answers from an earlier gathering beside today",
        KeyHelp::FirstLast => "first / last",
        KeyHelp::Scroll => "scroll a line",
        KeyHelp::Page => "scroll a page",
        KeyHelp::Close => "close",
        KeyHelp::Cancel => "cancel",
        KeyHelp::ReadMinutes => "read the minutes",
        KeyHelp::HoldAgain => "hold it again (a new session; the held one stays as it is)",
        KeyHelp::NotesOrAgreements => "switch between the notes and the agreements",
        KeyHelp::Done => "done",
        KeyHelp::Partly => "partly",
        KeyHelp::NotDone => "not done",
        KeyHelp::Dropped => "dropped",
        KeyHelp::Comment => "comment on the agreement",
        KeyHelp::EditAgreement => "change the agreement (text, who, due)",
        KeyHelp::SaveClose => "save and close",
        KeyHelp::Type => "every other key types",
        KeyHelp::NextField => "next / previous field",
        KeyHelp::Yes => "yes",
        KeyHelp::No => "no",
        KeyHelp::Dismiss => "dismiss a message",
        KeyHelp::Schedule => "schedule: change the agenda",
        KeyHelp::Skip => "skip the item, or take it back in",
        KeyHelp::MoveItem => "move the item up / down",
        KeyHelp::InsertModule => "insert an optional module after the item",
        KeyHelp::NewItem => "add a new item after the item",
        KeyHelp::RemoveItem => "remove an item inserted today",
        KeyHelp::Propose => "a proposal to end on time",
        KeyHelp::Insert => "insert the module",
        KeyHelp::Back => "back to the agenda",
        KeyHelp::Accept => "accept the proposal",
        KeyHelp::Leave => "leave the agenda as it is",
        KeyHelp::Prepare => "prepare the gathering: date, times, place and agenda",
    },
    key_short: |k| match k {
        KeyHelp::Move => "select",
        KeyHelp::SwitchList => "switch list",
        KeyHelp::Open => "start",
        KeyHelp::Quit | KeyHelp::SaveQuit => "quit",
        KeyHelp::StartPause => "start/pause",
        KeyHelp::NextItem => "next",
        KeyHelp::PreviousItem => "back",
        KeyHelp::MoreLess => "minute",
        KeyHelp::NextPrevPrompt => "question",
        KeyHelp::Projector => "projector",
        KeyHelp::Theme => "colours",
        KeyHelp::Group => "group",
        KeyHelp::Help => "keys",
        KeyHelp::NewNote => "note",
        KeyHelp::SelectNote => "select",
        KeyHelp::EditNote => "edit",
        KeyHelp::Highlight => "highlight",
        KeyHelp::ParkingLot => "parking lot",
        KeyHelp::Private => "private",
        KeyHelp::DeleteNote => "delete",
        KeyHelp::Undo => "undo",
        KeyHelp::Info => "gathering",
        KeyHelp::Agreement => "agreement",
        KeyHelp::Review => "review",
        KeyHelp::Minutes => "minutes",
        KeyHelp::Mirror => "then–now",
        KeyHelp::FirstLast => "first/last",
        KeyHelp::Scroll => "scroll",
        KeyHelp::Page => "page",
        KeyHelp::Close => "close",
        KeyHelp::Cancel => "cancel",
        KeyHelp::ReadMinutes => "read",
        KeyHelp::HoldAgain => "hold again",
        KeyHelp::NotesOrAgreements => "notes/agreements",
        KeyHelp::Done => "done",
        KeyHelp::Partly => "partly",
        KeyHelp::NotDone => "not done",
        KeyHelp::Dropped => "dropped",
        KeyHelp::Comment => "comment",
        KeyHelp::EditAgreement => "change",
        KeyHelp::SaveClose => "save and close",
        KeyHelp::Type => "type",
        KeyHelp::NextField => "switch field",
        KeyHelp::Yes => "yes",
        KeyHelp::No => "no",
        KeyHelp::Dismiss => "dismiss",
        KeyHelp::Schedule => "schedule",
        KeyHelp::Skip => "skip",
        KeyHelp::MoveItem => "move",
        KeyHelp::InsertModule => "module",
        KeyHelp::NewItem => "add",
        KeyHelp::RemoveItem => "remove",
        KeyHelp::Propose => "proposal",
        KeyHelp::Insert => "insert",
        KeyHelp::Back => "back",
        KeyHelp::Accept => "accept",
        KeyHelp::Leave => "cancel",
        KeyHelp::Prepare => "prepare",
    },
    private_tag: "private",
    key_space: "Space",
    unknown_lang: |v| format!("SAMLING_LANG={v} is unknown (use nb or en); using the default"),
    info_title: "The gathering",
    info_place: "Place",
    info_facilitator: "Facilitator",
    agreement_title: "New agreement",
    edit_agreement_title: "Change the agreement",
    agreement_text: "What is agreed",
    agreement_who: "Who (empty = the group, \"everyone\", 1–9 or a role)",
    agreement_due: "Due (empty = before the next gathering, else 14.12.2026)",
    bad_date: "Not a date: write e.g. 14.12.2026, or leave it empty",
    bad_group: "Groups are 1–9: write 1–9, \"everyone\" or a role",
    info_date: "Date (14.01.2027 or 2027-01-14)",
    info_start: "Start (13:00)",
    info_must_end: "Must end by (empty = when the plan ends)",
    bad_day: "Not a date: write e.g. 14.01.2027 or 2027-01-14",
    past_date: "That date has passed – Esc again saves it all the same",
    bad_time: "Not a time: write e.g. 13:00",
    bad_minutes: "Minutes are a whole number from 1 to 600",
    bad_kind: "Unknown kind: write e.g. plenary, exercise, group work, talk or break",
    new_item_title: "New item",
    new_item_name: "Title",
    new_item_minutes: "Minutes (1–600)",
    new_item_kind: "Kind (empty = plenary; talk, exercise, group work, break …)",
    prepare_title: |g, title| format!("Prepare gathering {g}: {title}"),
    schedule_title: "Schedule",
    schedule_locked: "locked",
    schedule_all_held: "Every item has been held: nothing to change.",
    schedule_ends: |at| format!("ends about {at}"),
    must_end: |at| format!("must end {at}"),
    over_target: |m| format!("{m} min late: f proposes a way"),
    on_target: "Ends in time.",
    modules_title: "Optional modules",
    no_modules: "The program has no optional modules.",
    module_goes_after: |after| format!("Goes in after \"{after}\""),
    proposal_title: "Proposal: how to end on time",
    proposal_on_time: "The day ends in time: nothing to propose.",
    proposal_shorten: |title, from, to| format!("{title}: {from} → {to} min"),
    proposal_skip: |title, m| format!("{title}: skipped ({m} min)"),
    proposal_lands: |end, target| format!("New end about {end} (target {target})"),
    proposal_still_over: |m, end| format!("Even so the day runs {m} min late (ends about {end})"),
    late_end: |end, m| format!("ends about {end}, {m} min late (t f)"),
    agreements: "Agreements",
    review_title: "Since last time: the agreements",
    review_none: "No agreements to review.",
    highlights: "Highlights",
    parking_lot: "Parking lot",
    made_at: |g, item, group| match group {
        Some(GroupLabel::Group(n)) => format!("from gathering {g}, {item}, group {n}"),
        _ => format!("from gathering {g}, {item}"),
    },
    comment_title: "Comment",
    minutes_title: |n, title, ended| {
        let unfinished = if ended { "" } else { " (not ended)" };
        format!("Minutes: gathering {n} – {title}{unfinished}")
    },
    minutes_program: "Program",
    minutes_date: "Date",
    minutes_planned: "Plan",
    minutes_actual: "Actual",
    minutes_item: "Item",
    minutes_planned_min: "Plan (min)",
    minutes_actual_min: "Actual (min)",
    minutes_reflections: "Reflections",
    minutes_made: "Agreements made at this gathering",
    minutes_reviewed: "Agreements from earlier gatherings (since last time)",
    minutes_between: "Until the next gathering",
    minutes_between_made: |n, more| {
        let made = match n {
            1 => "The agreement made at this gathering (above)".to_string(),
            n => format!("The {n} agreements made at this gathering (above)"),
        };
        let rest = if more {
            ", and these from earlier gatherings:"
        } else {
            "."
        };
        format!("{made}{rest}")
    },
    minutes_inserted: "added",
    minutes_skipped: "skipped",
    minutes_chart: "Minutes per item: planned (light) and actual (dark, red over plan)",
    handout_no_date: "date not set",
    cli_export_agenda: "The participants' agenda (times, titles and the questions) instead of the minutes",
    handout_written: |p| format!("The agenda was written to {p}"),
    calendar_due: |text| format!("Due: {text}"),
    cli_calendar: "A program's calendar (.ics): its gatherings with a date, and the agreements' due dates",
    cli_calendar_output: "The file to write the calendar to (else it is printed)",
    calendar_written: |p, n| match n {
        1 => format!("The calendar with 1 event was written to {p}"),
        n => format!("The calendar with {n} events was written to {p}"),
    },
    not_your_note: "Someone else wrote this note: only its writer can change it",
    notes_unplaced: |n| {
        format!(
            "{n} note-takers' notes are on items no longer in the agenda; they are kept in their journals"
        )
    },
    private_by_writer: "The note's writer made it private; only they can make it public",
    marked_by_facilitator: "The facilitator has marked this note; the mark is theirs",
    taking_title: |name| format!("Notes · {name}"),
    taking_follows: "following the facilitator",
    cli_theme: "The projector's colours: a dark background (dark) or a light one (light); else the setting, else dark",
    cli_notes: "The note-taker's window: follows the gathering being led and writes your own notes, in a journal of your own beside it",
    cli_notes_name: "The name your notes are shown with (else your user name)",
    bad_writer_name: |name| {
        format!(
            "the name «{name}» cannot be used: it must not be empty or hold /, .. or control characters"
        )
    },
    waiting_for_facilitator: "waiting for the facilitator",
    cli_projector: "The projector window: shows the room's view of the gathering being led, and follows it (read only)",
    cli_projector_target: "The program's id or a session file (else the built-in program)",
    cli_projector_poll: "Look for changes every second rather than wait for the system's events (network and synced folders)",
    nothing_to_follow: |p| {
        format!(
            "No gathering of \"{p}\" to follow yet: start it on the facilitator's laptop first (samling run)"
        )
    },
    html_lang: "en",
    export_exists: |p| format!("{p} exists; use --force to replace it"),
    file_exists: |p| format!("{p} exists and is never overwritten"),
    export_onto_session: |p| {
        format!(
            "{p} is a session or program file; the minutes never replace it. \
             Choose another name with -o, e.g. referat.md"
        )
    },
    export_written: |p| format!("The minutes are written to {p}"),
    nothing_held: |title, g| match g {
        Some(n) => format!("No gathering {n} of \"{title}\" has been held yet"),
        None => format!("No gathering of \"{title}\" has been held yet"),
    },
    cli_history: "List the held gatherings: date, place, number of notes and agreements",
    history_counts: |n, a| {
        format!(
            "{n} {} · {a} {}",
            if n == 1 { "note" } else { "notes" },
            if a == 1 { "agreement" } else { "agreements" }
        )
    },
    in_progress_tag: " (in progress)",
    nothing_held_at_all: "No gathering has been held yet.",
    cli_export: "Write the minutes of a held gathering as Markdown or HTML",
    cli_export_session: "The session file, or the program's id (with --gathering)",
    cli_export_gathering: "The gathering (with a program id; else the latest held)",
    cli_export_format: "md (for Teams, OneNote, e-mail) or html (one file, prints on A4)",
    cli_export_output: "Where to write the minutes (else beside the session file)",
    cli_export_force: "Replace a file that exists",
    cli_export_private: "Include private notes and the facilitator's notes",
    no_open_agreements: "No open agreements.",
    status: |st| match st {
        Status::Open => "open",
        Status::Done => "done",
        Status::Partly => "partly",
        Status::NotDone => "not done",
        Status::Dropped => "dropped",
    },
    cli_agreements: "List the agreements not done or dropped, from every held gathering",
    cli_agreements_program: "Only this program (else all)",
    who: |w| match w {
        Who::Everyone => "everyone".into(),
        Who::Group(n) => format!("group {n}"),
        Who::Role(r) | Who::Person(r) => r.clone(),
    },
    due_next: "before the next gathering",
    // The form reads dates back in this shape (`app::overlay::form::parse_due`).
    date_format: "%d.%m.%Y",
    help_title: "Keys",
    editor_title: |group, prompt| match prompt {
        Some(p) => format!("Note · {group} · question {}", p + 1),
        None => format!("Note · {group}"),
    },
    confirm_delete: "Delete the note? y = yes, n = no (u undoes it later)",
    confirm_type_in_private: "The room sees what you type here. Switch to the facilitator view and type there? y = yes, n = no",
    confirm_quit: "The note will be saved. Quit samling? y = yes, n = no",
    confirm_replace_minutes: "The minutes exist. Replace them? y = yes, n = no",
    highlight_tag: "highlight",
    parking_tag: "parking lot",
    help_close: "Esc or ? closes",
    agenda: "Agenda",
    private_note: "Facilitator's note (private)",
    notes: "Notes",
    no_notes: "No notes yet.",
    next: "Next",
    resumes_at: |t| format!("We start again at {t}"),
    resumes_now: "We start again now",
    starts_at: |t| format!("We start at {t}"),
    starts_soon: "We start shortly",
    thanks: "Thank you for today",
    mirror_then_big: "Then",
    more_below: " more ▼ ",
    mirror_then_from: |g| format!("gathering {g}"),
    next_gathering: |n, title, date| match date {
        Some(d) => format!("Next time: gathering {n}, {d}: {title}"),
        None => format!("Next time: gathering {n}: {title}"),
    },
    last_item: "Last item",
    group: |g| match g {
        GroupLabel::Plenary => "Plenary".into(),
        GroupLabel::Group(n) => format!("Group {n}"),
    },
    notes_go_to: |g| format!("new notes: {g}"),
    on_time: "on time",
    ahead: |m| format!("{m} min ahead"),
    behind: |m| format!("{m} min behind"),
    projected_end: |p, plan| format!("ends ~{p} (plan {plan})"),
    starts_in: |at, until| format!("starts {at} (in {until})"),
    not_started: |at| format!("planned {at}, not started"),
    plan_ends: |at| format!("plan ends {at}"),
    minutes_span: |m| match (m / 60, m % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    },
    saved_at: |t| format!("saved {t}"),
    save_failed: |why| format!("NOT SAVED: {why} – retrying"),
    phase_waiting: "waiting – press space to start",
    phase_paused: "paused",
    phase_ended: "done",
    gathering_ended: "The gathering has ended",
    resumed: "resumed where you left off",
    step: |i, n, label| format!("Step {i}/{n}: {label}"),
    cli_run: "Lead a gathering: resumes an unfinished one, else starts the next",
    cli_run_program: "The program's id (else the built-in program)",
    no_terminal: "samling must run in a terminal window (input and output are not a terminal); nothing was changed",
    cli_run_again: "Hold a gathering that was held once more (a new session)",
    run_held: |g, date, program| {
        format!(
            "Gathering {g} was held on {date}. Its minutes: samling export {program} -g {g}. \
             To hold it again: samling run {program} -g {g} --again"
        )
    },
    cli_plan: "Prepare a gathering: date, start, place and end, without starting it",
    cli_plan_gathering: "The number of the gathering",
    cli_plan_date: "The date (14.01.2027 or 2027-01-14)",
    cli_plan_start: "Start time (13:00; else the program's)",
    cli_plan_place: "The place",
    cli_plan_must_end: "When the gathering must end (15:45)",
    cli_plan_yes: "Set a date that has passed all the same",
    not_a_date: |v| format!("\"{v}\" is not a date: write 14.01.2027 or 2027-01-14"),
    not_a_time: |v| format!("\"{v}\" is not a time: write e.g. 13:00"),
    plan_past: |d| format!("{d} has passed; add --yes to set it all the same"),
    plan_held: |g, date, program| {
        format!(
            "Gathering {g} was held ({date}) and is not prepared again. \
             To hold it again: samling run {program} -g {g} --again"
        )
    },
    plan_begun: |g, date, program| {
        format!("Gathering {g} was begun on {date}; continue it with samling run {program} -g {g}")
    },
    plan_same_date: |g, date| format!("Note: gathering {g} is set to {date} as well"),
    planned: |g, title, when, path| format!("Gathering {g} \"{title}\": {when}\n{path}"),
    cli_run_gathering: "The gathering's number (else the next one not yet held)",
    cli_quiet: "No sound when time is up or a step changes",
    all_held: |title| {
        format!("Every gathering of \"{title}\" has been held; pick one with --gathering")
    },
    rescue_found: |p| {
        format!("Found a rescue copy from a crash: {p} – look through it; it is not used by itself")
    },
    journal_set_aside: |p| {
        format!(
            "A journal with changes that could not be used was set aside as {p} – look through \
             it; it is not used by itself"
        )
    },
    temporary_removed: |p| {
        format!("Removed a temporary copy that an interrupted save had left behind: {p}")
    },
    too_large: "Not inserted: the session would grow too large to be opened again (over 32 MB)",
    rescue_failed: "could not save what was in memory, neither beside the session nor anywhere else",
    rescue_written: |p| format!("what was in memory is saved in {p}"),
    since_last_none: |g| {
        format!("Since last time: no held gathering {g} was found, so there is nothing to bring")
    },
    since_last_several: |g, n, took| {
        format!("Since last time: gathering {g} was held {n} times; using the latest ({took})")
    },
    since_last_unfinished: |g, open| {
        if open {
            format!(
                "Since last time: gathering {g} is still open in another samling; \
                 what it agrees from now on is not brought here"
            )
        } else {
            format!("Since last time: gathering {g} was not closed; bringing what it has")
        }
    },
    since_last_unreadable: |why| {
        format!("Since last time: could not read {why} (the file is unchanged)")
    },
    plan_changed: "The program has changed since this gathering was prepared: the prepared agenda is used",
    mirror_none: |g| format!("Then – now: gathering {g} was not held, so its answers are missing"),
    mirror_then: |g| format!("Then (gathering {g})"),
    mirror_no_answer: "No answers then.",
    mirror_now: "Now",
    item_kind: |k| match k {
        ItemKind::Welcome => "Welcome",
        ItemKind::SinceLast => "Since last time",
        ItemKind::Talk => "Talk",
        ItemKind::Film => "Film / case",
        ItemKind::Exercise => "Exercise",
        ItemKind::GroupReflection => "Group work",
        ItemKind::Plenary => "Plenary",
        ItemKind::Break => "Break",
        ItemKind::Planning => "Planning",
        ItemKind::Closing => "Closing",
    },
    problem,
};

fn file_kind(k: FileKind) -> &'static str {
    match k {
        FileKind::Program => "a program",
        FileKind::Session => "a session",
        FileKind::Journal => "a journal",
    }
}

fn problem(p: &Problem) -> String {
    match &p.kind {
        ProblemKind::Io { kind, detail } => match kind {
            ErrorKind::NotFound => "no such file".into(),
            ErrorKind::PermissionDenied => "permission denied".into(),
            ErrorKind::StorageFull => "the disk is full".into(),
            ErrorKind::ReadOnlyFilesystem => "the disk is read-only".into(),
            ErrorKind::IsADirectory => "this is a directory, not a file".into(),
            _ => format!("could not read or write the file: {detail}"),
        },
        ProblemKind::Symlink => {
            "this is a symbolic link; samling does not write through it (remove the link)".into()
        }
        ProblemKind::NotRegular => {
            "this is not a regular file (a device, a pipe …); samling neither reads nor writes it"
                .into()
        }
        ProblemKind::NotAFile => "this is a directory, not a file".into(),
        ProblemKind::TooLarge { bytes, limit } => format!(
            "the file is too large ({}; the limit is {})",
            megabytes(*bytes, false),
            megabytes(*limit, false)
        ),
        ProblemKind::Empty => "the file is empty".into(),
        ProblemKind::NotText => "the file is not text (UTF-8)".into(),
        ProblemKind::SaverStopped => "saving stopped (a bug in samling)".into(),
        ProblemKind::Syntax(msg) => format!("invalid RON: {msg}"),
        ProblemKind::NewerVersion { found, supported } => format!(
            "the file is version {found}, but this samling reads up to version {supported}: \
             upgrade samling"
        ),
        ProblemKind::NoVersion => {
            "the file has no \"version: 1\" (every samling file starts with it)".into()
        }
        ProblemKind::UnknownVersion { found } => format!("unknown version {found}"),
        ProblemKind::WrongKind { expected, found } => format!(
            "expected {}, but the file is {}",
            file_kind(*expected),
            file_kind(*found)
        ),
        ProblemKind::DuplicateProgram { id, other } => format!(
            "program \"{id}\" is also in {}; this file is not used",
            other.display()
        ),
        ProblemKind::Locked { pid } => match pid {
            Some(pid) => format!(
                "this session is already open in another samling (process {pid}); close that first"
            ),
            None => "this session is already open in another samling; close that first".into(),
        },
        ProblemKind::Invalid(kind) => invalid(kind),
        ProblemKind::TornLine => {
            "the last line was not written to its end (samling was stopped in the middle of a \
             save); it is skipped"
                .into()
        }
        ProblemKind::BadLine(msg) => {
            format!("the line does not read and is skipped (invalid RON: {msg})")
        }
        ProblemKind::OtherSession { found } => {
            format!("the journal belongs to the session «{found}», not this one; it is not used")
        }
        ProblemKind::StaleJournal => {
            "the journal is older than the session file and holds changes the file does not; \
             it is not used, and is set aside when the session is opened"
                .into()
        }
        ProblemKind::JournalGone => {
            "the journal went away or was replaced while samling wrote to it; the next save \
             writes the whole session"
                .into()
        }
        ProblemKind::SessionGone => {
            "the session file is not there (is the folder gone?); the notes wait here".into()
        }
        ProblemKind::ConflictCopy {
            writer,
            merged: true,
        } => format!(
            "a copy the sync engine made of «{writer}»'s journal; its notes are merged, the \
             rest is not used"
        ),
        ProblemKind::ConflictCopy {
            writer,
            merged: false,
        } => format!(
            "a copy the sync engine made of «{writer}»'s journal; it is not used – look it \
             over, and move it away once you have seen what it holds"
        ),
        ProblemKind::Unplaced { count } => format!(
            "{count} notes are on an item or question no longer in the agenda; they are left \
             out, but kept in the journal"
        ),
        ProblemKind::SessionCopy { id } => format!(
            "a copy of the session «{id}» under another name (made by a sync engine?); it is \
             not used – look it over, and move it away once you have seen what it holds"
        ),
        ProblemKind::NotTheirs { count } => format!(
            "{count} changes in the journal are to what only the facilitator or another writer \
             may change; they are left out, the writer's own notes are used"
        ),
        ProblemKind::JournalNotApplied(kind) => format!(
            "the journal's changes would break a rule ({}); the journal is not used",
            invalid(kind)
        ),
    }
}

fn what(w: &str) -> &str {
    match w {
        "item" => "agenda item",
        "agreement" => "agreement",
        "prompt" => "question",
        "timing" => "timing record",
        other => other,
    }
}

fn invalid(k: &InvalidKind) -> String {
    match k {
        InvalidKind::Empty { field } => format!("\"{field}\" must not be empty"),
        InvalidKind::BadId { id } => {
            format!("id \"{id}\" may only hold a–z, digits, - and _ (it is used in file names)")
        }
        InvalidKind::NoGatherings => "the program has no gatherings".into(),
        InvalidKind::DuplicateGathering { number } => {
            format!("gathering number {number} appears twice")
        }
        InvalidKind::GatheringOutOfOrder { number, expected } => {
            format!("gathering number {number} stands where gathering {expected} should")
        }
        InvalidKind::DuplicateId { what: w, id } => {
            format!("{} id \"{id}\" appears twice", what(w))
        }
        InvalidKind::BadMinutes { item, minutes } => {
            format!("\"{item}\": {minutes} minutes will not do; a duration must be 1–1440 minutes")
        }
        InvalidKind::StepsTooLong {
            item,
            steps,
            minutes,
        } => format!("\"{item}\": the steps take {steps} minutes, but the item has only {minutes}"),
        InvalidKind::BadMinimum { item, min, minutes } => {
            format!("\"{item}\": min_minutes {min} must be 1 to the item's {minutes} minutes")
        }
        InvalidKind::UnknownGoal { item, goal } => {
            format!("\"{item}\": the program has no learning goal \"{goal}\"")
        }
        InvalidKind::BadRevisit {
            gathering,
            item,
            prompt,
        } => format!(
            "the question referred to (gathering {gathering}, \"{item}\", question \"{prompt}\") does not exist"
        ),
        InvalidKind::GatheringLength {
            number,
            planned,
            stated,
        } => format!(
            "gathering {number}: the agenda has {planned} minutes, but from start to end there are {stated} minutes"
        ),
        InvalidKind::ModuleIdTaken { id, gathering } => format!(
            "the id «{id}» of an optional module is also an agenda item of gathering {gathering}; give the module an id of its own"
        ),
        InvalidKind::RevisitNotEarlier {
            gathering,
            revisits,
        } if gathering == revisits => format!(
            "gathering {gathering} asks one of its own questions again: \"Then – now\" has no earlier answers to show"
        ),
        InvalidKind::RevisitNotEarlier {
            gathering,
            revisits,
        } => format!(
            "gathering {gathering} asks a question from gathering {revisits} again, but gathering {revisits} comes later: \"Then – now\" has no earlier answers to show"
        ),
        InvalidKind::UnknownGathering { number } => {
            format!("the program has no gathering {number}")
        }
        InvalidKind::UnknownNote { note } => format!("there is no note {note}"),
        InvalidKind::UnknownItem { item } => format!("there is no agenda item \"{item}\""),
        InvalidKind::UnknownPrompt { item, prompt } => {
            format!("\"{item}\" has no question with the id \"{prompt}\"")
        }
        InvalidKind::BadGroup { group } => format!("group {group} will not do; use 1–9"),
        InvalidKind::TimeOutOfOrder { what } => format!("the times of \"{what}\" run backwards"),
        InvalidKind::BadTimerSequence { item } => {
            format!("the timing record of \"{item}\" is out of order (start, pause, resume, end)")
        }
    }
}
