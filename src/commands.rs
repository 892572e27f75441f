//! The non-interactive commands: `programs`, `show`, `plan`, `calendar`, `agreements`, `export` and `check`. Each writes plain text to the
//! writers it is given and returns whether everything was fine, so tests can run them without a
//! process and the binary can map the answer to an exit code.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::export::{self, Minutes};
use crate::i18n::Strings;
use crate::model::session::latest_word;
use crate::model::{GatheringPlan, Program, Status, schedule};
use crate::store::catalog::{self, Entry, Source};
use crate::store::{self, Layout, Problem, ProblemKind, sessions};
use crate::text;

/// Where output goes: `out` for results, `err` for problems.
pub struct Io<'a> {
    pub out: &'a mut dyn Write,
    pub err: &'a mut dyn Write,
}

/// The user's programs are optional: without a data dir, the built-in ones are still listed.
fn catalogue(layout: Option<&Layout>) -> (Vec<Entry>, Vec<Problem>) {
    match layout {
        Some(layout) => catalog::programs(layout),
        None => {
            let (programs, problems) = catalog::builtin();
            let entries = programs
                .into_iter()
                .map(|program| Entry {
                    program,
                    source: Source::Builtin,
                })
                .collect();
            (entries, problems)
        }
    }
}

fn report(io: &mut Io, s: &Strings, problems: &[Problem]) -> io::Result<()> {
    for p in problems {
        writeln!(io.err, "{}", s.located(p))?;
    }
    Ok(())
}

/// `samling programs`: one line per program. False if a user program file did not load.
pub fn programs(io: &mut Io, s: &Strings, layout: Option<&Layout>) -> io::Result<bool> {
    let (entries, problems) = catalogue(layout);
    // Cleaned here already (the writer would too) so the columns line up without what is
    // taken out.
    let ids: Vec<_> = entries.iter().map(|e| text::clean(&e.program.id)).collect();
    let titles: Vec<_> = entries
        .iter()
        .map(|e| text::clean(&e.program.title))
        .collect();
    let id_width = column_width(s.col_id, ids.iter().map(|c| c.as_ref()));
    let title_width = column_width(s.col_title, titles.iter().map(|c| c.as_ref()));
    writeln!(
        io.out,
        "{:<id_width$}  {:<title_width$}  {:>9}  {}",
        s.col_id, s.col_title, s.col_gatherings, s.col_source
    )?;
    for ((e, id), title) in entries.iter().zip(&ids).zip(&titles) {
        let source = match &e.source {
            Source::Builtin => s.source_builtin.to_string(),
            Source::User(path) => path.display().to_string(),
        };
        writeln!(
            io.out,
            "{:<id_width$}  {:<title_width$}  {:>9}  {}",
            id,
            title,
            e.program.gatherings.len(),
            source
        )?;
    }
    report(io, s, &problems)?;
    Ok(problems.is_empty())
}

/// The program with id `id` among `entries`; if there is none, says so with the ids there are.
fn known<'a>(
    io: &mut Io,
    s: &Strings,
    entries: &'a [Entry],
    id: &str,
) -> io::Result<Option<&'a Entry>> {
    let found = catalog::find(entries, id);
    if found.is_none() {
        let ids: Vec<String> = entries.iter().map(|e| e.program.id.clone()).collect();
        writeln!(io.err, "{}", (s.unknown_program)(id, &ids))?;
    }
    Ok(found)
}

/// The width of a column in characters: its widest cell or its header.
fn column_width<'a>(header: &str, cells: impl Iterator<Item = &'a str>) -> usize {
    cells
        .map(|c| c.chars().count())
        .chain([header.chars().count()])
        .max()
        .unwrap_or(0)
}

/// What `samling show` was asked for.
pub struct ShowRequest<'a> {
    pub program: &'a str,
    pub gathering: Option<u32>,
    pub notes: bool,
    pub modules: bool,
    pub format: crate::cli::ShowFormat,
}

