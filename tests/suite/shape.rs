//! The shape of `src/app/`, kept by tests rather than by care: no module imports one that
//! imports it back (directly or round a longer loop), and no function grows past what a reader
//! takes in at once. Test modules are left out: they may reach anywhere.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Longest function allowed in `src/app/`, in lines, its signature and closing brace included.
const LONGEST: usize = 80;

/// Every `.rs` file under `dir`, with its module path (`app::run::notes`).
fn modules(dir: &Path, path: &str, found: &mut BTreeMap<String, PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/app is there") {
        let file = entry.expect("readable").path();
        let name = file.file_stem().unwrap().to_string_lossy().to_string();
        if file.is_dir() {
            modules(&file, &format!("{path}::{name}"), found);
        } else if name == "mod" {
            found.insert(path.to_string(), file);
        } else if file.extension().is_some_and(|e| e == "rs") {
            found.insert(format!("{path}::{name}"), file);
        }
    }
}

/// The code of a file without its test module and its comments (a doc link is no import).
fn code(file: &Path) -> String {
    let text = std::fs::read_to_string(file).expect("readable");
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(at) => &text[..at],
        None => &text,
    };
    text.lines()
        .map(|l| {
            if l.trim_start().starts_with("//") {
                ""
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The identifiers of a path starting at `at` in `text` (`msg::{Effect, Msg}` gives `msg`;
/// braces end it).
fn segments(text: &str) -> Vec<&str> {
    let end = text
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
        .unwrap_or(text.len());
    text[..end].split("::").filter(|s| !s.is_empty()).collect()
}

/// The deepest known module a path from `base` names.
fn target(base: &str, path: &[&str], known: &BTreeMap<String, PathBuf>) -> Option<String> {
    let mut module = base.to_string();
    let mut found = None;
    for segment in path {
        module = format!("{module}::{segment}");
        if known.contains_key(&module) {
            found = Some(module.clone());
        } else {
            break;
        }
    }
    found.or_else(|| known.contains_key(base).then(|| base.to_string()))
}

/// Which modules each module of `app` uses.
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app");
    let mut known = BTreeMap::new();
    modules(&root, "app", &mut known);
    let mut graph = BTreeMap::new();
    for (module, file) in &known {
        let text = code(file);
        let is_mod = file.ends_with("mod.rs");
        // `super` of app::run::notes is app::run; of app::run (run/mod.rs) it is app.
        let parent = module.rsplit_once("::").map_or("", |(p, _)| p).to_string();
        let own_dir = if is_mod {
            module.clone()
        } else {
            parent.clone()
        };
        let mut uses = BTreeSet::new();
        let scan = |prefix: &str, base: &str, uses: &mut BTreeSet<String>| {
            for (at, _) in text.match_indices(prefix) {
                let before = text[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                    continue;
                }
                let path = segments(&text[at + prefix.len()..]);
                if let Some(t) = target(base, &path, &known) {
                    uses.insert(t);
                }
            }
        };
        scan("crate::app::", "app", &mut uses);
        scan("super::", &parent, &mut uses);
        // A mod.rs names its own children without a prefix (`home::update`).
        if is_mod {
            let children: Vec<String> = known
                .keys()
                .filter_map(|k| k.strip_prefix(&format!("{own_dir}::")))
                .filter(|k| !k.contains("::"))
                .map(str::to_string)
                .collect();
            for child in children {
                scan(&format!("{child}::"), &own_dir, &mut uses);
                // `pub use child::{…}` names the child itself.
                let name = format!("{own_dir}::{child}");
                if text.contains(&format!("use {child}::")) {
                    uses.insert(name);
                }
            }
        }
        uses.remove(module);
        graph.insert(module.clone(), uses);
    }
    graph
}

/// A loop through `start`, if there is one.
fn loop_from(start: &str, graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    let mut stack = vec![vec![start.to_string()]];
    let mut seen = BTreeSet::new();
    while let Some(path) = stack.pop() {
        let last = path.last().unwrap();
        for next in graph.get(last).into_iter().flatten() {
            if next == start {
                let mut found = path.clone();
                found.push(next.clone());
                return Some(found);
            }
            if seen.insert(next.clone()) {
                let mut longer = path.clone();
                longer.push(next.clone());
                stack.push(longer);
            }
        }
    }
    None
}

#[test]
fn no_module_in_app_imports_one_that_imports_it_back() {
    let graph = imports();
    assert!(graph.len() > 10, "found the modules: {graph:?}");
    // The scan does see imports: the running gathering uses the messages and the overlays.
    assert!(graph["app::run"].contains("app::msg"), "{graph:#?}");
    assert!(
        graph["app::run::notes"].contains("app::overlay"),
        "{graph:#?}"
    );
    for module in graph.keys() {
        if let Some(found) = loop_from(module, &graph) {
            panic!("imports go round: {}", found.join(" → "));
        }
    }
}

#[test]
fn no_function_in_app_is_longer_than_a_screen() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app");
    let mut known = BTreeMap::new();
    modules(&root, "app", &mut known);
    for file in known.values() {
        let text = code(file);
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let trimmed = line.trim_start();
            let is_fn = [
                "fn ",
                "pub fn ",
                "pub(super) fn ",
                "pub(crate) fn ",
                "const fn ",
            ]
            .iter()
            .any(|p| trimmed.starts_with(p));
            if !is_fn || trimmed.ends_with(';') {
                continue;
            }
            let indent = &line[..line.len() - trimmed.len()];
            let close = format!("{indent}}}");
            if let Some(end) = lines[i..].iter().position(|l| *l == close) {
                assert!(
                    end < LONGEST,
                    "{}:{}: a function of {} lines",
                    file.display(),
                    i + 1,
                    end + 1
                );
            }
        }
    }
}
