//! Styles for every element of the interface, and how layout roles map to them.

use ratatui::style::{Color, Modifier, Style};

use crate::config::style::parse_style;
use crate::config::{ThemeName, ThemeSettings};
use crate::layout::{Mark, Piece, Role};
use crate::library::InlineStyle;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Theme {
    pub text: Style,
    pub heading: Style,
    pub title: Style,
    pub meta: Style,
    pub quote: Style,
    pub quote_bar: Style,
    pub code: Style,
    pub list_marker: Style,
    pub emphasis: Style,
    pub strong: Style,
    pub link: Style,
    pub hit: Style,
    pub current_hit: Style,
    pub pane_title: Style,
    pub pane_title_focused: Style,
    pub selected: Style,
    pub selected_unfocused: Style,
    pub dim: Style,
    pub status: Style,
    pub scrollbar_thumb: Style,
    pub scrollbar_track: Style,
    pub gap: Style,
    pub overlay: Style,
    pub overlay_key: Style,
    pub input: Style,
}

impl Theme {
    /// Readable on dark backgrounds with the 16 basic colours.
    pub fn dark() -> Theme {
        Theme {
            text: Style::new(),
            heading: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            title: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            meta: Style::new().fg(Color::DarkGray),
            quote: Style::new().fg(Color::Gray).add_modifier(Modifier::ITALIC),
            quote_bar: Style::new().fg(Color::DarkGray).add_modifier(Modifier::REVERSED),
            code: Style::new().fg(Color::Green),
            list_marker: Style::new().fg(Color::Cyan),
            emphasis: Style::new().add_modifier(Modifier::ITALIC),
            strong: Style::new().add_modifier(Modifier::BOLD),
            link: Style::new().fg(Color::Blue).add_modifier(Modifier::UNDERLINED),
            hit: Style::new().fg(Color::Black).bg(Color::Yellow),
            current_hit: Style::new()
                .fg(Color::Black)
                .bg(Color::LightRed)
                .add_modifier(Modifier::BOLD),
            pane_title: Style::new().fg(Color::DarkGray).add_modifier(Modifier::BOLD),
            pane_title_focused: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            selected: Style::new().fg(Color::Black).bg(Color::Cyan),
            selected_unfocused: Style::new().add_modifier(Modifier::REVERSED),
            dim: Style::new().fg(Color::DarkGray),
            status: Style::new().fg(Color::White).bg(Color::DarkGray),
            scrollbar_thumb: Style::new().fg(Color::Gray).add_modifier(Modifier::REVERSED),
            scrollbar_track: Style::new(),
            gap: Style::new(),
            overlay: Style::new().fg(Color::White).bg(Color::Black),
            overlay_key: Style::new()
                .fg(Color::Cyan)
                .bg(Color::Black)
                .add_modifier(Modifier::BOLD),
            input: Style::new().fg(Color::White).bg(Color::Blue),
        }
    }

    /// Readable on light backgrounds with the 16 basic colours.
    pub fn light() -> Theme {
        Theme {
            heading: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            title: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            meta: Style::new().fg(Color::DarkGray),
            quote: Style::new().fg(Color::DarkGray).add_modifier(Modifier::ITALIC),
            code: Style::new().fg(Color::Magenta),
            list_marker: Style::new().fg(Color::Blue),
            link: Style::new().fg(Color::Blue).add_modifier(Modifier::UNDERLINED),
            hit: Style::new().fg(Color::Black).bg(Color::LightYellow),
            current_hit: Style::new()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(Modifier::BOLD),
            pane_title: Style::new().fg(Color::DarkGray).add_modifier(Modifier::BOLD),
            pane_title_focused: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            selected: Style::new().fg(Color::White).bg(Color::Blue),
            status: Style::new().fg(Color::Black).bg(Color::Gray),
            overlay: Style::new().fg(Color::Black).bg(Color::White),
            overlay_key: Style::new()
                .fg(Color::Blue)
                .bg(Color::White)
                .add_modifier(Modifier::BOLD),
            input: Style::new().fg(Color::Black).bg(Color::LightCyan),
            ..Theme::dark()
        }
    }

