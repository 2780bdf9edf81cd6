//! The help overlay: every command with the keys that run it in the keymap in
//! force, laid out to fit any window of at least 20×5 — one column when
//! narrow, two when wide enough — with key lists and descriptions wrapped,
//! never cut. As a `page` it scrolls with the usual movement keys, says when
//! there is more above or below, and the back, quit and help keys close it.

use super::page::{Page, Piece, framed, room, wrap};
use crate::i18n::{Lang, tr};
use crate::keymap::{Command, Keymap, Scope};
use crate::text::{AmbiguousWidth, str_width};

/// Columns between the two columns of a wide help.
const GAP: u16 = 3;
/// The narrowest description column beside the keys; below it a key list
/// goes on its own line with the description under it.
const MIN_DESCRIPTION: u16 = 12;
/// The narrowest description column that allows two columns.
const MIN_DESCRIPTION_TWO: u16 = 20;

impl super::App {
    /// The context whose keys the help lists and reads: the pane in focus.
    pub fn help_context(&self) -> Scope {
        if self.focus == super::Pane::Reader {
            Scope::Reader
        } else {
            Scope::Lists
        }
    }

    /// The help laid out on the screen as it is now.
    pub fn help_page(&self) -> Page {
        page(
            &self.keymap,
            self.help_context(),
            self.lang(),
            self.settings.ambiguous,
            (self.width, self.height),
        )
    }
}

/// The title, with the key that closes help.
pub fn title(keymap: &Keymap, context: Scope, lang: Lang) -> String {
    let close = tr!(lang, en: "close", hans: "关闭", hant: "關閉");
    let hints = keymap.hints(context, &[(Command::Back, &close)]);
    tr!(lang, en: "Keys  ({hints})", hans: "按键  ({hints})", hant: "按鍵  ({hints})")
}

/// Every command with its keys in `context`; commands without one are left out.
fn entries(keymap: &Keymap, context: Scope, lang: Lang) -> Vec<(Vec<String>, &'static str)> {
    Command::ALL
        .iter()
        .map(|&command| (keymap.keys_for(context, command), command.description(lang)))
        .filter(|(keys, _)| !keys.is_empty())
        .collect()
}

/// Lays the help out on a `width` × `height` screen.
pub fn page(keymap: &Keymap, context: Scope, lang: Lang, ambiguous: AmbiguousWidth, size: (u16, u16)) -> Page {
    let (width, height) = size;
    let entries = entries(keymap, context, lang);
    let measure = |text: &str| str_width(text, ambiguous) as u16;
    let key_column = entries
        .iter()
        .map(|(keys, _)| measure(&keys.join(", ")))
        .max()
        .unwrap_or(0)
        + 2;
    let longest = entries.iter().map(|(_, d)| measure(d)).max().unwrap_or(0);
    let room = room(width);
    let two = room.saturating_sub(GAP) / 2 >= key_column + MIN_DESCRIPTION_TWO;
    let column = if two { (room - GAP) / 2 } else { room }.min(key_column + longest);
    let blocks: Vec<Vec<Vec<Piece>>> = entries
        .iter()
        .map(|(keys, description)| entry_lines(keys, description, key_column, column, ambiguous))
        .collect();
    let lines = if two {
        side_by_side(&blocks, column + GAP)
    } else {
        blocks.into_iter().flatten().collect()
    };
    let content = if two { 2 * column + GAP } else { column };
    framed(lines, content, width, height)
}

/// The lines of one entry in a column `column` wide: the keys in the first
/// `key_column` columns and the description beside them, both wrapped; when
/// that leaves too little room, the keys on their own lines and the
/// description under them, indented.
fn entry_lines(
    keys: &[String],
    description: &str,
    key_column: u16,
    column: u16,
    ambiguous: AmbiguousWidth,
) -> Vec<Vec<Piece>> {
    let piece = |x, text, key| Piece { x, text, key };
    if column >= key_column + MIN_DESCRIPTION {
        let keys = wrap_keys(keys, key_column - 2, ambiguous);
        let text = wrap(description, column - key_column, ambiguous);
        (0..keys.len().max(text.len()))
            .map(|i| {
                let mut line = Vec::new();
                if let Some(k) = keys.get(i) {
                    line.push(piece(0, k.clone(), true));
                }
                if let Some(t) = text.get(i) {
                    line.push(piece(key_column, t.clone(), false));
                }
                line
            })
            .collect()
    } else {
        let mut lines: Vec<Vec<Piece>> = wrap_keys(keys, column, ambiguous)
            .into_iter()
            .map(|k| vec![piece(0, k, true)])
            .collect();
        let indent = 2.min(column.saturating_sub(1));
        lines.extend(
            wrap(description, column - indent, ambiguous)
                .into_iter()
                .map(|t| vec![piece(indent, t, false)]),
        );
        lines
    }
}

