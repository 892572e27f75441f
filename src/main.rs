//! The `samling` binary: reads the settings and the command line, then runs a command or the
//! interactive program. Exit codes: 0 all well, 1 a problem was reported, 2 a usage error.

use std::env;
use std::ffi::OsString;
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use samling::app::{State, update};
use samling::cli::{self, Command};
use samling::commands::{self, Io};
use samling::i18n::{Lang, Strings};
use samling::store::catalog::{self, Entry};
use samling::store::config::{Config, Depth, Theme};
use samling::store::{Layout, config, paths, sessions};
use samling::text::Clean;
use samling::tui::{self, Context};

fn main() -> ExitCode {
    let args: Vec<OsString> = env::args_os().collect();
    let pre = cli::prescan(&args);
    let config_file = pre
        .config
        .clone()
        .or_else(|| {
            env::var_os(paths::CONFIG_ENV)
                .filter(|v| !v.is_empty())
                .map(Into::into)
        })
        .or_else(paths::platform_config_file);
    let (config, config_problem) = match &config_file {
        Some(path) => config::load(path),
        None => Default::default(),
    };
    let env_lang = env::var(cli::LANG_ENV).ok().filter(|v| !v.is_empty());
    let lang = pre
        .lang
        .or_else(|| env_lang.as_deref().and_then(Lang::parse))
        .unwrap_or(config.language);
    let s = lang.strings();
    if pre.lang.is_none()
        && let Some(v) = env_lang.as_deref().filter(|v| Lang::parse(v).is_none())
    {
        let _ = writeln!(
            Clean::new(io::stderr()),
            "samling: {}: {}",
            s.warning,
            (s.unknown_lang)(v)
        );
    }
    let cli = cli::parse(&args, s);

    // Everything printed passes through `Clean`: titles, notes, places and file names come
    // from files anyone may have edited, and must not reach the terminal as escape sequences.
    let mut stderr = Clean::new(io::stderr());
    if let Some(problem) = &config_problem {
        let _ = writeln!(
            stderr,
            "samling: {}: {}",
            s.warning,
            (s.config_ignored)(&s.located(problem))
        );
    }
    let layout = paths::resolve(
        cli.dir.clone(),
        env::var_os(paths::DATA_DIR_ENV),
        paths::platform_data_dir,
    )
    .map(Layout::new);

    let mut stdout = Clean::new(io::stdout().lock());
    let mut io = Io {
        out: &mut stdout,
        err: &mut stderr,
    };
    let outcome = match &cli.command {
        Some(Command::Programs) => commands::programs(&mut io, s, layout.as_ref()),
        Some(Command::Show {
            program,
            gathering,
            notes,
            modules,
            format,
        }) => {
            let req = commands::ShowRequest {
                program,
                gathering: *gathering,
                notes: *notes,
                modules: *modules,
                format: *format,
            };
            commands::show(&mut io, s, layout.as_ref(), &req)
        }
        Some(Command::Check { files }) => commands::check(&mut io, s, layout.as_ref(), files),
        Some(Command::Export {
            session,
            gathering,
            format,
            output,
            force,
            include_private,
            agenda,
        }) => {
            let req = commands::ExportRequest {
                session,
                gathering: *gathering,
                format: *format,
                output: output.as_deref(),
                force: *force,
                include_private: *include_private,
                agenda: *agenda,
            };
            commands::export(&mut io, s, layout.as_ref(), &req)
        }
        Some(Command::Plan {
            program,
            gathering,
            date,
            start,
            place,
            must_end,
            yes,
        }) => match &layout {
            Some(layout) => {
                let req = commands::PlanRequest {
                    program,
                    gathering: *gathering,
                    date,
                    start: start.as_deref(),
                    place: place.as_deref(),
                    must_end: must_end.as_deref(),
                    yes: *yes,
                };
                let today = chrono::Local::now().date_naive();
                commands::plan(&mut io, s, layout, &config, &req, today)
            }
            None => return no_data_dir(&mut io, s),
        },
        Some(Command::Projector {
            target,
            gathering,
            poll,
        }) => match &layout {
            Some(layout) => {
                let req = (target.as_deref(), *gathering, *poll);
                projector(&mut io, s, layout, req, look(&cli, &config))
            }
            None => return no_data_dir(&mut io, s),
        },
        Some(Command::Notes {
            target,
            gathering,
            name,
        }) => match layout {
            Some(layout) => {
                let req = NotesRequest {
                    target: target.as_deref(),
                    gathering: *gathering,
                    name: name.as_deref(),
                };
                let look = look(&cli, &config);
                notes(&mut io, s, (lang, look), layout, config, &req)
            }
            None => return no_data_dir(&mut io, s),
        },
        Some(Command::New { id, from, title }) => match &layout {
            Some(layout) => commands::new_program(&mut io, s, layout, id, from, title.as_deref()),
            None => return no_data_dir(&mut io, s),
        },
        Some(Command::Calendar { program, output }) => match &layout {
            Some(layout) => {
                let id = program.as_deref().unwrap_or(catalog::BUILTIN_DEFAULT);
                commands::calendar(&mut io, s, layout, id, output.as_deref())
            }
            None => return no_data_dir(&mut io, s),
        },
        Some(Command::Agreements { program }) => match &layout {
            Some(layout) => commands::agreements(&mut io, s, layout, program.as_deref()),
            None => return no_data_dir(&mut io, s),
        },
        Some(Command::History { program }) => match &layout {
            Some(layout) => commands::history(&mut io, s, layout, program.as_deref()),
            None => return no_data_dir(&mut io, s),
        },
        None | Some(Command::Run { .. }) => {
            let Some(layout) = layout else {
                return no_data_dir(&mut io, s);
            };
            let config = Config {
                bell: config.bell && !cli.quiet,
                ..config
            };
            let look = look(&cli, &config);
            interactive(&mut io, s, (lang, look), layout, config, &cli.command)
        }
    };
    match outcome {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(io.err, "samling: {}: {e}", s.error);
            ExitCode::FAILURE
        }
    }
}

