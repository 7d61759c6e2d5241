//! Rules about the app's source that a reviewer should not have to remember (ARCHITECTURE.md,
//! "Invariants"):
//!
//! - Nothing is ever inserted into the DOM as HTML (data is only ever text and attributes), and
//!   the service worker scripts do not either.
//! - Every reader-facing string comes from `cdo-text`, and so does every sentence that joins
//!   strings with values: views only place text (see [`reader_text_in_a_view`] for what counts).
//! - Only `src/data.rs` fetches: no `gloo_net` (or another way to the network) elsewhere.
//! - `src/components/` is shared by the routes and never reaches into `src/routes/`.
//!
//! Each failure names `file:line` and says what to do.

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

/// Every file of `dir` (relative to the repository) with `ext`, as (path relative to the
/// repository with `/`, text), in a stable order.
fn sources(dir: &str, ext: &str) -> Vec<(String, String)> {
    let mut paths = Vec::new();
    files(&root().join(dir), ext, &mut paths);
    assert!(!paths.is_empty(), "no .{ext} files under {dir}");
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            let name = path.strip_prefix(root()).unwrap_or(&path);
            let name = name
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            (name, text)
        })
        .collect()
}

/// Every line of a file of `dir` with `ext` that contains one of `needles`.
fn offenders(dir: &str, ext: &str, needles: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for (path, text) in sources(dir, ext) {
        for (n, line) in text.lines().enumerate() {
            if needles.iter().any(|needle| line.contains(needle)) {
                found.push(format!("{path}:{}: {}", n + 1, line.trim()));
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

// ---------------------------------------------------------------------------------------------
// Reader-facing text

/// Files of `src/` whose reader-facing text is not checked yet, each with the reason. Shorten it.
const PROSE_ALLOWED_FILES: &[(&str, &str)] = &[];

/// Literal text a view may show as it is, each with the reason.
const PROSE_ALLOWED_TEXTS: &[(&str, &str)] = &[
    (
        "cdo-atlas",
        "the project's name, the same in every language",
    ),
    ("cdo-atlas ↗", "the project's name, linking out of an embed"),
    ("SVG", "a file format, named by its own name"),
    ("PNG", "a file format, named by its own name"),
    (
        "(max-width: 48rem)",
        "a CSS media query (the explorer's narrow screen)",
    ),
];

/// Attributes whose value is read out or shown to the reader.
const PROSE_ATTRIBUTES: &[&str] = &[
    "aria-label",
    "aria-description",
    "aria-roledescription",
    "aria-valuetext",
    "aria-placeholder",
    "title",
    "alt",
    "placeholder",
    "label",
];

/// Reader-facing text written in `src/` instead of coming from `cdo-text`: strings of the
/// table (`s.…`) and functions of the crate (`cdo_text::…`) are placed by the views, never
/// written or put together there. What counts, in `src/**/*.rs` (comments are skipped):
///
/// 1. A string literal that is a text node of a `view!` (`<p>"Treffer"</p>`), or the value of an
///    attribute that is read out (`aria-label`, `title`, `alt`, `placeholder`, …), and holds a
///    word: two letters or more.
/// 2. Any other string literal or `format!` template that reads as prose: a word and a space
///    (`format!("{} Treffer", n)`, `"Keine Verbindung …"`). Not prose: the values of other
///    attributes in a `view!` (`class="bar-row m-cdo"`, ids, hrefs, `viewBox`), a `class:`
///    field, markup in a template (`<text x=\"16\">`, `<style>…</style>`: only the text between
///    tags counts), `{…}` placeholders, Rust attributes (`#[must_use = "…"]`), and single words
///    without a space (CSS classes and selectors, storage keys, event names, paths, file
///    extensions).
/// 3. A `format!` whose result is shown: placed as a text node (`{format!(…)}`) or as a read-out
///    attribute (`aria-label=format!(…)`), unless it is one bare placeholder (`"{}"`).
/// 4. A `format!` that puts a string of the table or of `cdo_text::` together with something
///    else (`format!("{} {}", s.picks_go, n)`), unless its template is markup (the map's
///    picture, where a whole string is placed in a `<text>`).
/// 5. In a `view!`, a string of the table and a value with only a space between them
///    (`{n} " " {s.overview_count}`): a sentence with a fixed word order.
///
/// Layout is not prose and may stay: a separator of punctuation alone between two values
/// (`" · "`, `" — "`, `", "`, `" *"`, `"×"`) — a list of facts, not a sentence — and a string
/// of the table placed before an element that carries its value (`{s.footer_as_of} " "
/// <time>…</time>`, `{s.profile_prev} " " <a>…</a>`), since the markup cannot move into
/// `cdo-text`. What to do instead: a `cdo_text` function per language that returns the whole
/// text (`cdo_text::phrase::entry_count(lang, n)`), placed by the view.
///
/// A heuristic: text put together with `+`, `concat` or `join` is not seen. Files not checked
/// yet are in [`PROSE_ALLOWED_FILES`], texts that are no prose in [`PROSE_ALLOWED_TEXTS`].
fn reader_text_in_a_view(path: &str, source: &str) -> Vec<String> {
    let toks = tokens(source);
    let mut found = Vec::new();
    let mut report = |line: usize, what: &str, text: &str| {
        found.push(format!("{path}:{line}: {what}: {text:?}"));
    };
    for (i, tok) in toks.iter().enumerate() {
        let Tok::Str { text, line } = &tok.kind else {
            continue;
        };
        if tok.frame == Frame::Attribute || PROSE_ALLOWED_TEXTS.iter().any(|(t, _)| t == text) {
            continue;
        }
        let prev = i.checked_sub(1).map(|p| &toks[p].kind);
        let text_node = tok.frame == Frame::View
            && matches!(
                prev,
                Some(
                    Tok::Punct(">")
                        | Tok::Close('}', _)
                        | Tok::Str { .. }
                        | Tok::Open('{', Frame::View)
                )
            );
        if text_node {
            let next = toks.get(i + 1).map(|t| &t.kind);
            if is_blank(text) {
                let left = match prev {
                    Some(Tok::Close('}', open)) => Some(*open),
                    _ => None,
                };
                let right = matches!(next, Some(Tok::Open('{', _))).then_some(i + 1);
                let joins = match (left, right) {
                    (Some(left), Some(right)) => {
                        block_reads_table(&toks, left) || block_reads_table(&toks, right)
                    }
                    _ => false,
                };
                if joins {
                    report(
                        *line,
                        "two values joined by a space in a view (a sentence with a word order)",
                        text,
                    );
                }
            } else if has_word(text) {
                report(*line, "literal text in a view", text);
            }
            continue;
        }
        let attribute = view_attribute(&toks, i);
        let read_out = attribute
            .as_deref()
            .is_some_and(|name| PROSE_ATTRIBUTES.contains(&name));
        let call = format_call(&toks, i);
        let bare = text.trim() == "{}"
            || (text.starts_with('{') && text.ends_with('}') && text.matches('{').count() == 1);
        if let Some(call) = call.filter(|_| !bare) {
            if is_text_node_call(&toks, call) {
                report(*line, "text put together with format! in a view", text);
                continue;
            }
            if read_out {
                let name = attribute.as_deref().unwrap_or_default();
                report(*line, &format!("`{name}` put together with format!"), text);
                continue;
            }
        }
        match attribute {
            Some(name) if read_out => {
                if has_word(text) {
                    report(*line, &format!("literal text in `{name}`"), text);
                }
                continue;
            }
            // CSS classes, ids, addresses, SVG geometry.
            Some(_) => continue,
            None => {}
        }
        if call.is_some() && !bare && !is_markup(text) && reads_strings(&toks, i) {
            report(
                *line,
                "format! joins a cdo-text string with other text",
                text,
            );
            continue;
        }
        if is_prose(text) && !is_class_field(&toks, i) {
            report(*line, "prose written in src/", text);
        }
    }
    found
}

#[test]
fn every_reader_facing_string_comes_from_cdo_text() {
    let mut found = Vec::new();
    for (path, text) in sources("src", "rs") {
        if !PROSE_ALLOWED_FILES.iter().any(|(p, _)| *p == path) {
            found.extend(reader_text_in_a_view(&path, &text));
        }
    }
    assert!(
        found.is_empty(),
        "Reader-facing text written in src/ (every UI string comes from cdo-text, and strings \
         that need arguments are functions there):\n{}\n\
         Add a function per language to crates/text (e.g. cdo_text::phrase) that returns the \
         whole text, with native tests for both languages, and place its result in the view. \
         Not prose? Add the text to PROSE_ALLOWED_TEXTS in {} with the reason.",
        found.join("\n"),
        file!()
    );
}

/// A file leaves [`PROSE_ALLOWED_FILES`] as soon as it passes, so that the rule keeps it so.
#[test]
fn the_files_allowed_prose_still_need_it() {
    for (path, _) in PROSE_ALLOWED_FILES {
        let text = std::fs::read_to_string(root().join(path)).unwrap_or_else(|_| {
            panic!(
                "{path} is on PROSE_ALLOWED_FILES in {} but does not exist: take it off the list",
                file!()
            )
        });
        assert!(
            !reader_text_in_a_view(path, &text).is_empty(),
            "{path} writes no reader-facing text any more: take it off PROSE_ALLOWED_FILES in {}",
            file!()
        );
    }
}

#[test]
fn the_prose_rule_finds_joins_and_spares_layout() {
    let found = |code: &str| reader_text_in_a_view("t.rs", code);
    // Each of these is found.
    for code in [
        r#"view! { <p>"Treffer"</p> }"#,
        r#"view! { <p>{n} " Treffer"</p> }"#,
        r#"view! { <p>{format!("{} Treffer", n)}</p> }"#,
        r#"let t = format!("{} Treffer", n);"#,
        r#"let t = format!("{} {}", s.explore_page, n);"#,
        r#"let t = format!("{}", cdo_text::date(lang, d)) + "x"; let u = format!("{x} {}", s().a);"#,
        r#"view! { <a aria-label=format!("{name}: {n}")>"×"</a> }"#,
        r#"view! { <a aria-label="Schließen">"×"</a> }"#,
        r#"view! { <p>{n} " " {s.overview_count}</p> }"#,
        r#"fn m() -> String { "Keine Verbindung zum Server".to_owned() }"#,
        r#"let svg = format!("<text x=\"1\">cdo-atlas — {}</text>", t);"#,
    ] {
        assert!(!found(code).is_empty(), "not found: {code}");
    }
    // None of these is.
    for code in [
        r#"view! { <p class="notice status" id="a-b">{s.map_loading}</p> }"#,
        r#"view! { <p>{cdo_text::kind(lang, k)} " · " {cdo_text::land_of(lang, l)}</p> }"#,
        r#"view! { <p>{s.footer_as_of} " " <time datetime=d>{date}</time> "."</p> }"#,
        r##"view! { <use href=format!("#shape-{i}") class=format!("mk c{i}") /> }"##,
        r#"view! { <span>{format!("{}", n)}</span><b>"×"</b><a>"cdo-atlas"</a> }"#,
        r#"let w = format!("{}px", x); let p = format!("/entity/{id}"); let k = "cdo-atlas.lang";"#,
        r#"const HEAD: PageHead = PageHead { class: "page interviews", text: |s| [s.a, s.b] };"#,
        r#"let svg = format!("<text class=\"t-head\">{}</text><style>a{{font:700 22px sans-serif}}</style>", esc(s.map_title));"#,
        r#"#[must_use = "the load counts as finished when this is dropped"] struct L;"#,
        "// a comment with \"Treffer und so\" in it\nlet x = 1;",
        r#"view! { <path d="M0-9a9 9 0 1 0 0.01 0z" /> }"#,
    ] {
        assert_eq!(found(code), Vec::<String>::new(), "found in: {code}");
    }
}

/// A word: two letters or more, not part of a token with digits (`zm0` in an SVG path).
fn has_word(text: &str) -> bool {
    words(&strip_markup(text)).next().is_some()
}

/// A word and a space: a phrase, not a class name, key or path.
fn is_prose(text: &str) -> bool {
    let text = strip_markup(text);
    words(&text).next().is_some() && text.chars().any(char::is_whitespace)
}

fn is_blank(text: &str) -> bool {
    !text.is_empty() && text.chars().all(char::is_whitespace)
}

/// Runs of two letters or more, not part of a token with digits (`zm0` in an SVG path) and not
/// a CSS class, an id or a file extension (`.marker`, `#main`, `.png`).
fn words(text: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    text.split(|c: char| !c.is_alphanumeric()).filter(move |w| {
        let before = text[..start].chars().last();
        start += w.len()
            + text[start + w.len()..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
        w.chars().count() >= 2
            && w.chars().all(char::is_alphabetic)
            && !matches!(before, Some('.' | '#'))
    })
}

/// The text a reader would see of a literal: without `format!` placeholders, and without tags
/// and style sheets where it is markup. What is left out becomes a mark that is neither a letter
/// nor a space.
fn strip_markup(text: &str) -> String {
    const GAP: char = '\u{1}';
    let mut text = text.to_owned();
    while let (Some(a), Some(b)) = (text.find("<style"), text.find("</style>")) {
        if b < a {
            break;
        }
        text.replace_range(a..b + "</style>".len(), "\u{1}");
    }
    let chars: Vec<char> = text.chars().collect();
    let markup = is_markup(&text);
    let mut out = String::new();
    let mut depth = 0;
    let mut tag = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        i += 1;
        match c {
            // `{{` and `}}` are the braces themselves.
            '{' | '}' if depth == 0 && next == Some(c) => {
                i += 1;
                if !tag {
                    out.push(c);
                }
            }
            '{' => depth += 1,
            '}' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    out.push(GAP);
                }
            }
            '<' if markup && depth == 0 => tag = true,
            '>' if tag && depth == 0 => {
                tag = false;
                out.push(GAP);
            }
            _ if depth == 0 && !tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Whether a literal holds markup: a tag (`<text`, `</text>`).
fn is_markup(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars
        .windows(2)
        .any(|w| w[0] == '<' && (w[1].is_ascii_alphabetic() || w[1] == '/'))
}

/// Whether the `{…}` block opened at `open` reads a string of the table: `s.key`, `s().key`,
/// `….strings()`.
fn block_reads_table(toks: &[Token], open: usize) -> bool {
    let mut j = open + 1;
    while j < toks.len() {
        match &toks[j].kind {
            Tok::Close(_, o) if *o == open => return false,
            Tok::Ident(name) if name == "strings" => return true,
            Tok::Ident(name) if name == "s" => {
                let next = |k: usize| toks.get(j + k).map(|t| &t.kind);
                let after_path = matches!(&toks[j - 1].kind, Tok::Punct("." | "::"));
                if !after_path
                    && (matches!(next(1), Some(Tok::Punct(".")))
                        || matches!(next(1), Some(Tok::Open('(', _)))
                            && matches!(next(2), Some(Tok::Close(..)))
                            && matches!(next(3), Some(Tok::Punct("."))))
                {
                    return true;
                }
            }
            _ => {}
        }
        j += 1;
    }
    false
}

// ---------------------------------------------------------------------------------------------
// The network and the layers

/// What reaches the network from Rust: gloo-net, and web-sys' own ways.
const NETWORK: &[&str] = &[
    "gloo_net",
    "fetch_with_request",
    "fetch_with_str",
    "fetch_with_request_and_init",
    "fetch_with_str_and_init",
    "XmlHttpRequest",
    "WebSocket",
    "EventSource",
    "send_beacon",
];

#[test]
fn only_data_rs_fetches() {
    let mut found = Vec::new();
    for (path, text) in sources("src", "rs") {
        if path == "src/data.rs" {
            continue;
        }
        for tok in tokens(&text) {
            if let Tok::Ident(name) = &tok.kind {
                if NETWORK.contains(&name.as_str()) {
                    found.push(format!(
                        "{path}:{}: `{name}`: {}",
                        tok.line,
                        line(&text, tok.line)
                    ));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "The network used outside src/data.rs:\n{}\n\
         Only src/data.rs fetches (ARCHITECTURE.md): add the file to it as a `Data<T>` context \
         (or a function there) and read that from the view.",
        found.join("\n")
    );
}

#[test]
fn components_do_not_reach_into_routes() {
    let mut found = Vec::new();
    for (path, text) in sources("src/components", "rs") {
        for tok in tokens(&text) {
            if matches!(&tok.kind, Tok::Ident(name) if name == "routes") {
                found.push(format!("{path}:{}: {}", tok.line, line(&text, tok.line)));
            }
        }
    }
    assert!(
        found.is_empty(),
        "src/components/ reaches into src/routes/:\n{}\n\
         Components are shared by the pages and never depend on one: move what is needed into \
         src/components/ (as the marker shapes went to components/shapes.rs) and let the route \
         use it from there, without a re-export the other way.",
        found.join("\n")
    );
}

/// Line `n` (from 1) of `text`, trimmed.
fn line(text: &str, n: usize) -> &str {
    text.lines().nth(n - 1).unwrap_or_default().trim()
}

#[test]
fn the_layer_rules_find_what_they_look_for() {
    let idents = |code: &str| -> Vec<String> {
        tokens(code)
            .into_iter()
            .filter_map(|t| match t.kind {
                Tok::Ident(name) => Some(name),
                _ => None,
            })
            .collect()
    };
    let code =
        "use gloo_net::http::Request; // routes\nuse crate::routes::map; let s = \"routes\";";
    let names = idents(code);
    assert!(names.contains(&"gloo_net".to_owned()));
    assert_eq!(names.iter().filter(|n| *n == "routes").count(), 1);
}

// ---------------------------------------------------------------------------------------------
// A small Rust tokenizer: enough to tell text from code, and markup from Rust in `view!`.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Frame {
    /// The markup of a `view!` macro.
    View,
    /// Rust code (also a `{…}` block or `(…)` inside a view).
    Rust,
    /// An attribute, `#[…]`.
    Attribute,
}

#[derive(Debug)]
enum Tok {
    Str {
        text: String,
        line: usize,
    },
    Ident(String),
    Punct(&'static str),
    /// An opening bracket and the frame it opens.
    Open(char, Frame),
    /// A closing bracket and the index of its opening one.
    Close(char, usize),
    Other,
}

#[derive(Debug)]
struct Token {
    kind: Tok,
    line: usize,
    /// The frame the token is in.
    frame: Frame,
    /// The index of the bracket that opened that frame.
    parent: Option<usize>,
}

const PUNCTS: &[&str] = &[
    "::", "=>", "->", "==", "!=", "<=", ">=", "&&", "||", "..", "=", "<", ">", "!", ".", ",", ";",
    ":", "#", "-", "+", "*", "/", "%", "&", "|", "^", "?", "@", "$", "~",
];

fn tokens(source: &str) -> Vec<Token> {
    let chars: Vec<char> = source.chars().collect();
    let mut out: Vec<Token> = Vec::new();
    // The open frames, with the index of the bracket that opened each.
    let mut stack: Vec<(Frame, Option<usize>)> = vec![(Frame::Rust, None)];
    let mut line = 1;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let (frame, parent) = *stack.last().unwrap();
        let at = |k: usize| chars.get(i + k).copied().unwrap_or('\0');
        let kind = if c == '\n' {
            line += 1;
            i += 1;
            continue;
        } else if c.is_whitespace() {
            i += 1;
            continue;
        } else if c == '/' && at(1) == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            continue;
        } else if c == '/' && at(1) == '*' {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    line += usize::from(chars[i] == '\n');
                    i += 1;
                }
            }
            continue;
        } else if c == '"' || ((c == 'r' || c == 'b') && raw_start(&chars, i).is_some()) {
            let start_line = line;
            let (text, next) = string(&chars, i, &mut line);
            i = next;
            out.push(Token {
                kind: Tok::Str {
                    text,
                    line: start_line,
                },
                line: start_line,
                frame,
                parent,
            });
            continue;
        } else if c == '\'' {
            // A char literal ('x', '\n', '{') or a lifetime ('static).
            if at(1) == '\\' {
                i += 2;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if at(2) == '\'' {
                i += 3;
            } else {
                i += 1;
                while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                    i += 1;
                }
            }
            Tok::Other
        } else if c.is_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            Tok::Ident(chars[start..i].iter().collect())
        } else if c.is_ascii_digit() {
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            Tok::Other
        } else if matches!(c, '{' | '(' | '[') {
            let n = out.len();
            let before = |k: usize| n.checked_sub(k).map(|j| &out[j].kind);
            let opens = if matches!(before(1), Some(Tok::Punct("!")))
                && matches!(before(2), Some(Tok::Ident(name)) if name == "view")
            {
                Frame::View
            } else if c == '['
                && (matches!(before(1), Some(Tok::Punct("#")))
                    || matches!(before(1), Some(Tok::Punct("!")))
                        && matches!(before(2), Some(Tok::Punct("#"))))
            {
                Frame::Attribute
            } else {
                Frame::Rust
            };
            out.push(Token {
                kind: Tok::Open(c, opens),
                line,
                frame,
                parent,
            });
            stack.push((opens, Some(n)));
            i += 1;
            continue;
        } else if matches!(c, '}' | ')' | ']') {
            if stack.len() > 1 {
                stack.pop();
            }
            let (frame, parent) = *stack.last().unwrap();
            let open = stack_top_open(&out, out.len());
            out.push(Token {
                kind: Tok::Close(c, open),
                line,
                frame,
                parent,
            });
            i += 1;
            continue;
        } else {
            let rest: String = chars[i..chars.len().min(i + 2)].iter().collect();
            let p = PUNCTS
                .iter()
                .find(|p| rest.starts_with(**p))
                .copied()
                .unwrap_or("?");
            i += p.chars().count().max(1);
            Tok::Punct(p)
        };
        out.push(Token {
            kind,
            line,
            frame,
            parent,
        });
    }
    out
}

/// The index of the bracket a closing bracket at `end` closes: the last one not closed yet.
fn stack_top_open(toks: &[Token], end: usize) -> usize {
    let mut depth = 0usize;
    for j in (0..end).rev() {
        match toks[j].kind {
            Tok::Close(..) => depth += 1,
            Tok::Open(..) if depth == 0 => return j,
            Tok::Open(..) => depth -= 1,
            _ => {}
        }
    }
    0
}

/// Where a raw or byte string starts at `i` (`r"`, `r#"`, `b"`, `br"`), the index of its quote.
fn raw_start(chars: &[char], i: usize) -> Option<usize> {
    if i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_') {
        return None;
    }
    let mut j = i;
    if chars.get(j) == Some(&'b') {
        j += 1;
    }
    if chars.get(j) == Some(&'r') {
        j += 1;
        while chars.get(j) == Some(&'#') {
            j += 1;
        }
    }
    (j > i && chars.get(j) == Some(&'"')).then_some(j)
}

/// The text of the string literal at `i` and the index after it.
fn string(chars: &[char], i: usize, line: &mut usize) -> (String, usize) {
    let quote = raw_start(chars, i).unwrap_or(i);
    let raw = chars[i..quote].contains(&'r');
    let hashes = chars[i..quote].iter().filter(|c| **c == '#').count();
    let mut j = quote + 1;
    let mut text = String::new();
    while j < chars.len() {
        let c = chars[j];
        if c == '"'
            && (!raw
                || chars[j + 1..]
                    .iter()
                    .take(hashes)
                    .filter(|c| **c == '#')
                    .count()
                    == hashes)
        {
            return (text, j + 1 + if raw { hashes } else { 0 });
        }
        if c == '\n' {
            *line += 1;
        }
        if c == '\\' && !raw {
            let e = chars.get(j + 1).copied().unwrap_or('\0');
            j += 2;
            match e {
                'n' | 't' | 'r' => text.push(' '),
                '\n' => {
                    *line += 1;
                    while chars.get(j).is_some_and(|c| c.is_whitespace()) {
                        *line += usize::from(chars[j] == '\n');
                        j += 1;
                    }
                }
                'u' => {
                    while j < chars.len() && chars[j] != '}' {
                        j += 1;
                    }
                    j += 1;
                    text.push('?');
                }
                'x' => {
                    j += 2;
                    text.push('?');
                }
                e => text.push(e),
            }
            continue;
        }
        text.push(c);
        j += 1;
    }
    (text, j)
}

/// If the literal at `i` is the template of a `format!`-like macro, the index of the macro's name.
fn format_call(toks: &[Token], i: usize) -> Option<usize> {
    // format!("…", …) or write!(f, "…", …)
    let mut j = i.checked_sub(1)?;
    if matches!(toks[j].kind, Tok::Punct(",")) {
        j = j.checked_sub(2)?;
    }
    let Tok::Open('(', _) = toks[j].kind else {
        return None;
    };
    let bang = j.checked_sub(1)?;
    let name = bang.checked_sub(1)?;
    match (&toks[bang].kind, &toks[name].kind) {
        (Tok::Punct("!"), Tok::Ident(n))
            if matches!(n.as_str(), "format" | "write" | "writeln" | "format_args") =>
        {
            Some(name)
        }
        _ => None,
    }
}

/// Whether the `format!` whose name is at `call` is placed as a view's text: `{format!(…)}`.
fn is_text_node_call(toks: &[Token], call: usize) -> bool {
    matches!(
        call.checked_sub(1).map(|p| (&toks[p].kind, toks[p].frame)),
        Some((Tok::Open('{', Frame::Rust), Frame::View))
    )
}

/// The attribute of a view whose value the token at `i` is part of (`class` for the literals of
/// `class=match kind { … => "marker land-level" }`), if any.
fn view_attribute(toks: &[Token], i: usize) -> Option<String> {
    let mut k = i;
    // Out to the view the token is in.
    while toks[k].frame != Frame::View {
        k = toks[k].parent?;
        if matches!(toks[k].kind, Tok::Open(_, Frame::View)) {
            return None;
        }
    }
    // Back to the `=` of its attribute, over whole bracketed expressions (`if a { … } else`); a
    // tag's end or a text before that means it is a child, not an attribute.
    let mut j = k;
    while let Some(p) = j.checked_sub(1) {
        match toks[p].kind {
            Tok::Punct("=") => return Some(attribute_name(toks, p)),
            Tok::Punct(">") | Tok::Str { .. } | Tok::Open(..) => return None,
            Tok::Close(_, open) => j = open,
            _ => j = p,
        }
    }
    None
}

/// The name before the `=` at `eq`: `aria-label`, `on:click`, `class`.
fn attribute_name(toks: &[Token], eq: usize) -> String {
    let mut parts = Vec::new();
    let mut j = eq;
    while let Some(p) = j.checked_sub(1) {
        match &toks[p].kind {
            // Two names in a row: the first is the tag's or the previous attribute's value.
            Tok::Ident(_) if matches!(toks[j].kind, Tok::Ident(_)) => break,
            Tok::Ident(name) => parts.push(name.clone()),
            Tok::Punct(p @ ("-" | ":")) => parts.push((*p).to_owned()),
            _ => break,
        }
        j = p;
    }
    parts.reverse();
    parts.concat()
}

/// `class: "page interviews"`: a field of CSS classes.
fn is_class_field(toks: &[Token], i: usize) -> bool {
    i >= 2
        && matches!(toks[i - 1].kind, Tok::Punct(":" | "="))
        && matches!(&toks[i - 2].kind, Tok::Ident(name) if name == "class")
}

/// Whether the macro call whose template is at `i` takes a string of the table (`s.key`,
/// `s().key`, `….strings()`) or of `cdo_text::` as an argument.
fn reads_strings(toks: &[Token], i: usize) -> bool {
    let mut depth = 0usize;
    let mut j = i + 1;
    while j < toks.len() {
        match &toks[j].kind {
            Tok::Open(..) => depth += 1,
            Tok::Close(..) if depth == 0 => return false,
            Tok::Close(..) => depth -= 1,
            Tok::Ident(name) => {
                let next = |k: usize| toks.get(j + k).map(|t| &t.kind);
                let after_path = matches!(
                    j.checked_sub(1).map(|p| &toks[p].kind),
                    Some(Tok::Punct("." | "::"))
                );
                let table = name == "s"
                    && !after_path
                    && (matches!(next(1), Some(Tok::Punct(".")))
                        || matches!(next(1), Some(Tok::Open('(', _)))
                            && matches!(next(2), Some(Tok::Close(..)))
                            && matches!(next(3), Some(Tok::Punct("."))));
                let crate_path = name == "cdo_text" && matches!(next(1), Some(Tok::Punct("::")));
                if table || crate_path || name == "strings" {
                    return true;
                }
            }
            _ => {}
        }
        j += 1;
    }
    false
}