/// `samling show PROGRAM [--gathering N] [--notes] [--modules] [--format text|ron]`.
pub fn show(
    io: &mut Io,
    s: &Strings,
    layout: Option<&Layout>,
    req: &ShowRequest,
) -> io::Result<bool> {
    let (entries, problems) = catalogue(layout);
    report(io, s, &problems)?;
    let Some(entry) = known(io, s, &entries, req.program)? else {
        return Ok(false);
    };
    let program = &entry.program;
    if req.format == crate::cli::ShowFormat::Ron {
        // The whole program as its file would be: the way to start one's own from it.
        let text = store::save::to_ron(program).map_err(io::Error::other)?;
        io.out.write_all(text.as_bytes())?;
        return Ok(true);
    }
    if req.modules {
        show_modules(io.out, s, program, req.notes)?;
        return Ok(true);
    }
    let with_notes = req.notes;
    match req.gathering {
        None => show_program(io.out, s, program)?,
        Some(n) => match program.gathering(n) {
            Some(plan) => show_gathering(io.out, s, program, plan, with_notes)?,
            None => {
                writeln!(
                    io.err,
                    "{}",
                    (s.unknown_gathering)(n, &program.title, program.gatherings.len() as u32)
                )?;
                return Ok(false);
            }
        },
    }
    Ok(true)
}

fn show_program(out: &mut dyn Write, s: &Strings, p: &Program) -> io::Result<()> {
    writeln!(out, "{} ({})", p.title, p.id)?;
    if !p.source.is_empty() {
        writeln!(out, "{}: {}", s.source, p.source)?;
    }
    if !p.description.is_empty() {
        writeln!(out, "\n{}", p.description)?;
    }
    if !p.goals.is_empty() {
        writeln!(out, "\n{}", s.goals)?;
        for g in &p.goals {
            writeln!(out, "  • {}: {}", g.title, g.text)?;
        }
    }
    writeln!(out)?;
    for g in &p.gatherings {
        writeln!(
            out,
            "{:<48} {}–{}  {}",
            (s.gathering_heading)(g.number, &g.title),
            g.start.format("%H:%M"),
            schedule::planned_end(g.start, &g.agenda).format("%H:%M"),
            (s.minutes)(g.planned_minutes())
        )?;
    }
    if !p.modules.is_empty() {
        writeln!(out, "\n{}", s.modules)?;
        for m in &p.modules {
            let minutes = m.items.iter().map(|i| i.minutes).sum();
            writeln!(out, "  • {} ({})", m.title, (s.minutes)(minutes))?;
        }
    }
    if !p.between.is_empty() {
        writeln!(out, "\n{}", s.between)?;
        for r in &p.between {
            writeln!(out, "  • {}", r.text)?;
        }
    }
    Ok(())
}

/// `samling show PROGRAM --modules`: each optional module with its items, their questions and
/// (with `--notes`) the facilitator's notes, to choose one to insert (`t` on the day).
fn show_modules(out: &mut dyn Write, s: &Strings, p: &Program, with_notes: bool) -> io::Result<()> {
    writeln!(out, "{}", p.title)?;
    writeln!(out, "{}", s.modules)?;
    for m in &p.modules {
        let minutes = m.items.iter().map(|i| i.minutes).sum();
        writeln!(out, "\n{} ({}, {})", m.title, m.id, (s.minutes)(minutes))?;
        if !m.description.is_empty() {
            writeln!(out, "{}", m.description)?;
        }
        for item in &m.items {
            writeln!(
                out,
                "  {}  ({}, {})",
                item.title,
                (s.item_kind)(item.kind),
                (s.minutes)(item.minutes)
            )?;
            show_item(out, s, item, with_notes)?;
        }
    }
    Ok(())
}

