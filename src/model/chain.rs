//! From one gathering to the next: which gathering comes next, and which held session a new
//! gathering carries "siden sist" from.
//!
//! The rules are written once, over [`HeldFacts`], and used both on the sessions themselves
//! (when one is opened, [`crate::store::sessions::open`]) and on the home screen's summaries of
//! them, so what the screen says opening will do is what opening does.

use super::program::Program;
use super::session::Session;

/// What choosing among held sessions needs to know of each.
pub trait HeldFacts {
    fn gathering(&self) -> u32;
    /// Closed with `n` on its last item.
    fn finished(&self) -> bool;
    /// It took place ([`Session::is_held`]): not only begun and left.
    fn took_place(&self) -> bool;
}

impl HeldFacts for Session {
    fn gathering(&self) -> u32 {
        self.gathering
    }
    fn finished(&self) -> bool {
        self.is_finished()
    }
    fn took_place(&self) -> bool {
        self.is_held()
    }
}

impl<T: HeldFacts> HeldFacts for &T {
    fn gathering(&self) -> u32 {
        (*self).gathering()
    }
    fn finished(&self) -> bool {
        (*self).finished()
    }
    fn took_place(&self) -> bool {
        (*self).took_place()
    }
}

/// The first gathering of `program` with no finished session among `held` (the program's);
/// `None` when all are held.
pub fn next_gathering<T: HeldFacts>(program: &Program, held: &[T]) -> Option<u32> {
    program
        .gatherings
        .iter()
        .map(|g| g.number)
        .find(|n| !held.iter().any(|h| h.gathering() == *n && h.finished()))
}

/// The session a new `gathering` carries from: among `held` (the program's, oldest first by
/// gathering, date and id), the latest that took place of the nearest earlier gathering. A
/// session begun and left empty never counts.
pub fn carried_from<T: HeldFacts>(held: &[T], gathering: u32) -> Option<&T> {
    held.iter()
        .rev()
        .find(|h| h.gathering() < gathering && h.took_place())
}