/// Two columns side by side, the entries split where the columns come out
/// most even; the right column's pieces start `offset` columns to the right.
fn side_by_side(blocks: &[Vec<Vec<Piece>>], offset: u16) -> Vec<Vec<Piece>> {
    let total: usize = blocks.iter().map(Vec::len).sum();
    let mut left_rows = 0;
    let mut split = 0;
    while split < blocks.len() && 2 * (left_rows + blocks[split].len()) <= total + blocks[split].len() {
        left_rows += blocks[split].len();
        split += 1;
    }
    let left: Vec<&Vec<Piece>> = blocks[..split].iter().flatten().collect();
    let right: Vec<&Vec<Piece>> = blocks[split..].iter().flatten().collect();
    (0..left.len().max(right.len()))
        .map(|i| {
            let mut line: Vec<Piece> = left.get(i).map_or(Vec::new(), |l| l.to_vec());
            if let Some(r) = right.get(i) {
                line.extend(r.iter().map(|p| Piece {
                    x: p.x + offset,
                    ..p.clone()
                }));
            }
            line
        })
        .collect()
}

/// Key names joined by ", " into lines of at most `width` columns; a name
/// never splits unless it alone is wider than a line.
fn wrap_keys(keys: &[String], width: u16, ambiguous: AmbiguousWidth) -> Vec<String> {
    let width = usize::from(width.max(1));
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for (i, key) in keys.iter().enumerate() {
        let item = if i + 1 < keys.len() {
            format!("{key},")
        } else {
            key.clone()
        };
        let joined = if line.is_empty() {
            item.clone()
        } else {
            format!("{line} {item}")
        };
        if str_width(&joined, ambiguous) <= width {
            line = joined;
        } else {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            let mut parts = wrap(&item, width as u16, ambiguous);
            line = parts.pop().unwrap_or_default();
            lines.extend(parts);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::page::{Outcome, PageScroll};

    fn keymap() -> Keymap {
        crate::config::Config::default_config().expect("config").keymap
    }

    #[test]
    fn every_key_of_every_command_is_on_some_line_at_every_size() {
        let keymap = keymap();
        for (width, height) in [(20, 5), (33, 9), (60, 20), (80, 24), (100, 30), (120, 35), (140, 40)] {
            let page = page(
                &keymap,
                Scope::Reader,
                Lang::Simplified,
                AmbiguousWidth::Narrow,
                (width, height),
            );
            assert!(page.frame.right() <= width && page.frame.bottom() <= height);
            let keys: String = page
                .lines
                .iter()
                .flatten()
                .filter(|p| p.key)
                .map(|p| p.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            for command in Command::ALL {
                for key in keymap.keys_for(Scope::Reader, *command) {
                    assert!(keys.contains(&key), "{width}x{height}: {key} missing from {keys}");
                }
            }
            for line in &page.lines {
                for piece in line {
                    let end = piece.x + str_width(&piece.text, AmbiguousWidth::Narrow) as u16;
                    assert!(
                        end <= page.body.width,
                        "{width}x{height}: {piece:?} past {}",
                        page.body.width
                    );
                }
            }
        }
    }

    #[test]
    fn scrolling_stays_within_the_lines_and_the_close_keys_close() {
        let keymap = keymap();
        let page = page(
            &keymap,
            Scope::Reader,
            Lang::Simplified,
            AmbiguousWidth::Narrow,
            (20, 5),
        );
        assert!(page.max_scroll() > 10, "a 20x5 help scrolls");
        let mut help = PageScroll::default();
        assert_eq!(help.handle(Command::Bottom, false, &page), Outcome::Stay);
        assert_eq!(help.scroll(&page), page.max_scroll());
        help.handle(Command::PageDown, false, &page);
        assert_eq!(help.scroll(&page), page.max_scroll());
        help.handle(Command::LineUp, false, &page);
        assert_eq!(help.scroll(&page), page.max_scroll() - 1);
        help.handle(Command::Top, false, &page);
        assert_eq!(help.scroll(&page), 0);
        for close in [Command::Quit, Command::Back, Command::Help] {
            assert_eq!(help.handle(close, false, &page), Outcome::Close);
        }
        assert_eq!(help.handle(Command::Quit, true, &page), Outcome::Quit);
    }
}