/// The lines under an item's heading: its steps, its questions, and its note if asked for.
fn show_item(
    out: &mut dyn Write,
    s: &Strings,
    item: &crate::model::AgendaItem,
    with_notes: bool,
) -> io::Result<()> {
    const INDENT: &str = "               ";
    if !item.steps.is_empty() {
        let steps: Vec<String> = item
            .steps
            .iter()
            .map(|st| format!("{} {}", st.label, (s.minutes)(st.minutes)))
            .collect();
        writeln!(out, "{INDENT}{}: {}", s.steps_heading, steps.join(" · "))?;
    }
    for (n, prompt) in item.prompts.iter().enumerate() {
        let revisit = prompt
            .revisits
            .as_ref()
            .map(|r| format!(" ({})", (s.revisits)(r.gathering)))
            .unwrap_or_default();
        writeln!(out, "{INDENT}{}. {}{revisit}", n + 1, prompt.text)?;
    }
    if with_notes && !item.facilitator_note.is_empty() {
        writeln!(
            out,
            "{INDENT}{}: {}",
            s.facilitator_note, item.facilitator_note
        )?;
    }
    Ok(())
}

fn show_gathering(
    out: &mut dyn Write,
    s: &Strings,
    p: &Program,
    g: &GatheringPlan,
    with_notes: bool,
) -> io::Result<()> {
    writeln!(out, "{}", p.title)?;
    writeln!(out, "{}", (s.gathering_heading)(g.number, &g.title))?;
    if !g.purpose.is_empty() {
        writeln!(out, "{}: {}", s.purpose, g.purpose)?;
    }
    writeln!(out)?;
    let slots = schedule::planned(g.start, &g.agenda);
    for (item, slot) in g.agenda.iter().zip(&slots) {
        writeln!(
            out,
            "{}–{}  {}  ({}, {})",
            slot.start.format("%H:%M"),
            slot.end.format("%H:%M"),
            item.title,
            (s.item_kind)(item.kind),
            (s.minutes)(item.minutes)
        )?;
        show_item(out, s, item, with_notes)?;
    }
    writeln!(
        out,
        "{}        {}",
        schedule::planned_end(g.start, &g.agenda).format("%H:%M"),
        s.planned_end
    )?;
    Ok(())
}

/// `samling agreements [PROGRAM]`: the agreements not yet done or dropped, across every held
/// gathering, with who, when, and where they were made, so a principal can follow up without
/// opening the interactive program. False if a session file did not load.
///
/// An agreement carried through several gatherings is listed once, as the latest review left
/// it: an earlier file still says "open" about one marked done since.
pub fn agreements(
    io: &mut Io,
    s: &Strings,
    layout: &Layout,
    program: Option<&str>,
) -> io::Result<bool> {
    each_program(
        io,
        s,
        layout,
        program,
        s.no_open_agreements,
        |io, entry, held, all| {
            let open: Vec<_> = latest_word(held.iter().map(|h| &h.session))
                .into_iter()
                .filter(|c| !matches!(c.status(), Status::Done | Status::Dropped))
                .collect();
            if open.is_empty() {
                return Ok(false);
            }
            writeln!(io.out, "{}", entry.program.title)?;
            for c in open {
                // Where it was made: that session's date and title, and the item's title.
                let made_in = held
                    .iter()
                    .find(|h| h.session.id == c.origin.session)
                    .map(|h| &h.session);
                let item = c.origin.item_name();
                let origin = match made_in {
                    Some(m) => format!(
                        "{} ({}), {item}",
                        (s.gathering_heading)(c.origin.gathering, &m.title),
                        s.date(m.date),
                    ),
                    None => (s.made_at)(c.origin.gathering, item, c.origin_group()),
                };
                writeln!(
                    io.out,
                    "  • {}\n    {} · {} · {}\n    {origin}",
                    c.text,
                    (s.who)(&c.who),
                    s.due_by(&c.due, next_gathering(all, c)),
                    (s.status)(c.status()),
                )?;
            }
            Ok(true)
        },
    )
}

