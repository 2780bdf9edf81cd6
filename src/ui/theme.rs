//! Styles for every element of the interface, and how layout roles map to them.

use ratatui::style::{Color, Modifier, Style};

use crate::config::{ThemeElement, ThemeName, ThemeSettings};
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
    /// Readable on dark backgrounds with the 16 basic colours. Nothing is
    /// told by ANSI colour 8 (dark grey) alone, which some schemes (Solarized
    /// Dark) draw as their background: faint text is dimmed, bars reversed.
    pub fn dark() -> Theme {
        Theme {
            text: Style::new(),
            heading: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            title: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            meta: Style::new().add_modifier(Modifier::DIM),
            quote: Style::new().fg(Color::Gray).add_modifier(Modifier::ITALIC),
            quote_bar: Style::new().fg(Color::Gray).add_modifier(Modifier::REVERSED),
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
            pane_title: Style::new().add_modifier(Modifier::BOLD.union(Modifier::DIM)),
            pane_title_focused: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            selected: Style::new().fg(Color::Black).bg(Color::Cyan),
            selected_unfocused: Style::new().add_modifier(Modifier::REVERSED),
            dim: Style::new().add_modifier(Modifier::DIM),
            status: Style::new().fg(Color::Black).bg(Color::Gray),
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

    /// Readable on light backgrounds with the 16 basic colours; sets its own
    /// (white) background, so it reads the same on a dark terminal.
    pub fn light() -> Theme {
        let paper = Style::new().fg(Color::Black).bg(Color::White);
        Theme {
            text: paper,
            gap: paper,
            scrollbar_track: paper,
            selected_unfocused: paper.add_modifier(Modifier::REVERSED),
            heading: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            title: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            meta: Style::new().add_modifier(Modifier::DIM),
            quote: Style::new().add_modifier(Modifier::ITALIC),
            code: Style::new().fg(Color::Magenta),
            list_marker: Style::new().fg(Color::Blue),
            link: Style::new().fg(Color::Blue).add_modifier(Modifier::UNDERLINED),
            hit: Style::new().fg(Color::Black).bg(Color::LightYellow),
            current_hit: Style::new()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(Modifier::BOLD),
            pane_title: Style::new().add_modifier(Modifier::BOLD.union(Modifier::DIM)),
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

    /// The style of one element of the configuration's `[theme.colors]`.
    fn slot(&mut self, element: ThemeElement) -> &mut Style {
        match element {
            ThemeElement::Text => &mut self.text,
            ThemeElement::Heading => &mut self.heading,
            ThemeElement::Title => &mut self.title,
            ThemeElement::Meta => &mut self.meta,
            ThemeElement::Quote => &mut self.quote,
            ThemeElement::QuoteBar => &mut self.quote_bar,
            ThemeElement::Code => &mut self.code,
            ThemeElement::ListMarker => &mut self.list_marker,
            ThemeElement::Emphasis => &mut self.emphasis,
            ThemeElement::Strong => &mut self.strong,
            ThemeElement::Link => &mut self.link,
            ThemeElement::Hit => &mut self.hit,
            ThemeElement::CurrentHit => &mut self.current_hit,
            ThemeElement::PaneTitle => &mut self.pane_title,
            ThemeElement::PaneTitleFocused => &mut self.pane_title_focused,
            ThemeElement::Selected => &mut self.selected,
            ThemeElement::SelectedUnfocused => &mut self.selected_unfocused,
            ThemeElement::Dim => &mut self.dim,
            ThemeElement::Status => &mut self.status,
            ThemeElement::ScrollbarThumb => &mut self.scrollbar_thumb,
            ThemeElement::Overlay => &mut self.overlay,
            ThemeElement::OverlayKey => &mut self.overlay_key,
            ThemeElement::Input => &mut self.input,
        }
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
        for (element, style) in &settings.colors {
            *theme.slot(*element) = style.0;
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
    use crate::config::ThemeStyle;

    #[test]
    fn every_element_has_its_own_slot() {
        let mut theme = Theme::monochrome();
        for (i, element) in ThemeElement::ALL.iter().enumerate() {
            *theme.slot(*element) = Style::new().fg(Color::Indexed(i as u8));
        }
        for (i, element) in ThemeElement::ALL.iter().enumerate() {
            assert_eq!(theme.slot(*element).fg, Some(Color::Indexed(i as u8)), "{element:?}");
        }
    }

    #[test]
    fn overrides_apply_and_no_color_wins() {
        let settings = ThemeSettings {
            name: ThemeName::Light,
            colors: [(
                ThemeElement::Heading,
                ThemeStyle(Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)),
            )]
            .into_iter()
            .collect(),
        };
        let theme = Theme::from_settings(&settings, false);
        assert_eq!(theme.heading, Style::new().fg(Color::Red).add_modifier(Modifier::BOLD));
        assert_eq!(Theme::from_settings(&settings, true), Theme::monochrome());
    }

    #[test]
    fn no_element_relies_on_colour_eight() {
        for theme in [Theme::dark(), Theme::light()] {
            for element in ThemeElement::ALL {
                let style = *theme.clone().slot(*element);
                assert!(
                    style.fg != Some(Color::DarkGray) && style.bg != Some(Color::DarkGray),
                    "{element:?} uses ANSI colour 8"
                );
            }
        }
    }

    #[test]
    fn the_light_theme_sets_its_background() {
        let theme = Theme::light();
        assert_eq!(theme.text.bg, Some(Color::White));
        assert_eq!(theme.gap.bg, Some(Color::White));
    }

    #[test]
    fn monochrome_uses_no_colour() {
        let theme = Theme::monochrome();
        for element in ThemeElement::ALL {
            let mut copy = theme.clone();
            let style = *copy.slot(*element);
            assert!(style.fg.is_none() && style.bg.is_none(), "{element:?} has a colour");
        }
    }
}
