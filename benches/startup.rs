//! Start-up: load the bundled collection, build the app and draw the first
//! frame, as `yuedu` does before the user sees anything.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use yuedu::app::{App, Input, ReadingSettings};
use yuedu::config::Config;
use yuedu::library::Library;
use yuedu::ui::theme::Theme;

fn load_and_first_frame(c: &mut Criterion) {
    c.bench_function("startup/load_config_library_first_frame_120x35", |b| {
        b.iter(|| {
            let config = Config::default_config().expect("default config");
            let keymap = config.keymap.clone();
            let mut app = App::new(Library::bundled(), keymap, ReadingSettings::default(), 120, 35);
            app.handle(Input::Resize { width: 120, height: 35 });
            let mut buf = Buffer::empty(Rect::new(0, 0, 120, 35));
            yuedu::ui::render(&app, &Theme::dark(), &mut buf);
            black_box(buf);
        })
    });
}

criterion_group!(benches, load_and_first_frame);
criterion_main!(benches);