/// The date of the gathering after the last one that carried `agreement`: what "before the
/// next gathering" means for it now.
fn next_gathering(
    held: &[sessions::Held],
    agreement: &crate::model::Agreement,
) -> Option<chrono::NaiveDate> {
    let last = held
        .iter()
        .filter(|h| h.session.agreements.iter().any(|a| a.id == agreement.id))
        .map(|h| h.session.gathering)
        .max()?;
    sessions::next_date(held, last)
}

/// `samling history [PROGRAM]`: every held gathering with date, place, and how many notes and
/// agreements it has. False if a session file did not load.
pub fn history(
    io: &mut Io,
    s: &Strings,
    layout: &Layout,
    program: Option<&str>,
) -> io::Result<bool> {
    each_program(
        io,
        s,
        layout,
        program,
        s.nothing_held_at_all,
        |io, entry, held, _| {
            if held.is_empty() {
                return Ok(false);
            }
            writeln!(io.out, "{}", entry.program.title)?;
            for h in held {
                let x = &h.session;
                let state = if x.is_finished() {
                    ""
                } else {
                    s.in_progress_tag
                };
                writeln!(
                    io.out,
                    "  {}  {}{state}\n    {} · {}\n    {}",
                    s.date(x.date),
                    (s.gathering_heading)(x.gathering, &x.title),
                    if x.place.is_empty() { "–" } else { &x.place },
                    // The agreements made there; carried ones are counted where they were made.
                    (s.history_counts)(x.notes.len(), x.made_here().count()),
                    h.path.display()
                )?;
            }
            Ok(true)
        },
    )
}

/// Runs `print` on the held sessions ([`crate::model::Session::is_held`]) of the program named, or of every program, then says
/// `nothing` if no program printed anything and lists the files that did not load. False if
/// the program is unknown or a file did not load.
fn each_program(
    io: &mut Io,
    s: &Strings,
    layout: &Layout,
    program: Option<&str>,
    nothing: &str,
    mut print: impl FnMut(&mut Io, &Entry, &[sessions::Held], &[sessions::Held]) -> io::Result<bool>,
) -> io::Result<bool> {
    let (entries, mut problems) = catalog::programs(layout);
    let chosen: Vec<&Entry> = match program {
        Some(id) => match catalog::find(&entries, id) {
            Some(entry) => vec![entry],
            None => {
                let known: Vec<String> = entries.iter().map(|e| e.program.id.clone()).collect();
                writeln!(io.err, "{}", (s.unknown_program)(id, &known))?;
                return Ok(false);
            }
        },
        None => entries.iter().collect(),
    };
    let mut any = false;
    for entry in chosen {
        let (all, mut found) = sessions::held(layout, &entry.program.id);
        problems.append(&mut found);
        // A gathering begun and left empty was not held: it has nothing to list (but its date
        // may say when the next gathering is).
        let mut held = all.clone();
        held.retain(|h| h.session.is_held());
        any |= print(io, entry, &held, &all)?;
    }
    if !any {
        writeln!(io.out, "{nothing}")?;
    }
    report(io, s, &problems)?;
    Ok(problems.is_empty())
}

/// What `samling export` is asked for.
pub struct ExportRequest<'a> {
    /// A session file, or a program id (with `gathering`).
    pub session: &'a str,
    pub gathering: Option<u32>,
    pub format: export::Format,
    pub output: Option<&'a Path>,
    pub force: bool,
    pub include_private: bool,
    /// The participants' agenda rather than the minutes.
    pub agenda: bool,
}

