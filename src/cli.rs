//! The command line: what it accepts (clap's derive) and how its help speaks the user's language.
//!
//! clap's derive gives the shape; [`command`] then swaps in the words of [`crate::i18n`], so
//! `samling --help` is in bokmål unless `--lang en` or `SAMLING_LANG=en` says otherwise. The
//! language must be known before clap parses, so [`prescan`] reads `--lang` and `--config` by
//! hand first.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{ArgAction, CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::export::Format;
use crate::i18n::{Lang, Strings};

/// The environment variable that picks the language when `--lang` is not given.
pub const LANG_ENV: &str = "SAMLING_LANG";

#[derive(Debug, Parser)]
#[command(
    name = "samling",
    version,
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true
)]
pub struct Cli {
    #[arg(long, global = true, value_name = "DIR")]
    pub dir: Option<PathBuf>,
    #[arg(long, global = true, value_name = "nb|en", value_parser = parse_lang)]
    pub lang: Option<Lang>,
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    #[arg(short, long, global = true)]
    pub quiet: bool,
    #[arg(long, global = true, value_name = "dark|light", value_parser = parse_theme)]
    pub theme: Option<crate::store::config::Theme>,
    #[arg(short = 'h', long, global = true, action = ArgAction::Help)]
    help: Option<bool>,
    #[arg(short = 'V', long, action = ArgAction::Version)]
    version: Option<bool>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand, PartialEq, Eq)]
pub enum Command {
    Run {
        program: Option<String>,
        #[arg(short, long, value_name = "N")]
        gathering: Option<u32>,
        /// Hold a gathering that was held already once more, as a new session.
        #[arg(long)]
        again: bool,
    },
    Programs,
    Projector {
        target: Option<String>,
        #[arg(short, long, value_name = "N")]
        gathering: Option<u32>,
        #[arg(long)]
        poll: bool,
    },
    Notes {
        target: Option<String>,
        #[arg(short, long, value_name = "N")]
        gathering: Option<u32>,
        #[arg(long, value_name = "NAME")]
        name: Option<String>,
    },
    Calendar {
        program: Option<String>,
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    Plan {
        program: String,
        #[arg(short, long, value_name = "N")]
        gathering: u32,
        #[arg(long)]
        date: String,
        #[arg(long, value_name = "HH:MM")]
        start: Option<String>,
        #[arg(long)]
        place: Option<String>,
        #[arg(long, value_name = "HH:MM")]
        must_end: Option<String>,
        #[arg(short, long)]
        yes: bool,
    },
    Agreements {
        program: Option<String>,
    },
    History {
        program: Option<String>,
    },
    Export {
        session: String,
        #[arg(short, long, value_name = "N")]
        gathering: Option<u32>,
        #[arg(short, long, value_name = "md|html", value_enum, default_value_t = Format::Md)]
        format: Format,
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        #[arg(long)]
        force: bool,
        #[arg(long)]
        include_private: bool,
        #[arg(long)]
        agenda: bool,
    },
    Show {
        program: String,
        #[arg(short, long, value_name = "N")]
        gathering: Option<u32>,
        #[arg(long)]
        notes: bool,
        #[arg(long, conflicts_with = "gathering")]
        modules: bool,
        #[arg(
            long,
            value_name = "text|ron",
            value_enum,
            default_value_t = ShowFormat::Text,
            conflicts_with_all = ["gathering", "modules"]
        )]
        format: ShowFormat,
    },
    New {
        id: String,
        #[arg(long, value_name = "PROGRAM")]
        from: String,
        #[arg(long)]
        title: Option<String>,
    },
    Check {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
}

/// How `samling show` prints a program: for people, or as the RON file it could be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ShowFormat {
    Text,
    Ron,
}

fn parse_theme(s: &str) -> Result<crate::store::config::Theme, String> {
    use crate::store::config::Theme;
    match s {
        "dark" | "mørk" => Ok(Theme::Dark),
        "light" | "lys" => Ok(Theme::Light),
        _ => Err(format!("«{s}»: dark | light")),
    }
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("«{s}»: nb | en"))
}

