//! Text from outside the program (a platform's answer, a file) made safe to print on one
//! line: the binary's output filter lets a newline through (its own lines need it), so a
//! newline or carriage return inside such text would start a line the program did not
//! write (`error: …` forged by a model name). Escaped here, where the text comes in.

/// `text` with every control character, and the Unicode line and paragraph separators
/// (which some terminals break lines at), written as its escape (`\n`, `\r`, `\u{1b}`,
/// `\u{2028}`).
pub fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() || c == '\u{2028}' || c == '\u{2029}' {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::one_line;

    #[test]
    fn control_characters_are_escaped_and_the_rest_kept() {
        assert_eq!(one_line("a\nb\r\n\u{1b}[2Jc"), "a\\nb\\r\\n\\u{1b}[2Jc");
        assert_eq!(one_line("a\u{2028}b\u{85}"), "a\\u{2028}b\\u{85}");
        assert_eq!(one_line("Kling 3.0 — 4K ✓"), "Kling 3.0 — 4K ✓");
    }
}