/// `samling export`: writes the minutes of one held gathering, by default beside its file as
/// `<file>.referat.md` (or `.html`). An existing file is replaced only with `--force`.
pub fn export(
    io: &mut Io,
    s: &Strings,
    layout: Option<&Layout>,
    req: &ExportRequest,
) -> io::Result<bool> {
    let (entries, _) = catalogue(layout);
    if req.agenda {
        return export_agenda(io, s, layout, &entries, req);
    }
    let given = Path::new(req.session);
    let (path, session) = if given.exists() || req.session.ends_with(".ron") {
        match store::journal::load(given) {
            Ok(loaded) => {
                report(io, s, &loaded.notices)?;
                (given.to_path_buf(), loaded.session)
            }
            Err(problems) => {
                report(io, s, &problems)?;
                return Ok(false);
            }
        }
    } else {
        let Some(layout) = layout else {
            writeln!(io.err, "{}", s.no_data_dir)?;
            return Ok(false);
        };
        let Some(entry) = known(io, s, &entries, req.session)? else {
            return Ok(false);
        };
        let (held, problems) = sessions::held(layout, &entry.program.id);
        report(io, s, &problems)?;
        // Never a gathering only begun: its minutes would be empty.
        match sessions::latest_held(&held, req.gathering) {
            Some(h) => (h.path.clone(), h.session.clone()),
            None => {
                writeln!(
                    io.err,
                    "{}",
                    (s.nothing_held)(&entry.program.title, req.gathering)
                )?;
                return Ok(false);
            }
        }
    };
    let program = catalog::find(&entries, &session.program)
        .map_or(session.program.clone(), |e| e.program.title.clone());
    let next = layout.and_then(|l| {
        let (held, _) = sessions::held(l, &session.program);
        sessions::next_date(&held, session.gathering)
    });
    let minutes = Minutes::of(&session, &program, req.include_private).with_next_gathering(next);
    let text = req.format.write(&minutes, s);
    let out = req
        .output
        .map_or_else(|| export::beside(&path, req.format), Path::to_path_buf);
    if is_session_file(&out, &path) {
        writeln!(
            io.err,
            "{}",
            (s.export_onto_session)(&out.display().to_string())
        )?;
        return Ok(false);
    }
    write_export(io, s, &out, &text, req.force, &s.export_written)
}

/// Writes an export to `out`, atomically; never a `.ron` file, an existing file only with
/// `force`. Says where.
fn write_export(
    io: &mut Io,
    s: &Strings,
    out: &Path,
    text: &str,
    force: bool,
    written: &dyn Fn(&str) -> String,
) -> io::Result<bool> {
    if is_ron(out) {
        let why = (s.export_onto_session)(&out.display().to_string());
        writeln!(io.err, "{why}")?;
        return Ok(false);
    }
    if out.exists() && !force {
        writeln!(io.err, "{}", (s.export_exists)(&out.display().to_string()))?;
        return Ok(false);
    }
    if let Err(e) = store::save::write_atomic_no_backup(out, text.as_bytes()) {
        writeln!(io.err, "{}", s.located(&Problem::io(out, &e)))?;
        return Ok(false);
    }
    writeln!(io.out, "{}", written(&out.display().to_string()))?;
    Ok(true)
}

/// `samling export PROGRAM -g N --agenda`: the participants' agenda of gathering N, from its
/// prepared (or latest) session if there is one, else from the plan. Written beside that
/// session as `<file>.agenda.md|html`, or as `<program>-<NN>.agenda.md|html` here, unless `-o`.
fn export_agenda(
    io: &mut Io,
    s: &Strings,
    layout: Option<&Layout>,
    entries: &[Entry],
    req: &ExportRequest,
) -> io::Result<bool> {
    let Some(entry) = catalog::find(entries, req.session) else {
        let known: Vec<String> = entries.iter().map(|e| e.program.id.clone()).collect();
        writeln!(io.err, "{}", (s.unknown_program)(req.session, &known))?;
        return Ok(false);
    };
    let program = &entry.program;
    let number = req.gathering.unwrap_or(1);
    let Some(plan) = program.gathering(number) else {
        let count = program.gatherings.len() as u32;
        writeln!(
            io.err,
            "{}",
            (s.unknown_gathering)(number, &program.title, count)
        )?;
        return Ok(false);
    };
    let held = layout.map_or_else(Vec::new, |l| sessions::held(l, &program.id).0);
    let session = sessions::unfinished(&held, number)
        .or_else(|| held.iter().rev().find(|h| h.session.gathering == number));
    let handout = export::Handout::of(program, plan, session.map(|h| &h.session));
    let text = handout.write(req.format, s);
    let extension = format!("agenda.{}", req.format.extension());
    let out = match (req.output, session) {
        (Some(out), _) => out.to_path_buf(),
        (None, Some(h)) => {
            let mut name = h.path.file_name().unwrap_or_default().to_os_string();
            name.push(format!(".{extension}"));
            h.path.with_file_name(name)
        }
        (None, None) => PathBuf::from(format!("{}-{number:02}.{extension}", program.id)),
    };
    write_export(io, s, &out, &text, req.force, &s.handout_written)
}

