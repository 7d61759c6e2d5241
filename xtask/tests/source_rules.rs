//! Rules about the app's source that a reviewer should not have to remember: nothing is ever
//! inserted into the DOM as HTML (data is only ever text and attributes), and the service worker
//! scripts do not either.

use std::path::{Path, PathBuf};

fn files(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, ext, out);
        } else if path.extension().is_some_and(|e| e == ext) {
            out.push(path);
        }
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Every file of `dir` (relative to the repository) with `ext` that contains one of `needles`.
fn offenders(dir: &str, ext: &str, needles: &[&str]) -> Vec<String> {
    let mut paths = Vec::new();
    files(&root().join(dir), ext, &mut paths);
    assert!(!paths.is_empty(), "no .{ext} files under {dir}");
    let mut found = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        for (n, line) in text.lines().enumerate() {
            if needles.iter().any(|needle| line.contains(needle)) {
                found.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
            }
        }
    }
    found
}

#[test]
fn no_html_injection_in_the_app() {
    let found = offenders(
        "src",
        "rs",
        &[
            "inner_html",
            "set_outer_html",
            "insert_adjacent_html",
            "InnerHtml",
        ],
    );
    assert!(
        found.is_empty(),
        "HTML insertion in src/:\n{}",
        found.join("\n")
    );
}

#[test]
fn no_html_injection_in_the_web_scripts() {
    let found = offenders(
        "web",
        "js",
        &[
            "innerHTML",
            "outerHTML",
            "insertAdjacentHTML",
            "document.write",
            "eval(",
        ],
    );
    assert!(
        found.is_empty(),
        "HTML insertion in web/:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_rule_finds_what_it_looks_for() {
    // The check itself must be able to fail: this file names the needles, so it is found.
    let found = offenders("xtask/tests", "rs", &["inner_html"]);
    assert!(!found.is_empty());
}
