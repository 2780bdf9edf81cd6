//! The commands a user can bind keys to. Their names are the ones used in the
//! configuration file; their descriptions fill the help overlay.

use crate::i18n::Lang;

/// Declares the command enum with its configuration name and help text, so
/// the three can never drift apart.
macro_rules! commands {
    ($($variant:ident = $name:literal, en: $en:literal, hans: $hans:literal, hant: $hant:literal;)*) => {
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

            /// What the command does, for the help overlay, in `lang`.
            pub fn description(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Command::$variant, Lang::English) => $en,
                    (Command::$variant, Lang::Simplified) => $hans,
                    (Command::$variant, Lang::Traditional) => $hant,)*
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
    LineDown = "line_down",
        en: "next line / next item",
        hans: "下一行 / 下一项",
        hant: "下一行 / 下一項";
    LineUp = "line_up",
        en: "previous line / previous item",
        hans: "上一行 / 上一项",
        hant: "上一行 / 上一項";
    PageDown = "page_down",
        en: "next page",
        hans: "下一页",
        hant: "下一頁";
    PageUp = "page_up",
        en: "previous page",
        hans: "上一页",
        hant: "上一頁";
    HalfPageDown = "half_page_down",
        en: "half a page down",
        hans: "向下半页",
        hant: "向下半頁";
    HalfPageUp = "half_page_up",
        en: "half a page up",
        hans: "向上半页",
        hant: "向上半頁";
    Top = "top",
        en: "to the start (12g: to line 12)",
        hans: "到开头（12g：到第 12 行）",
        hant: "到開頭（12g：到第 12 行）";
    Bottom = "bottom",
        en: "to the end (120G: to line 120)",
        hans: "到末尾（120G：到第 120 行）",
        hant: "到末尾（120G：到第 120 行）";
    JumpPercent = "jump_percent",
        en: "to a share of the text (50%: halfway)",
        hans: "跳到百分比处（50%：一半）",
        hant: "跳到百分比處（50%：一半）";
    NextArticle = "next_article",
        en: "next article",
        hans: "下一篇",
        hant: "下一篇";
    PreviousArticle = "previous_article",
        en: "previous article",
        hans: "上一篇",
        hant: "上一篇";
    Contents = "contents",
        en: "contents: the article's chapters (type to filter, Enter jumps)",
        hans: "目录：本文的章节（输入可筛选，回车跳转）",
        hant: "目錄：本文的章節（輸入可篩選，Enter 跳轉）";
    NextChapter = "next_chapter",
        en: "next chapter",
        hans: "下一章",
        hant: "下一章";
    PreviousChapter = "previous_chapter",
        en: "previous chapter (or this chapter's start)",
        hans: "上一章（或本章开头）",
        hant: "上一章（或本章開頭）";
    Open = "open",
        en: "open",
        hans: "打开",
        hant: "打開";
    Back = "back",
        en: "back / close",
        hans: "返回 / 关闭",
        hant: "返回 / 關閉";
    FocusNext = "focus_next",
        en: "next pane",
        hans: "下一个窗格",
        hant: "下一個窗格";
    FocusPrevious = "focus_previous",
        en: "previous pane",
        hans: "上一个窗格",
        hant: "上一個窗格";
    FocusLeft = "focus_left",
        en: "the pane to the left / back",
        hans: "左边的窗格 / 返回",
        hant: "左邊的窗格 / 返回";
    FocusRight = "focus_right",
        en: "the pane to the right / open",
        hans: "右边的窗格 / 打开",
        hant: "右邊的窗格 / 打開";
    ToggleFocusMode = "toggle_focus_mode",
        en: "focus mode (the text alone, full screen)",
        hans: "专注阅读（全屏）",
        hant: "專注閱讀（全螢幕）";
    CycleScript = "cycle_script",
        en: "show as written / in Simplified / in Traditional",
        hans: "原文 / 简体 / 繁體 显示",
        hant: "原文 / 简体 / 繁體 顯示";
    ToggleDirection = "toggle_direction",
        en: "vertical text, columns from the right (竖排) / lines",
        hans: "竖排（自右向左）/ 横排",
        hant: "豎排（自右向左）/ 橫排";
    Widen = "widen",
        en: "widen the reading column",
        hans: "加宽阅读栏",
        hant: "加寬閱讀欄";
    Narrow = "narrow",
        en: "narrow the reading column",
        hans: "收窄阅读栏",
        hant: "收窄閱讀欄";
    Search = "search",
        en: "search all articles",
        hans: "搜索全部文章",
        hant: "搜尋全部文章";
    Find = "find",
        en: "find in the article (in the lists: search all articles)",
        hans: "在文章中查找（在列表中：搜索全部文章）",
        hant: "在文章中尋找（在列表中：搜尋全部文章）";
    NextHit = "next_hit",
        en: "next hit",
        hans: "下一个查找结果",
        hant: "下一個尋找結果";
    PreviousHit = "previous_hit",
        en: "previous hit",
        hans: "上一个查找结果",
        hant: "上一個尋找結果";
    ContinueReading = "continue_reading",
        en: "continue the last article read",
        hans: "继续阅读上次的文章",
        hant: "繼續閱讀上次的文章";
    ToggleRead = "toggle_read",
        en: "mark read / unread (article list)",
        hans: "标为读完 / 未读（文章列表）",
        hant: "標為讀完 / 未讀（文章列表）";
    NextUnread = "next_unread",
        en: "next article not read to its end",
        hans: "下一篇未读完的文章",
        hant: "下一篇未讀完的文章";
    JumpBack = "jump_back",
        en: "back to where a jump (search, bookmark, contents) started",
        hans: "跳回跳转（搜索、书签、目录）前的位置",
        hant: "跳回跳轉（搜尋、書籤、目錄）前的位置";
    AddBookmark = "add_bookmark",
        en: "bookmark this place",
        hans: "在此处加书签",
        hant: "在此處加書籤";
    Bookmarks = "bookmarks",
        en: "the bookmark list",
        hans: "书签列表",
        hant: "書籤列表";
    EditNote = "edit_note",
        en: "edit the bookmark's note (bookmark list)",
        hans: "修改书签备注（书签列表）",
        hant: "修改書籤備註（書籤列表）";
    DeleteBookmark = "delete_bookmark",
        en: "delete the bookmark (bookmark list)",
        hans: "删除书签（书签列表）",
        hant: "刪除書籤（書籤列表）";
    Undo = "undo",
        en: "undo the deletion (bookmark list)",
        hans: "撤销删除（书签列表）",
        hant: "復原刪除（書籤列表）";
    CycleOrder = "cycle_order",
        en: "order: folder / pinyin / recently read",
        hans: "排列：文件夹 / 拼音 / 最近阅读",
        hant: "排列：資料夾 / 拼音 / 最近閱讀";
    Notices = "notices",
        en: "notices: skipped files, the state file, saving problems (closing them dismisses them)",
        hans: "提示：跳过的文件、状态文件和保存问题（关闭即知道了）",
        hant: "提示：跳過的檔案、狀態檔案和儲存問題（關閉即知道了）";
    Help = "help",
        en: "help",
        hans: "帮助",
        hant: "說明";
    Quit = "quit",
        en: "quit",
        hans: "退出",
        hant: "退出";
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