/// Whether writing the minutes to `out` would destroy a samling file: the session exported
/// (by any spelling of its path, or a link to it), or any `.ron` file, which is where sessions
/// and programs live. Even `--force` must not turn a session into Markdown.
fn is_session_file(out: &Path, session: &Path) -> bool {
    is_ron(out) || canonical(out).is_some_and(|o| canonical(session) == Some(o))
}

/// Whether `path` names a `.ron` file: where sessions and programs live, never an export.
fn is_ron(path: &Path) -> bool {
    path.extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("ron"))
}

/// `path` with links and `.`/`..` resolved; for a file not there yet, its folder resolved.
fn canonical(path: &Path) -> Option<PathBuf> {
    path.canonicalize().ok().or_else(|| {
        let folder = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        Some(folder.canonicalize().ok()?.join(path.file_name()?))
    })
}

/// `samling check FILE|PROGRAM...`: every problem as `path:line:col: message`. False if any.
pub fn check(
    io: &mut Io,
    s: &Strings,
    layout: Option<&Layout>,
    files: &[PathBuf],
) -> io::Result<bool> {
    let mut count = 0;
    for arg in files {
        let (path, result) = match check_target(layout, arg) {
            CheckTarget::File(path) => {
                let result = store::load_any(&path).map(|_| ());
                (path, result)
            }
            CheckTarget::Builtin(b) => {
                let path = PathBuf::from(b.path);
                let result = store::load::check_program(&path, b.source).map(|_| ());
                (path, result)
            }
        };
        match result {
            Ok(()) => writeln!(io.out, "{}: {}", path.display(), s.check_ok)?,
            Err(problems) => {
                count += problems.len();
                for p in &problems {
                    writeln!(io.out, "{}", s.located(p))?;
                }
            }
        }
    }
    writeln!(io.err, "{}", (s.check_summary)(files.len(), count))?;
    Ok(count == 0)
}

