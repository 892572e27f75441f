//! A mistake on the command line is said in the user's language (clap's own words are
//! English), with the command's usage, and exit code 2; help and version are as before.

use crate::support::cli::samling;

#[test]
fn a_command_line_mistake_is_said_in_bokmal_with_the_usage_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&[&str], &str); 8] = [
        (
            &["show", "traumebevisst", "--format", "ron", "-g", "2"],
            "samling: feil: «--format <text|ron>» kan ikke brukes sammen med «--gathering <N>»",
        ),
        (
            &["shwo"],
            "samling: feil: ukjent kommando «shwo»\n\n  tips: mente du «show»?",
        ),
        (
            &["show", "x", "--formt", "ron"],
            "samling: feil: ukjent valg «--formt»",
        ),
        (
            &["show", "x", "--format", "xml"],
            "samling: feil: «xml» er ikke en gyldig verdi for «--format <text|ron>» (gyldige verdier: text, ron)",
        ),
        (&["run", "a", "b"], "samling: feil: uventet argument «b»"),
        (
            &["show", "x", "-g", "abc"],
            "samling: feil: «abc» er ikke en gyldig verdi for «--gathering <N>»",
        ),
        (
            &["--gathering", "2", "run"],
            "samling: feil: ukjent valg «--gathering»\n\n  tips: mente du «run --gathering»?",
        ),
        (
            &["new", "kopi"],
            "samling: feil: dette må også oppgis: «--from <PROGRAM>»",
        ),
    ];
    for (args, said) in cases {
        let (code, out, err) = samling(dir.path(), args);
        assert_eq!(code, Some(2), "{args:?}: {err}");
        assert!(out.is_empty(), "{out}");
        assert!(err.starts_with(said), "{args:?}: {err}");
        assert!(err.trim_end().ends_with("Se «--help» for mer."), "{err}");
        assert!(err.contains("\n\nBruk: samling "), "{err}");
        assert!(!err.contains("error:") && !err.contains("Usage:"), "{err}");
    }
    let (_, _, err) = samling(dir.path(), &["show", "x", "--formt", "ron"]);
    assert!(
        err.contains("\n\nBruk: samling show [VALG] <PROGRAM>\n"),
        "{err}"
    );
    // In English on request; help and version still print and exit 0.
    let (code, _, err) = samling(dir.path(), &["--lang", "en", "run", "a", "b"]);
    assert_eq!(code, Some(2));
    assert!(
        err.starts_with("samling: error: unexpected argument 'b'"),
        "{err}"
    );
    assert!(
        err.contains("Usage: samling run [OPTIONS] [PROGRAM]"),
        "{err}"
    );
    for flag in ["--help", "--version"] {
        let (code, out, _) = samling(dir.path(), &[flag]);
        assert_eq!(code, Some(0));
        assert!(out.contains("samling"), "{out}");
    }
}
