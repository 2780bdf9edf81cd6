//! Waiting on the program and typing to it: for text on the screen, for
//! a condition, for the output to go quiet; keys sent with or without
//! waiting for the answer.

use std::io::Write;
use std::time::{Duration, Instant};

use super::super::TIMEOUT;
use super::{BACKSTOP, Session};

impl Session {
    /// Waits until the screen shows `text`; panics with the screen if it never does.
    pub fn wait_for(&self, text: &str) {
        if self.wait_on(Instant::now() + TIMEOUT, |s| s.screen().contains(text)) {
            return;
        }
        panic!("screen never showed {text:?}; it shows:\n{}", self.screen());
    }

    /// Waits until `done` holds for the session; panics with the screen if it never does.
    pub fn wait_until(&self, what: &str, done: impl Fn(&Session) -> bool) {
        if self.wait_on(Instant::now() + TIMEOUT, done) {
            return;
        }
        panic!("never saw {what}; the screen shows:\n{}", self.screen());
    }

    /// Whether `done` holds before `deadline`: looked at again as soon as
    /// output arrives (and at least every `BACKSTOP`).
    pub fn wait_on(&self, deadline: Instant, done: impl Fn(&Session) -> bool) -> bool {
        loop {
            let seen = self.news.count();
            if done(self) {
                return true;
            }
            let now = Instant::now();
            if now >= deadline {
                return false;
            }
            self.news.wait_past(seen, deadline.min(now + BACKSTOP));
        }
    }

    /// Waits until no output has arrived for `quiet`, or `deadline` passes
    /// (then `false`). `seen` and `since`: the output counted so far and
    /// when it last changed.
    fn quiet_for(&self, quiet: Duration, deadline: Instant, mut seen: u64, mut since: Instant) -> bool {
        while Instant::now() < deadline {
            let now = self.news.wait_past(seen, deadline.min(since + quiet));
            if now != seen {
                (seen, since) = (now, Instant::now());
            } else if since.elapsed() >= quiet {
                return true;
            }
        }
        false
    }

    /// Waits until the program has drawn all it had to: its output has been
    /// quiet for a few frames' time. For checks that nothing more moves.
    pub fn settle(&self) {
        let quiet = Duration::from_millis(250);
        let now = Instant::now();
        if self.quiet_for(quiet, now + TIMEOUT, self.news.count(), now) {
            return;
        }
        panic!("the output never settled; the screen shows:\n{}", self.screen());
    }

    /// Types `keys` and waits for the program to answer: until its output,
    /// once it has changed, has been quiet for a few frames' time; for keys
    /// that change nothing on screen, at most `UNANSWERED`. Either way the
    /// next keys come as a separate press (a lone ESC is told from a
    /// sequence by time).
    pub fn send(&mut self, keys: &str) {
        const QUIET: Duration = Duration::from_millis(50);
        const UNANSWERED: Duration = Duration::from_millis(120);
        let before = self.news.count();
        let mut writer = self.writer.lock().expect("writer");
        writer.write_all(keys.as_bytes()).expect("write keys");
        writer.flush().expect("flush");
        drop(writer);
        let start = Instant::now();
        // Output that never goes quiet is left to the caller's own waits.
        let seen = self.news.wait_past(before, start + UNANSWERED);
        if seen != before {
            self.quiet_for(QUIET, start + TIMEOUT, seen, Instant::now());
        }
    }

    /// Types `keys` and goes on at once, as a reader typing ahead does: the
    /// program may still be busy with what came before.
    pub fn type_ahead(&mut self, keys: &str) {
        let mut writer = self.writer.lock().expect("writer");
        writer.write_all(keys.as_bytes()).expect("write keys");
        writer.flush().expect("flush");
    }
}