/// What `samling check` reads for one of its arguments.
enum CheckTarget {
    File(PathBuf),
    Builtin(&'static catalog::Builtin),
}

/// A file that is there is checked as it is; a bare name that is no file is a program id: the
/// user's own program of that id (the file it was loaded from, whatever its name; else
/// `<data>/programs/ID.ron`, which may be there but not load), else the built-in one, so that
/// `samling check my-program` works from any folder. Anything else is checked as a file (and
/// reported missing).
fn check_target(layout: Option<&Layout>, arg: &Path) -> CheckTarget {
    let bare = arg.components().count() == 1 && arg.extension().is_none();
    if arg.is_file() || !bare {
        return CheckTarget::File(arg.to_path_buf());
    }
    let id = arg.to_string_lossy();
    if let Some(layout) = layout {
        let (entries, _) = catalog::programs(layout);
        if let Some(Source::User(path)) = catalog::find(&entries, &id).map(|e| &e.source) {
            return CheckTarget::File(path.clone());
        }
        let own = layout.program_file(&id);
        if own.exists() || own.is_symlink() {
            return CheckTarget::File(own);
        }
    }
    match catalog::BUILTIN
        .iter()
        .find(|b| Path::new(b.path).file_stem() == Some(arg.as_os_str()))
    {
        Some(b) => CheckTarget::Builtin(b),
        None => CheckTarget::File(arg.to_path_buf()),
    }
}

/// `samling new ID --from PROGRAM [--title T]`: a copy of a program (built-in or the user's)
/// under a new id, in the user's programs folder, ready to edit. Never overwrites: an id a
/// program has, or a file that is there (one that did not load, say), is refused.
pub fn new_program(
    io: &mut Io,
    s: &Strings,
    layout: &Layout,
    id: &str,
    from: &str,
    title: Option<&str>,
) -> io::Result<bool> {
    let (entries, problems) = catalogue(Some(layout));
    report(io, s, &problems)?;
    let Some(entry) = known(io, s, &entries, from)? else {
        return Ok(false);
    };
    if catalog::find(&entries, id).is_some() {
        writeln!(io.err, "{}", (s.program_exists)(id))?;
        return Ok(false);
    }
    let mut program = entry.program.clone();
    program.id = id.to_string();
    if let Some(title) = title {
        program.title = title.to_string();
    }
    // The copy's own rules (its id a file name; a title not empty), said as `check` says them.
    let path = layout.program_file(id);
    let invalid = crate::model::validate::program(&program);
    if let Some(first) = invalid.first() {
        let problem = Problem::new(&path, ProblemKind::Invalid(first.kind.clone()));
        writeln!(io.err, "{}", s.located(&problem))?;
        return Ok(false);
    }
    // The name is taken for this program before it is written (a file, a link, even one that
    // points nowhere, is never replaced): the atomic write then replaces only its own
    // placeholder.
    let reserved = std::fs::create_dir_all(layout.programs_dir()).and_then(|()| {
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
    });
    match reserved {
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            writeln!(io.err, "{}", (s.file_exists)(&path.display().to_string()))?;
            return Ok(false);
        }
        Err(e) => {
            writeln!(io.err, "{}", s.located(&Problem::io(&path, &e)))?;
            return Ok(false);
        }
        Ok(_) => {}
    }
    // No `.bak` of the empty placeholder beside it.
    let written = store::save::to_ron(&program)
        .map_err(|e| Problem::io(&path, &io::Error::other(e)))
        .and_then(|text| {
            store::save::write_atomic_no_backup(&path, text.as_bytes())
                .map_err(|e| Problem::io(&path, &e))
        });
    if written.is_err() {
        // Nothing of the program's is left behind under its name.
        let _ = std::fs::remove_file(&path);
    }
    if let Err(problem) = written {
        writeln!(io.err, "{}", s.located(&problem))?;
        return Ok(false);
    }
    writeln!(
        io.out,
        "{}",
        (s.program_created)(&path.display().to_string(), id)
    )?;
    Ok(true)
}

/// What `samling plan` was asked to set.
pub struct PlanRequest<'a> {
    pub program: &'a str,
    pub gathering: u32,
    pub date: &'a str,
    pub start: Option<&'a str>,
    pub place: Option<&'a str>,
    pub must_end: Option<&'a str>,
    /// Set a date that has passed.
    pub yes: bool,
}