/// The room's colours: `--theme`, else the settings' `theme`; and how many colours this
/// terminal shows (`COLORTERM`, `TERM`).
fn look(cli: &cli::Cli, config: &Config) -> (Theme, Depth) {
    let depth = Depth::from_env(|name| env::var(name).ok());
    (cli.theme.unwrap_or(config.theme), depth)
}

/// Says that there is no data dir to work in (no `--dir`, no `SAMLING_DIR`, no home).
fn no_data_dir(io: &mut Io, s: &Strings) -> ExitCode {
    let _ = writeln!(io.err, "samling: {}: {}", s.error, s.no_data_dir);
    ExitCode::FAILURE
}

/// The home screen, or with `run` straight into a gathering (resumed if one is unfinished).
fn interactive(
    io: &mut Io,
    s: &Strings,
    (lang, look): (Lang, (Theme, Depth)),
    layout: Layout,
    config: Config,
    command: &Option<Command>,
) -> io::Result<bool> {
    // Checked before anything is opened or written: without a terminal there is nobody to run
    // a gathering for, and a session file would be left behind.
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        writeln!(io.err, "samling: {}: {}", s.error, s.no_terminal)?;
        return Ok(false);
    }
    let (entries, problems) = catalog::programs(&layout);
    let mut warnings: Vec<String> = problems.iter().map(|p| s.located(p)).collect();
    let programs: Vec<_> = entries.iter().map(|e| e.program.clone()).collect();
    let (held, unread) = samling::service::held_summaries(s, &layout, &programs);
    warnings.extend(unread);
    let mut state = State::new(lang, programs, warnings);
    (state.theme, state.depth) = look;
    state.bell = config.bell;
    state.held = held;
    state.select_next_gathering();
    let mut ctx = Context {
        layout,
        config,
        lock: None,
        taker: None,
    };

    if let Some(Command::Run {
        program,
        gathering,
        again,
    }) = command
    {
        let id = program
            .clone()
            .unwrap_or_else(|| catalog::BUILTIN_DEFAULT.to_string());
        let Some(Entry { program, .. }) = catalog::find(&entries, &id) else {
            let known: Vec<String> = entries.iter().map(|e| e.program.id.clone()).collect();
            writeln!(io.err, "{}", (s.unknown_program)(&id, &known))?;
            return Ok(false);
        };
        let (held, _) = sessions::held(&ctx.layout, &program.id);
        let number =
            match gathering.or_else(|| samling::model::chain::next_gathering(program, &held)) {
                Some(n) => n,
                None => {
                    writeln!(io.err, "{}", (s.all_held)(&program.title))?;
                    return Ok(false);
                }
            };
        if program.gathering(number).is_none() {
            writeln!(
                io.err,
                "{}",
                (s.unknown_gathering)(number, &program.title, program.gatherings.len() as u32)
            )?;
            return Ok(false);
        }
        // Holding a held gathering again is a choice, never an accident: a new session would
        // hide the held one from the gathering after it.
        if !again
            && sessions::unfinished(&held, number).is_none()
            && let Some(h) = held
                .iter()
                .rev()
                .find(|h| h.session.gathering == number && h.session.is_finished())
        {
            let date = s.date(h.session.date);
            writeln!(io.err, "{}", (s.run_held)(number, &date, &program.id))?;
            return Ok(false);
        }
        let now = tui::now();
        let today = now.0.date_naive();
        match samling::service::open_gathering(s, &ctx.layout, &ctx.config, program, number, today)
        {
            Ok((opened, lock)) => {
                ctx.lock = Some(lock);
                update(
                    &mut state,
                    samling::app::Msg::System(samling::app::SystemMsg::Opened(Ok(Box::new(
                        opened,
                    )))),
                    now,
                );
            }
            Err(why) => {
                writeln!(io.err, "samling: {}: {why}", s.error)?;
                return Ok(false);
            }
        }
    }
    tui::run(state, ctx)
}