/// The clap command with every help text in `s`'s language.
pub fn command(s: &Strings) -> clap::Command {
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}\n",
        s.cli_usage_heading
    );
    let localise = |cmd: clap::Command| {
        cmd.help_template(template.clone())
            .subcommand_help_heading(s.cli_commands_heading)
            .mut_args(|a| {
                let heading = if a.is_positional() {
                    s.cli_arguments_heading
                } else {
                    s.cli_options_heading
                };
                a.help_heading(heading)
            })
    };
    let options = format!("[{}]", s.cli_options_placeholder);
    let root = Cli::command()
        .about(s.cli_about)
        .override_usage(format!("samling {options} [{}]", s.cli_command_placeholder))
        .mut_arg("dir", |a| {
            a.help(s.cli_dir).value_name(s.cli_dir_placeholder)
        })
        .mut_arg("lang", |a| a.help(s.cli_lang))
        .mut_arg("config", |a| {
            a.help(s.cli_config).value_name(s.cli_file_placeholder)
        })
        .mut_arg("quiet", |a| a.help(s.cli_quiet))
        .mut_arg("theme", |a| a.help(s.cli_theme))
        .mut_arg("help", |a| a.help(s.cli_help))
        .mut_arg("version", |a| a.help(s.cli_version))
        .mut_subcommand("run", |c| {
            c.about(s.cli_run)
                .override_usage(format!("samling run {options} [PROGRAM]"))
                .mut_arg("program", |a| a.help(s.cli_run_program))
                .mut_arg("gathering", |a| a.help(s.cli_run_gathering))
                .mut_arg("again", |a| a.help(s.cli_run_again))
        })
        .mut_subcommand("projector", |c| {
            c.about(s.cli_projector)
                .override_usage(format!("samling projector {options} [PROGRAM | FIL]"))
                .mut_arg("target", |a| a.help(s.cli_projector_target))
                .mut_arg("gathering", |a| a.help(s.cli_plan_gathering))
                .mut_arg("poll", |a| a.help(s.cli_projector_poll))
        })
        .mut_subcommand("notes", |c| {
            c.about(s.cli_notes)
                .override_usage(format!(
                    "samling notes {options} [PROGRAM | FIL] [-g N] [--name NAVN]"
                ))
                .mut_arg("target", |a| a.help(s.cli_projector_target))
                .mut_arg("gathering", |a| a.help(s.cli_plan_gathering))
                .mut_arg("name", |a| a.help(s.cli_notes_name))
        })
        .mut_subcommand("calendar", |c| {
            c.about(s.cli_calendar)
                .override_usage(format!("samling calendar {options} [PROGRAM] [-o FIL.ics]"))
                .mut_arg("program", |a| a.help(s.cli_run_program))
                .mut_arg("output", |a| {
                    a.help(s.cli_calendar_output)
                        .value_name(s.cli_file_placeholder)
                })
        })
        .mut_subcommand("plan", |c| {
            c.about(s.cli_plan)
                .override_usage(format!(
                    "samling plan {options} <PROGRAM> --gathering <N> --date <DATO>"
                ))
                .mut_arg("program", |a| a.help(s.cli_show_program))
                .mut_arg("gathering", |a| a.help(s.cli_plan_gathering))
                .mut_arg("date", |a| a.help(s.cli_plan_date))
                .mut_arg("start", |a| a.help(s.cli_plan_start))
                .mut_arg("place", |a| a.help(s.cli_plan_place))
                .mut_arg("must_end", |a| a.help(s.cli_plan_must_end))
                .mut_arg("yes", |a| a.help(s.cli_plan_yes))
        })
        .mut_subcommand("programs", |c| {
            c.about(s.cli_programs)
                .override_usage(format!("samling programs {options}"))
        })
        .mut_subcommand("agreements", |c| {
            c.about(s.cli_agreements)
                .override_usage(format!("samling agreements {options} [PROGRAM]"))
                .mut_arg("program", |a| a.help(s.cli_agreements_program))
        })
        .mut_subcommand("history", |c| {
            c.about(s.cli_history)
                .override_usage(format!("samling history {options} [PROGRAM]"))
                .mut_arg("program", |a| a.help(s.cli_agreements_program))
        })
        .mut_subcommand("export", |c| {
            c.about(s.cli_export)
                .override_usage(format!("samling export {options} <FIL | PROGRAM>"))
                .mut_arg("session", |a| a.help(s.cli_export_session))
                .mut_arg("gathering", |a| a.help(s.cli_export_gathering))
                .mut_arg("format", |a| a.help(s.cli_export_format))
                .mut_arg("output", |a| {
                    a.help(s.cli_export_output)
                        .value_name(s.cli_file_placeholder)
                })
                .mut_arg("force", |a| a.help(s.cli_export_force))
                .mut_arg("include_private", |a| a.help(s.cli_export_private))
                .mut_arg("agenda", |a| a.help(s.cli_export_agenda))
        })
        .mut_subcommand("show", |c| {
            c.about(s.cli_show)
                .override_usage(format!("samling show {options} <PROGRAM>"))
                .mut_arg("program", |a| a.help(s.cli_show_program))
                .mut_arg("gathering", |a| a.help(s.cli_show_gathering))
                .mut_arg("notes", |a| a.help(s.cli_show_notes))
                .mut_arg("modules", |a| a.help(s.cli_show_modules))
                .mut_arg("format", |a| a.help(s.cli_show_format))
        })
        .mut_subcommand("new", |c| {
            c.about(s.cli_new)
                .override_usage(format!(
                    "samling new {options} <ID> --from <PROGRAM> [--title <TITLE>]"
                ))
                .mut_arg("id", |a| a.help(s.cli_new_id))
                .mut_arg("from", |a| a.help(s.cli_new_from))
                .mut_arg("title", |a| a.help(s.cli_new_title))
        })
        .mut_subcommand("check", |c| {
            c.about(s.cli_check)
                .override_usage(format!(
                    "samling check {options} <{}>...",
                    s.cli_file_or_program
                ))
                .mut_arg("files", |a| {
                    a.help(s.cli_check_files).value_name(s.cli_file_or_program)
                })
        });
    localise(root).mut_subcommands(localise)
}

