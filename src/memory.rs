//! The allocator's tuning: memory freed is given back to the system.
//!
//! # Design
//!
//! the allocator's tuning (glibc): `tune` maps blocks of 128 KiB or more on their own, so freed
//! large copies leave; `release` (malloc_trim) gives the pages loading freed back after each
//! background batch, on a thread of its own (`Releaser`): trimming a heap that held a large
//! collection takes tens of milliseconds, more than a frame

/// Blocks of 128 KiB or more are mapped on their own and given back to the
/// system when freed. Otherwise glibc raises that bound to the size of the
/// largest block freed, and the copies a large file passes through while
/// it is read stay resident after they are freed (44 MB for an 11 MB file).
/// Called first thing, before any other thread exists.
pub fn tune() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets a tuning value of the allocator; it is
    // called before any other thread exists.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
    }
}

/// Gives the pages of memory freed back to the system: called after each
/// background batch is merged in, when the lists, candidates and cache
/// entries that reading it went through are gone (for 57,603 short poems,
/// about 3 MB of resident memory once loaded).
pub fn release() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free memory of the allocator's own
    // to the system; it is thread-safe and touches nothing in use.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// A thread that gives freed memory back (`release`) when asked, so the
/// thread that asks never waits for it. Requests made while it works are
/// served by one more release; it ends when the handle is dropped.
pub struct Releaser {
    wake: std::sync::mpsc::Sender<()>,
}

impl Releaser {
    pub fn spawn() -> Releaser {
        let (wake, asked) = std::sync::mpsc::channel::<()>();
        std::thread::spawn(move || {
            while asked.recv().is_ok() {
                // Every request made meanwhile is served by this release.
                while asked.try_recv().is_ok() {}
                release();
            }
        });
        Releaser { wake }
    }

    /// Asks for a release; returns at once.
    pub fn request(&self) {
        // The thread is gone only if it panicked: then nothing is released.
        let _ = self.wake.send(());
    }
}
