//! The platform's folders for yuedu's configuration, data and cache: the
//! same as the `directories` crate gives for the application "yuedu", in a
//! few lines of our own (that crate pulls in an MPL-2.0 dependency).
//!
//! | | configuration | data | cache |
//! | --- | --- | --- | --- |
//! | Linux and other Unix | `$XDG_CONFIG_HOME/yuedu` or `~/.config/yuedu` | `$XDG_DATA_HOME/yuedu` or `~/.local/share/yuedu` | `$XDG_CACHE_HOME/yuedu` or `~/.cache/yuedu` |
//! | macOS | `~/Library/Application Support/yuedu` | the same | `~/Library/Caches/yuedu` |
//! | Windows | `%APPDATA%\yuedu\config` | `%APPDATA%\yuedu\data` | `%LOCALAPPDATA%\yuedu\cache` |

use std::ffi::OsString;
use std::path::PathBuf;

const APP: &str = "yuedu";

/// The configuration, data and cache folders, and the home folder; `None`
/// when the home folder (or on Windows the application data folders) cannot
/// be found.
pub(super) fn platform_folders() -> Option<(PathBuf, PathBuf, PathBuf, PathBuf)> {
    folders(|name| std::env::var_os(name), std::env::home_dir())
}

/// `env` reads a variable; `home` is the user's home folder.
fn folders(
    env: impl Fn(&str) -> Option<OsString>,
    home: Option<PathBuf>,
) -> Option<(PathBuf, PathBuf, PathBuf, PathBuf)> {
    let home = home.filter(|h| h.is_absolute())?;
    if cfg!(windows) {
        let roaming = absolute(env("APPDATA"))?.join(APP);
        let local = absolute(env("LOCALAPPDATA"))?.join(APP);
        return Some((roaming.join("config"), roaming.join("data"), local.join("cache"), home));
    }
    if cfg!(target_os = "macos") {
        let support = home.join("Library/Application Support").join(APP);
        let cache = home.join("Library/Caches").join(APP);
        return Some((support.clone(), support, cache, home));
    }
    // XDG: a variable counts only if it holds an absolute path.
    let xdg = |name: &str, fallback: &str| absolute(env(name)).unwrap_or_else(|| home.join(fallback)).join(APP);
    Some((
        xdg("XDG_CONFIG_HOME", ".config"),
        xdg("XDG_DATA_HOME", ".local/share"),
        xdg("XDG_CACHE_HOME", ".cache"),
        home.clone(),
    ))
}

fn absolute(value: Option<OsString>) -> Option<PathBuf> {
    value.map(PathBuf::from).filter(|p| p.is_absolute())
}

#[cfg(all(test, unix, not(target_os = "macos")))]
mod tests {
    use super::*;

    #[test]
    fn xdg_variables_count_only_when_absolute() {
        let home = Some(PathBuf::from("/home/a"));
        let env = |name: &str| match name {
            "XDG_CONFIG_HOME" => Some(OsString::from("/etc/xdg-a")),
            "XDG_DATA_HOME" => Some(OsString::from("relative")),
            _ => None,
        };
        let (config, data, cache, home) = folders(env, home).expect("folders");
        assert_eq!(config, PathBuf::from("/etc/xdg-a/yuedu"));
        assert_eq!(data, PathBuf::from("/home/a/.local/share/yuedu"));
        assert_eq!(cache, PathBuf::from("/home/a/.cache/yuedu"));
        assert_eq!(home, PathBuf::from("/home/a"));
        assert!(folders(|_| None, None).is_none());
        assert!(folders(|_| None, Some(PathBuf::from("rel"))).is_none());
    }
}