    /// No colours at all, for `NO_COLOR`: bold, italic, underline and reverse.
    pub fn monochrome() -> Theme {
        let plain = Style::new();
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let reversed = Style::new().add_modifier(Modifier::REVERSED);
        Theme {
            text: plain,
            heading: bold,
            title: bold,
            meta: plain,
            quote: Style::new().add_modifier(Modifier::ITALIC),
            quote_bar: reversed,
            code: plain,
            list_marker: bold,
            emphasis: Style::new().add_modifier(Modifier::ITALIC),
            strong: bold,
            link: Style::new().add_modifier(Modifier::UNDERLINED),
            hit: Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            current_hit: reversed,
            pane_title: plain,
            pane_title_focused: bold,
            selected: reversed,
            selected_unfocused: Style::new().add_modifier(Modifier::UNDERLINED),
            dim: plain,
            status: reversed,
            scrollbar_thumb: reversed,
            scrollbar_track: plain,
            gap: plain,
            overlay: reversed,
            overlay_key: reversed.add_modifier(Modifier::BOLD),
            input: Style::new().add_modifier(Modifier::UNDERLINED),
        }
    }

    fn element_mut(&mut self, name: &str) -> Option<&mut Style> {
        Some(match name {
            "text" => &mut self.text,
            "heading" => &mut self.heading,
            "title" => &mut self.title,
            "meta" => &mut self.meta,
            "quote" => &mut self.quote,
            "quote_bar" => &mut self.quote_bar,
            "code" => &mut self.code,
            "list_marker" => &mut self.list_marker,
            "emphasis" => &mut self.emphasis,
            "strong" => &mut self.strong,
            "link" => &mut self.link,
            "hit" => &mut self.hit,
            "current_hit" => &mut self.current_hit,
            "pane_title" => &mut self.pane_title,
            "pane_title_focused" => &mut self.pane_title_focused,
            "selected" => &mut self.selected,
            "selected_unfocused" => &mut self.selected_unfocused,
            "dim" => &mut self.dim,
            "status" => &mut self.status,
            "scrollbar_thumb" => &mut self.scrollbar_thumb,
            "overlay" => &mut self.overlay,
            "overlay_key" => &mut self.overlay_key,
            "input" => &mut self.input,
            _ => return None,
        })
    }

    /// The theme the settings name, with their overrides; `no_color` (the
    /// `NO_COLOR` convention) wins over both.
    pub fn from_settings(settings: &ThemeSettings, no_color: bool) -> Theme {
        if no_color {
            return Theme::monochrome();
        }
        let mut theme = match settings.name {
            ThemeName::Dark => Theme::dark(),
            ThemeName::Light => Theme::light(),
        };
        for (name, value) in &settings.colors {
            // Validated when the configuration was loaded.
            if let (Some(slot), Ok(style)) = (theme.element_mut(name), parse_style(value)) {
                *slot = style;
            }
        }
        theme
    }

    /// The style of one piece of laid-out text.
    pub fn piece(&self, piece: &Piece<'_>) -> Style {
        let base = match piece.role {
            Role::Body | Role::Indent => self.text,
            Role::Heading(_) => self.heading,
            Role::Quote => self.quote,
            Role::Code => self.code,
            Role::ListMarker => self.list_marker,
            Role::QuoteBar => self.quote_bar,
            Role::Rule => self.meta,
        };
        let inline = match piece.inline {
            Some(InlineStyle::Emphasis) => self.emphasis,
            Some(InlineStyle::Strong) => self.strong,
            Some(InlineStyle::Code) => self.code,
            Some(InlineStyle::Link) => self.link,
            None => Style::new(),
        };
        let mark = match piece.mark {
            Mark::None => Style::new(),
            Mark::Hit => self.hit,
            Mark::Current => self.current_hit,
        };
        base.patch(inline).patch(mark)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::THEME_ELEMENTS;

    #[test]
    fn every_element_name_has_a_slot() {
        let mut theme = Theme::dark();
        for name in THEME_ELEMENTS {
            assert!(theme.element_mut(name).is_some(), "{name}");
        }
    }

    #[test]
    fn overrides_apply_and_no_color_wins() {
        let settings = ThemeSettings {
            name: ThemeName::Light,
            colors: [("heading".to_string(), "bold red".to_string())].into_iter().collect(),
        };
        let theme = Theme::from_settings(&settings, false);
        assert_eq!(theme.heading, Style::new().fg(Color::Red).add_modifier(Modifier::BOLD));
        assert_eq!(Theme::from_settings(&settings, true), Theme::monochrome());
    }

    #[test]
    fn monochrome_uses_no_colour() {
        let theme = Theme::monochrome();
        for name in THEME_ELEMENTS {
            let mut copy = theme.clone();
            let style = *copy.element_mut(name).expect("slot");
            assert!(style.fg.is_none() && style.bg.is_none(), "{name} has a colour");
        }
    }
}
