//! The commands a user can bind keys to. Their names are the ones used in the
//! configuration file; their descriptions fill the help overlay.

/// Declares the command enum with its configuration name and help text, so
/// the three can never drift apart.
macro_rules! commands {
    ($($variant:ident = $name:literal, $help:literal;)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Deserialize)]
        #[serde(try_from = "String")]
        pub enum Command {
            $($variant,)*
        }

        impl Command {
            /// Every command, in help order.
            pub const ALL: &'static [Command] = &[$(Command::$variant,)*];

            /// The name used in the configuration file.
            pub fn name(self) -> &'static str {
                match self {
                    $(Command::$variant => $name,)*
                }
            }

            /// What the command does, for the help overlay.
            pub fn description(self) -> &'static str {
                match self {
                    $(Command::$variant => $help,)*
                }
            }

            pub fn from_name(name: &str) -> Option<Command> {
                match name {
                    $($name => Some(Command::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

impl TryFrom<String> for Command {
    type Error = String;

    /// A command by its configuration name; the error says what to write instead.
    fn try_from(name: String) -> Result<Command, String> {
        // The name of `cycle_order` when it ordered only the bookmark list.
        if name == "toggle_bookmark_order" {
            return Ok(Command::CycleOrder);
        }
        Command::from_name(&name).ok_or_else(|| {
            match crate::suggest::closest(&name, Command::ALL.iter().map(|c| c.name())) {
                Some(close) => format!("is not a command (did you mean {close}?)"),
                None => "is not a command; `yuedu config --keys` lists them".to_string(),
            }
        })
    }
}

commands! {
    LineDown = "line_down", "下一行 / 下一项";
    LineUp = "line_up", "上一行 / 上一项";
    PageDown = "page_down", "下一页";
    PageUp = "page_up", "上一页";
    HalfPageDown = "half_page_down", "向下半页";
    HalfPageUp = "half_page_up", "向上半页";
    Top = "top", "到开头（12g：到第 12 行）";
    Bottom = "bottom", "到末尾（120G：到第 120 行）";
    JumpPercent = "jump_percent", "跳到百分比处（50%：一半）";
    NextArticle = "next_article", "下一篇";
    PreviousArticle = "previous_article", "上一篇";
    Contents = "contents", "目录：本文的章节（输入可筛选，回车跳转）";
    NextChapter = "next_chapter", "下一章";
    PreviousChapter = "previous_chapter", "上一章（或本章开头）";
    Open = "open", "打开";
    Back = "back", "返回 / 关闭";
    FocusNext = "focus_next", "下一个窗格";
    FocusPrevious = "focus_previous", "上一个窗格";
    FocusLeft = "focus_left", "左边的窗格 / 返回";
    FocusRight = "focus_right", "右边的窗格 / 打开";
    ToggleFocusMode = "toggle_focus_mode", "专注阅读（全屏）";
    CycleScript = "cycle_script", "原文 / 简体 / 繁體 显示";
    Widen = "widen", "加宽阅读栏";
    Narrow = "narrow", "收窄阅读栏";
    Search = "search", "搜索全部文章";
    Find = "find", "在文章中查找（在列表中：搜索全部文章）";
    NextHit = "next_hit", "下一个查找结果";
    PreviousHit = "previous_hit", "上一个查找结果";
    ContinueReading = "continue_reading", "继续阅读上次的文章";
    ToggleRead = "toggle_read", "标为读完 / 未读（文章列表）";
    NextUnread = "next_unread", "下一篇未读完的文章";
    JumpBack = "jump_back", "跳回跳转（搜索、书签、目录）前的位置";
    AddBookmark = "add_bookmark", "在此处加书签";
    Bookmarks = "bookmarks", "书签列表";
    EditNote = "edit_note", "修改书签备注（书签列表）";
    DeleteBookmark = "delete_bookmark", "删除书签（书签列表）";
    Undo = "undo", "撤销删除（书签列表）";
    CycleOrder = "cycle_order", "排列：文件夹 / 拼音 / 最近阅读";
    Notices = "notices", "提示：跳过的文件、状态文件和保存问题（关闭即知道了）";
    Help = "help", "帮助";
    Quit = "quit", "退出";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for &command in Command::ALL {
            assert_eq!(Command::from_name(command.name()), Some(command));
        }
        assert_eq!(Command::from_name("nope"), None);
        assert_eq!(
            Command::try_from("toggle_bookmark_order".to_string()),
            Ok(Command::CycleOrder)
        );
    }
}