/// Parses the command line, or prints help, version or a usage error and exits as clap does
/// (0 for help and version, 2 for a usage error). A usage error is said in `s`'s language.
pub fn parse(args: &[OsString], s: &Strings) -> Cli {
    let parsed = command(s)
        .try_get_matches_from(args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    parsed.unwrap_or_else(|e| match usage_error(&e, s, args) {
        Some(message) => {
            let mut err = crate::text::Clean::new(std::io::stderr());
            let _ = std::io::Write::write_all(&mut err, message.as_bytes());
            std::process::exit(2)
        }
        None => e.exit(),
    })
}

/// What was wrong with the command line, as clap found it, for [`Strings::usage_problem`] to
/// say in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UsageProblem {
    /// An option given together with others it cannot be used with (`with` is empty when clap
    /// names none, and only `arg` when it was given twice).
    Conflict { arg: String, with: Vec<String> },
    /// An option (`-x`, `--x`) or argument not known, and the one clap thinks was meant.
    Unknown {
        arg: String,
        suggested: Option<String>,
    },
    /// A command not known.
    UnknownCommand {
        name: String,
        suggested: Option<String>,
    },
    /// A value the option does not take (`value` empty: no value given; `valid` the values it
    /// takes, when there is a list). The parser's own reason is left out: for numbers and
    /// the like it is in English.
    Value {
        arg: String,
        value: String,
        valid: Vec<String>,
    },
    /// Required arguments not given.
    Missing { args: Vec<String> },
    /// More values than the option takes.
    TooMany { value: String },
}

/// A clap error in the user's language with the usage line and where to read more; `None` for
/// help, version and the errors clap has no context for (those clap prints itself).
fn usage_error(e: &clap::Error, s: &Strings, args: &[OsString]) -> Option<String> {
    let mut problem = usage_problem(e)?;
    // An option given before the command it belongs to (`samling --gathering 2 run`): clap
    // says so in English only, so the command that has it is found here.
    if let UsageProblem::Unknown { arg, suggested } = &mut problem
        && suggested.is_none()
        && let Some(long) = arg.strip_prefix("--")
    {
        let long = long.split('=').next().unwrap_or_default();
        *suggested = command(s)
            .get_subcommands()
            .find(|c| c.get_arguments().any(|a| a.get_long() == Some(long)))
            .map(|c| format!("{} --{long}", c.get_name()));
    }
    // clap gives no usage with a value it refused: the usage of the command named is used.
    let usage = match e.get(ContextKind::Usage) {
        Some(ContextValue::StyledStr(u)) => u.to_string(),
        _ => {
            let mut root = command(s);
            let named = args.iter().skip(1).find_map(|a| {
                let name = a.to_str()?;
                root.find_subcommand(name).map(|c| c.get_name().to_string())
            });
            match named {
                Some(name) => root.find_subcommand_mut(name)?.render_usage().to_string(),
                None => root.render_usage().to_string(),
            }
        }
    };
    let line = usage.trim().trim_start_matches("Usage:").trim();
    let usage = format!("\n\n{} {line}", s.cli_usage_heading);
    Some(format!(
        "samling: {}: {}{usage}\n\n{}\n",
        s.error,
        (s.usage_problem)(&problem),
        s.usage_more
    ))
}

