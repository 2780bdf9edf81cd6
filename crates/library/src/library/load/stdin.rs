//! An article from standard input: `cmd | yuedu`, `yuedu -`, `yuedu show -`.

use std::io::IsTerminal;

use crate::i18n::{Text, text, tr};
use crate::library::load::read::read_bounded;

/// Whether standard input is a pipe or a redirected file (not a terminal,
/// and not `/dev/null` as under a service manager or a test runner).
pub fn stdin_is_piped() -> bool {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        return false;
    }
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        use std::os::unix::fs::FileTypeExt;
        let kind = stdin
            .as_fd()
            .try_clone_to_owned()
            .map(std::fs::File::from)
            .and_then(|file| file.metadata())
            .map(|meta| meta.file_type());
        kind.is_ok_and(|kind| kind.is_fifo() || kind.is_file() || kind.is_socket())
    }
    #[cfg(not(unix))]
    true
}

/// Reads standard input whole (at most as much as an article file may
/// hold); empty or binary input is refused in one sentence.
pub fn read_stdin() -> Result<Vec<u8>, Text> {
    let bytes = read_bounded(std::io::stdin().lock()).map_err(|err| {
        err.map(|lang, why| tr!(lang, en: "standard input: {why}", hans: "标准输入：{why}", hant: "標準輸入：{why}"))
    })?;
    check_stdin(bytes)
}

fn check_stdin(bytes: Vec<u8>) -> Result<Vec<u8>, Text> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(text!(
            en: "standard input is empty: pipe an article into yuedu, or name a file",
            hans: "标准输入是空的：把文章用管道传给 yuedu，或者指定一个文件",
            hant: "標準輸入是空的：把文章用管道傳給 yuedu，或者指定一個檔案",
        ));
    }
    let is_zip = bytes.starts_with(b"PK\x03\x04");
    if !is_zip && bytes.iter().take(8192).any(|&b| b == 0) {
        return Err(text!(
            en: "standard input is binary data, not text",
            hans: "标准输入是二进制数据，不是文本",
            hant: "標準輸入是二進位資料，不是文字",
        ));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_binary_input_are_refused() {
        assert!(check_stdin(b" \n".to_vec()).unwrap_err().en().contains("empty"));
        assert!(
            check_stdin(b"\x7fELF\0\0\x01".to_vec())
                .unwrap_err()
                .en()
                .contains("binary")
        );
        assert!(check_stdin("正文".as_bytes().to_vec()).is_ok());
    }
}
