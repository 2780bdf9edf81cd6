//! The text as its author wrote it, through `show`: standard input's title.

use super::yuedu;

/// The body `show` prints: the lines after the title, metadata and blank line.
fn shown_body(stdout: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(stdout);
    text.lines()
        .skip_while(|l| !l.is_empty())
        .skip(1)
        .map(str::to_string)
        .collect()
}

#[test]
fn a_poem_piped_in_is_titled_by_its_first_line_which_its_body_does_not_repeat() {
    let out = yuedu()
        .args(["show", "-", "--width", "40"])
        .write_stdin("静夜思\n李白\n床前明月光，疑是地上霜。\n举头望明月，低头思故乡。\n")
        .output()
        .expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("静夜思\n"), "{text}");
    let body = shown_body(&out.stdout);
    assert!(body.iter().all(|l| !l.contains("静夜思")), "{text}");
    assert!(body.iter().any(|l| l.contains("李白")), "{text}");
    assert!(body.iter().any(|l| l.contains("床前明月光")), "{text}");
}
