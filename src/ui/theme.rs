//! Styles for every element of the interface, and how layout roles map to them.

use ratatui::style::{Color, Modifier, Style};

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
            quote_bar: Style::new()
                .fg(Color::DarkGray)
                .add_modifier(Modifier::REVERSED),
            code: Style::new().fg(Color::Green),
            list_marker: Style::new().fg(Color::Cyan),
            emphasis: Style::new().add_modifier(Modifier::ITALIC),
            strong: Style::new().add_modifier(Modifier::BOLD),
            link: Style::new()
                .fg(Color::Blue)
                .add_modifier(Modifier::UNDERLINED),
            hit: Style::new().fg(Color::Black).bg(Color::Yellow),
            current_hit: Style::new()
                .fg(Color::Black)
                .bg(Color::LightRed)
                .add_modifier(Modifier::BOLD),
            pane_title: Style::new()
                .fg(Color::DarkGray)
                .add_modifier(Modifier::BOLD),
            pane_title_focused: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            selected: Style::new().fg(Color::Black).bg(Color::Cyan),
            selected_unfocused: Style::new().add_modifier(Modifier::REVERSED),
            dim: Style::new().fg(Color::DarkGray),
            status: Style::new().fg(Color::White).bg(Color::DarkGray),
            scrollbar_thumb: Style::new()
                .fg(Color::Gray)
                .add_modifier(Modifier::REVERSED),
            scrollbar_track: Style::new(),
            gap: Style::new(),
            overlay: Style::new().fg(Color::White).bg(Color::Black),
            overlay_key: Style::new()
                .fg(Color::Cyan)
                .bg(Color::Black)
                .add_modifier(Modifier::BOLD),
        }
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
