//! Word that the program wrote something: the pty reader counts each piece
//! of output (and the end of it) and wakes whoever waits, so a wait ends
//! as soon as the screen can have changed instead of on a polling tick.

use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

#[derive(Default)]
pub struct News {
    pieces: Mutex<u64>,
    arrived: Condvar,
}

impl News {
    /// How many pieces of output have arrived so far.
    pub fn count(&self) -> u64 {
        self.pieces.lock().map(|n| *n).unwrap_or_default()
    }

    /// Counts a piece of output (or the end of it) and wakes the waiters.
    pub fn arrived(&self) {
        if let Ok(mut n) = self.pieces.lock() {
            *n += 1;
        }
        self.arrived.notify_all();
    }

    /// Waits until more than `seen` pieces have arrived or `until` passes,
    /// and returns the count then.
    pub fn wait_past(&self, seen: u64, until: Instant) -> u64 {
        let Ok(mut n) = self.pieces.lock() else { return seen };
        while *n == seen {
            let left = until.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            match self.arrived.wait_timeout(n, left) {
                Ok((guard, _)) => n = guard,
                Err(_) => return seen,
            }
        }
        *n
    }

    /// `wait_past`, for at most `longest` from now.
    pub fn wait_past_for(&self, seen: u64, longest: Duration) -> u64 {
        self.wait_past(seen, Instant::now() + longest)
    }
}