/// What `samling notes` was asked.
struct NotesRequest<'a> {
    target: Option<&'a str>,
    gathering: Option<u32>,
    name: Option<&'a str>,
}

/// `samling notes`: a note-taker's window on the gathering being led (on this laptop or one
/// that sees the same folder), writing its own journal beside the session.
fn notes(
    io: &mut Io,
    s: &'static Strings,
    (lang, look): (Lang, (Theme, Depth)),
    layout: Layout,
    config: Config,
    req: &NotesRequest,
) -> io::Result<bool> {
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        writeln!(io.err, "samling: {}: {}", s.error, s.no_terminal)?;
        return Ok(false);
    }
    let name = req
        .name
        .map(str::to_string)
        .or_else(samling::platform::user_name)
        .unwrap_or_default();
    let host = samling::platform::host_name();
    let Some(tag) = samling::store::taking::writer_tag(&name, &host) else {
        writeln!(
            io.err,
            "samling: {}: {}",
            s.error,
            (s.bad_writer_name)(&name)
        )?;
        return Ok(false);
    };
    let (entries, _) = catalog::programs(&layout);
    let programs: Vec<_> = entries.into_iter().map(|e| e.program).collect();
    let found = samling::service::follow_target(s, &layout, &programs, req.target, req.gathering);
    let file = match found {
        Ok(file) => file,
        Err(why) => {
            writeln!(io.err, "samling: {}: {why}", s.error)?;
            return Ok(false);
        }
    };
    let opened = match samling::store::taking::NoteTaker::open(&file, &tag) {
        Ok(opened) => opened,
        Err(problems) => {
            for problem in &problems {
                writeln!(io.err, "samling: {}: {}", s.error, s.located(problem))?;
            }
            return Ok(false);
        }
    };
    let mut run = samling::app::Opened::new(&file, opened.session);
    run.notices = opened.notices.iter().map(|p| s.located(p)).collect();
    run.resumed = true;
    run.role = samling::app::run::Role::NoteTaker { tag, name };
    run.occasion = samling::service::occasion_of(&layout, &programs, &run.session);
    let mut state = State::new(lang, programs, Vec::new());
    (state.theme, state.depth) = look;
    state.bell = false;
    let now = tui::now();
    let msg = samling::app::SystemMsg::Opened(Ok(Box::new(run)));
    update(&mut state, samling::app::Msg::System(msg), now);
    let ctx = Context {
        layout,
        config,
        lock: None,
        taker: Some(opened.taker),
    };
    tui::run(state, ctx)
}

/// `samling projector`: the room's view in a window of its own, following the gathering.
fn projector(
    io: &mut Io,
    s: &'static Strings,
    layout: &Layout,
    (target, gathering, poll): (Option<&str>, Option<u32>, bool),
    look: (Theme, Depth),
) -> io::Result<bool> {
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        writeln!(io.err, "samling: {}: {}", s.error, s.no_terminal)?;
        return Ok(false);
    }
    let (entries, _) = catalog::programs(layout);
    let programs: Vec<_> = entries.into_iter().map(|e| e.program).collect();
    let id = target.unwrap_or(catalog::BUILTIN_DEFAULT);
    let file = samling::service::names_a_file(id);
    if !file && !programs.iter().any(|p| p.id == id) {
        let known: Vec<String> = programs.iter().map(|p| p.id.clone()).collect();
        writeln!(
            io.err,
            "samling: {}: {}",
            s.error,
            (s.unknown_program)(id, &known)
        )?;
        return Ok(false);
    }
    let found = samling::service::follow_target(s, layout, &programs, target, gathering).ok();
    let tell: samling::follow::Teller = Box::new({
        let (layout, programs) = (layout.clone(), programs.clone());
        move |session| samling::service::occasion_of(&layout, &programs, session)
    });
    if file {
        return samling::follow::run(found, None, s, poll, look, tell);
    }
    // A program: the gathering to follow may not have begun yet, and the facilitator may go
    // on to the next; the window looks for it again while it waits.
    let (layout, target) = (layout.clone(), target.map(str::to_string));
    let find = move || {
        samling::service::follow_target(s, &layout, &programs, target.as_deref(), gathering).ok()
    };
    samling::follow::run(found, Some(Box::new(find)), s, poll, look, tell)
}
