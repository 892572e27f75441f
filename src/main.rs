//! The `samling` binary: reads the settings and the command line, then runs a command or the
//! interactive program. Exit codes: 0 all well, 1 a problem was reported, 2 a usage error.

use std::env;
use std::ffi::OsString;
use std::io::{self, Write};
use std::process::ExitCode;

use samling::app::State;
use samling::cli::{self, Command};
use samling::commands::{self, Io};
use samling::i18n::Lang;
use samling::store::catalog;
use samling::store::{Layout, config, paths};

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
    let lang = pre
        .lang
        .or_else(|| env::var(cli::LANG_ENV).ok().and_then(|v| Lang::parse(&v)))
        .unwrap_or(config.language);
    let s = lang.strings();
    let cli = cli::parse(&args, s);

    let mut stderr = io::stderr();
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

    let mut stdout = io::stdout().lock();
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
        }) => commands::show(&mut io, s, layout.as_ref(), program, *gathering, *notes),
        Some(Command::Check { files }) => commands::check(&mut io, s, files),
        None => {
            let Some(layout) = layout else {
                let _ = writeln!(io.err, "samling: {}: {}", s.error, s.no_data_dir);
                return ExitCode::FAILURE;
            };
            let (entries, problems) = catalog::programs(&layout);
            let warnings = problems.iter().map(|p| s.located(p)).collect();
            let programs = entries.into_iter().map(|e| e.program).collect();
            samling::tui::run(State::new(lang, programs, warnings)).map(|()| true)
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
