//! The map's gestures: drag and pinch with pointers, the wheel and the keys, each turned into a
//! new view by `cdo_model::map` (`Gesture`, `View::wheeled`, `View::keyed`) and handed on. What
//! is left here is the browser's part: event positions in map units, `preventDefault`, and when
//! a view is only shown and when it is also written to the address.

use cdo_model::geo::Point;
use cdo_model::map::{Gesture, MapState, View};
use leptos::ev;
use leptos::html::Div;
use leptos::prelude::*;

/// The frame's gestures, for its handlers (`on:wheel=move |ev| gestures.wheel(ev)`, …; `up`
/// for both `pointerup` and `pointercancel`).
#[derive(Clone, Copy)]
pub(super) struct MapGestures {
    frame: NodeRef<Div>,
    units_per_px: ReadSignal<f64>,
    state: RwSignal<MapState>,
    commit: Callback<(MapState, bool)>,
    gesture: StoredValue<Gesture>,
}

/// Drag, pinch, wheel and keys on `frame`. A drag or pinch shows each new view at once
/// (`state`) and writes it when the last pointer is up; wheel and keys go through `commit`
/// (`push` false: the address's entry is rewritten, not added to).
pub(super) fn use_map_gestures(
    frame: NodeRef<Div>,
    units_per_px: ReadSignal<f64>,
    state: RwSignal<MapState>,
    commit: Callback<(MapState, bool)>,
) -> MapGestures {
    MapGestures {
        frame,
        units_per_px,
        state,
        commit,
        gesture: StoredValue::new(Gesture::default()),
    }
}

impl MapGestures {
    pub fn wheel(self, ev: ev::WheelEvent) {
        ev.prevent_default();
        let at = self.at(ev.client_x(), ev.client_y());
        self.commit_view(self.state.get_untracked().view.wheeled(ev.delta_y(), at));
    }

    pub fn down(self, ev: ev::PointerEvent) {
        if ev.button() == 0 {
            let p = self.at(ev.client_x(), ev.client_y());
            self.gesture.update_value(|g| g.down(ev.pointer_id(), p));
        }
    }

    pub fn moved(self, ev: ev::PointerEvent) {
        let p = self.at(ev.client_x(), ev.client_y());
        let st = self.state.get_untracked();
        let next = self
            .gesture
            .try_update_value(|g| g.move_to(ev.pointer_id(), p, st.view))
            .flatten();
        // Dragging only moves the view; the address follows when the pointer is released.
        if let Some(view) = next {
            self.state.set(MapState { view, ..st });
        }
    }

    pub fn up(self, ev: ev::PointerEvent) {
        let ended = self
            .gesture
            .try_update_value(|g| g.up(ev.pointer_id()))
            .unwrap_or(false);
        if ended {
            self.commit.run((self.state.get_untracked(), false));
        }
    }

    pub fn key(self, ev: ev::KeyboardEvent) {
        if let Some(view) = self.state.get_untracked().view.keyed(&ev.key()) {
            ev.prevent_default();
            self.commit_view(view);
        }
    }

    /// A new view, shown at once and written to the address once the reader pauses.
    fn commit_view(self, view: View) {
        let st = self.state.get_untracked();
        self.commit.run((MapState { view, ..st }, false));
    }

    /// An event's position in the frame, in map units.
    fn at(self, client_x: i32, client_y: i32) -> Point {
        let rect = self
            .frame
            .get_untracked()
            .map(|d| d.get_bounding_client_rect());
        let (left, top) = rect.map_or((0.0, 0.0), |r| (r.left(), r.top()));
        let k = self.units_per_px.get_untracked();
        Point {
            x: (f64::from(client_x) - left) * k,
            y: (f64::from(client_y) - top) * k,
        }
    }
}