/// The [`UsageProblem`] in a clap error, from the context clap gives each kind.
fn usage_problem(e: &clap::Error) -> Option<UsageProblem> {
    let one = |kind: ContextKind| match e.get(kind) {
        Some(ContextValue::String(v)) => Some(v.clone()),
        _ => None,
    };
    let many = |kind: ContextKind| match e.get(kind) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(v)) => vec![v.clone()],
        _ => Vec::new(),
    };
    let problem = match e.kind() {
        ErrorKind::ArgumentConflict => UsageProblem::Conflict {
            arg: one(ContextKind::InvalidArg)?,
            with: many(ContextKind::PriorArg),
        },
        ErrorKind::UnknownArgument => UsageProblem::Unknown {
            arg: one(ContextKind::InvalidArg)?,
            suggested: one(ContextKind::SuggestedArg),
        },
        ErrorKind::InvalidSubcommand => UsageProblem::UnknownCommand {
            name: one(ContextKind::InvalidSubcommand)?,
            suggested: many(ContextKind::SuggestedSubcommand).into_iter().next(),
        },
        ErrorKind::InvalidValue => UsageProblem::Value {
            arg: one(ContextKind::InvalidArg)?,
            value: one(ContextKind::InvalidValue)?,
            valid: many(ContextKind::ValidValue),
        },
        ErrorKind::ValueValidation => UsageProblem::Value {
            arg: one(ContextKind::InvalidArg)?,
            value: one(ContextKind::InvalidValue)?,
            valid: Vec::new(),
        },
        ErrorKind::MissingRequiredArgument => UsageProblem::Missing {
            args: Some(many(ContextKind::InvalidArg)).filter(|a| !a.is_empty())?,
        },
        ErrorKind::TooManyValues => UsageProblem::TooMany {
            value: one(ContextKind::InvalidValue)?,
        },
        _ => return None,
    };
    Some(problem)
}

/// What must be known before clap runs: the language and the config file asked for.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Prescan {
    pub lang: Option<Lang>,
    pub config: Option<PathBuf>,
}

/// Finds `--lang X`, `--lang=X`, `--config F` and `--config=F` anywhere before a `--`.
/// Anything odd is left for clap to report in the proper way.
pub fn prescan(args: &[OsString]) -> Prescan {
    let mut found = Prescan::default();
    let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        let (flag, inline) = match word.split_once('=') {
            Some((f, v)) => (f.to_string(), Some(v.to_string())),
            None => (word.to_string(), None),
        };
        if flag != "--lang" && flag != "--config" {
            continue;
        }
        let value = inline.or_else(|| words.next().map(|w| w.into_owned()));
        if flag == "--lang" {
            found.lang = value.and_then(|v| Lang::parse(&v));
        } else {
            found.config = value.map(PathBuf::from);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_command_definition_is_consistent() {
        command(Lang::Nb.strings()).debug_assert();
        command(Lang::En.strings()).debug_assert();
    }

    #[test]
    fn prescan_finds_language_and_config_in_both_spellings() {
        let found = prescan(&args(&[
            "samling",
            "show",
            "x",
            "--lang",
            "en",
            "--config=/c.ron",
        ]));
        assert_eq!(
            found,
            Prescan {
                lang: Some(Lang::En),
                config: Some("/c.ron".into())
            }
        );
        assert_eq!(
            prescan(&args(&["samling", "--lang=nb"])).lang,
            Some(Lang::Nb)
        );
        assert_eq!(
            prescan(&args(&["samling", "--", "--lang", "en"])).lang,
            None
        );
    }

    #[test]
    fn help_is_in_the_chosen_language() {
        let nb = command(Lang::Nb.strings()).render_help().to_string();
        assert!(nb.contains("Kommandoer:"), "{nb}");
        assert!(nb.contains("samling [VALG] [KOMMANDO]"), "{nb}");
        assert!(nb.contains("Sjekk program- og samlingsfiler"), "{nb}");
        let en = command(Lang::En.strings()).render_help().to_string();
        assert!(en.contains("Commands:"), "{en}");
    }

    #[test]
    fn subcommands_parse() {
        let s = Lang::Nb.strings();
        let cli = Cli::from_arg_matches(
            &command(s)
                .try_get_matches_from(args(&["samling", "--dir", "/d", "show", "x", "-g", "2"]))
                .unwrap(),
        )
        .unwrap();
        assert_eq!(cli.dir, Some("/d".into()));
        assert_eq!(
            cli.command,
            Some(Command::Show {
                program: "x".into(),
                gathering: Some(2),
                notes: false,
                modules: false,
                format: ShowFormat::Text,
            })
        );
    }
}
