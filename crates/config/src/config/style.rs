//! Style strings in the configuration: "bold lightcyan", "black on yellow",
//! "#ffaa00", "208".

use ratatui_core::style::{Color, Modifier, Style};

/// Parses a style: optional modifiers, then an optional foreground colour,
/// then optionally "on" and a background colour.
pub fn parse_style(text: &str) -> Result<Style, String> {
    let mut style = Style::new();
    let mut words = text.split_whitespace().peekable();
    if words.peek().is_none() {
        return Err("is empty; give a colour such as \"cyan\" or \"black on yellow\"".into());
    }
    let mut colour_seen = false;
    while let Some(word) = words.next() {
        let lower = word.to_ascii_lowercase();
        if let Some(modifier) = modifier(&lower) {
            if style.add_modifier.contains(modifier) {
                return Err(format!("has {word:?} twice"));
            }
            style = style.add_modifier(modifier);
        } else if lower == "on" {
            let background = words.next().ok_or("ends with \"on\" but names no background colour")?;
            if style.bg.is_some() {
                return Err(format!(
                    "names two background colours (\"on {background}\" is the second)"
                ));
            }
            style = style.bg(parse_colour(background)?);
        } else if !colour_seen {
            style = style.fg(parse_colour(word)?);
            colour_seen = true;
        } else {
            return Err(format!("has {word:?} where only \"on COLOUR\" may follow the colour"));
        }
    }
    Ok(style)
}

fn modifier(word: &str) -> Option<Modifier> {
    Some(match word {
        "bold" => Modifier::BOLD,
        "italic" => Modifier::ITALIC,
        "underlined" | "underline" => Modifier::UNDERLINED,
        "reversed" | "reverse" => Modifier::REVERSED,
        "dim" => Modifier::DIM,
        _ => return None,
    })
}

pub fn parse_colour(word: &str) -> Result<Color, String> {
    let lower = word.to_ascii_lowercase();
    let named = match lower.as_str() {
        "black" => Color::Black,
        "red" => Color::Red,
        "green" => Color::Green,
        "yellow" => Color::Yellow,
        "blue" => Color::Blue,
        "magenta" => Color::Magenta,
        "cyan" => Color::Cyan,
        "gray" | "grey" => Color::Gray,
        "darkgray" | "darkgrey" => Color::DarkGray,
        "lightred" => Color::LightRed,
        "lightgreen" => Color::LightGreen,
        "lightyellow" => Color::LightYellow,
        "lightblue" => Color::LightBlue,
        "lightmagenta" => Color::LightMagenta,
        "lightcyan" => Color::LightCyan,
        "white" => Color::White,
        "reset" | "default" => Color::Reset,
        _ => {
            if let Some(hex) = lower.strip_prefix('#')
                && hex.len() == 6
                && let Ok(rgb) = u32::from_str_radix(hex, 16)
            {
                return Ok(Color::Rgb((rgb >> 16) as u8, (rgb >> 8) as u8, rgb as u8));
            }
            if let Ok(index) = lower.parse::<u8>() {
                return Ok(Color::Indexed(index));
            }
            return Err(format!(
                "{word:?} is not a colour (a name such as \"cyan\", 0-255, or \"#rrggbb\")"
            ));
        }
    };
    Ok(named)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_names_modifiers_backgrounds_and_numbers() {
        assert_eq!(parse_style("cyan"), Ok(Style::new().fg(Color::Cyan)));
        assert_eq!(
            parse_style("bold black on yellow"),
            Ok(Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::BOLD))
        );
        assert_eq!(parse_style("#ff8000"), Ok(Style::new().fg(Color::Rgb(255, 128, 0))));
        assert_eq!(parse_style("208"), Ok(Style::new().fg(Color::Indexed(208))));
        assert_eq!(
            parse_style("reversed"),
            Ok(Style::new().add_modifier(Modifier::REVERSED))
        );
    }

    #[test]
    fn rejects_unknown_colours_with_a_reason() {
        assert!(
            parse_style("purpleish")
                .unwrap_err()
                .contains("\"purpleish\" is not a colour")
        );
        assert!(parse_style("red on").is_err());
        assert!(parse_style("red blue").is_err());
        assert!(parse_style("").is_err());
    }

    #[test]
    fn rejects_repeats_and_contradictions() {
        assert_eq!(parse_style("bold bold red"), Err("has \"bold\" twice".into()));
        assert_eq!(
            parse_style("underline underlined red"),
            Err("has \"underlined\" twice".into())
        );
        assert_eq!(
            parse_style("red on blue on green"),
            Err("names two background colours (\"on green\" is the second)".into())
        );
        assert_eq!(
            parse_style("red blue"),
            Err("has \"blue\" where only \"on COLOUR\" may follow the colour".into())
        );
    }
}