/// `samling plan PROGRAM -g N --date D …`: sets a gathering's date (and start, place, must-end
/// time) before the day, in its prepared session (made if there is none; the same file each
/// time). Refuses a gathering held or begun, a date that does not read, and, without `--yes`, a
/// date that has passed; warns when another gathering of the program has the same date.
pub fn plan(
    io: &mut Io,
    s: &Strings,
    layout: &Layout,
    config: &crate::store::config::Config,
    req: &PlanRequest,
    today: chrono::NaiveDate,
) -> io::Result<bool> {
    let (entries, problems) = catalogue(Some(layout));
    report(io, s, &problems)?;
    let Some(entry) = known(io, s, &entries, req.program)? else {
        return Ok(false);
    };
    let program = &entry.program;
    let Some(plan) = program.gathering(req.gathering) else {
        let count = program.gatherings.len() as u32;
        let why = (s.unknown_gathering)(req.gathering, &program.title, count);
        writeln!(io.err, "{why}")?;
        return Ok(false);
    };
    let Some(date) = crate::when::date(req.date) else {
        writeln!(io.err, "{}", (s.not_a_date)(req.date))?;
        return Ok(false);
    };
    let time = |text: Option<&str>| match text {
        None => Ok(None),
        Some(t) => crate::when::time(t).map(Some).ok_or((s.not_a_time)(t)),
    };
    let (start, must_end) = match (time(req.start), time(req.must_end)) {
        (Ok(start), Ok(must_end)) => (start, must_end),
        (Err(why), _) | (_, Err(why)) => {
            writeln!(io.err, "{why}")?;
            return Ok(false);
        }
    };
    if date < today && !req.yes {
        writeln!(io.err, "{}", (s.plan_past)(&s.date(date)))?;
        return Ok(false);
    }
    let prepared =
        crate::service::prepare_gathering(s, layout, config, program, req.gathering, date);
    let (opened, _lock) = match prepared {
        Ok(opened) => opened,
        Err(why) => {
            writeln!(io.err, "{why}")?;
            return Ok(false);
        }
    };
    let mut session = opened.session;
    session.date = date;
    session.start = start.unwrap_or(session.start);
    session.must_end = must_end.or(session.must_end);
    if let Some(place) = req.place {
        session.place = place.to_string();
    }
    if let Err(p) = store::save_session(&opened.path, &session) {
        writeln!(io.err, "{}", s.located(&p))?;
        return Ok(false);
    }
    let (held, _) = sessions::held(layout, &program.id);
    for other in held
        .iter()
        .filter(|h| h.session.date == date && h.session.gathering != req.gathering)
    {
        writeln!(
            io.err,
            "{}",
            (s.plan_same_date)(other.session.gathering, &s.date(date))
        )?;
    }
    let minutes: i64 = (0..session.agenda.len())
        .filter(|&i| !session.is_skipped(&session.agenda[i].id))
        .map(|i| i64::from(session.minutes_of(i)))
        .sum();
    let end = session.start + chrono::Duration::minutes(minutes);
    let when = format!(
        "{} {}–{}{}",
        s.date(date),
        session.start.format("%H:%M"),
        end.format("%H:%M"),
        if session.place.is_empty() {
            String::new()
        } else {
            format!(", {}", session.place)
        }
    );
    let path = opened.path.display().to_string();
    writeln!(
        io.out,
        "{}",
        (s.planned)(plan.number, &plan.title, &when, &path)
    )?;
    Ok(true)
}

/// `samling calendar [PROGRAM] [-o FILE]`: the program's gatherings with a date and its open
/// agreements with a due date, as an iCalendar file (printed without `-o`). False if the
/// program is not known or a session file did not load.
pub fn calendar(
    io: &mut Io,
    s: &Strings,
    layout: &Layout,
    id: &str,
    output: Option<&Path>,
) -> io::Result<bool> {
    let (entries, problems) = catalogue(Some(layout));
    report(io, s, &problems)?;
    let Some(entry) = known(io, s, &entries, id)? else {
        return Ok(false);
    };
    let (held, problems) = sessions::held(layout, &entry.program.id);
    report(io, s, &problems)?;
    let sessions: Vec<_> = held.into_iter().map(|h| h.session).collect();
    let text = export::calendar(&entry.program, &sessions, s, chrono::Utc::now());
    let Some(out) = output else {
        write!(io.out, "{text}")?;
        return Ok(problems.is_empty());
    };
    // Written again over the last one: a calendar is only ever a copy of what the files say.
    let events = text.matches("BEGIN:VEVENT").count();
    let written = |path: &str| (s.calendar_written)(path, events);
    Ok(write_export(io, s, out, &text, true, &written)? && problems.is_empty())
}
